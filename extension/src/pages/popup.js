import { t, translatePage, when } from './i18n.js';
import { DEFAULT_SETTINGS, serviceUrls, validateSettings } from '../lib/settings.js';
import { Api } from '../lib/api.js';
import { duration } from '../lib/format.js';

const $ = (id) => document.getElementById(id);
const TOP = 5;

translatePage();
$('options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
});
render();

async function render() {
  const { ajustes, cola, envio, rastreo } = await chrome.storage.local.get(['ajustes', 'cola', 'envio', 'rastreo']);
  const settings = { ...DEFAULT_SETTINGS, ...ajustes };
  const queued = cola?.count ?? 0;
  $('queue').textContent = t('queueLine', [String(queued), when(envio?.lastOkAt)]);
  $('current').textContent = rastreo?.host ? t('measuringNow', [rastreo.host]) : t('notMeasuring');
  $('panel').href = serviceUrls(settings).panel || '#';

  if (validateSettings(settings).length) {
    setStatus('warn', t('statusUnconfigured'));
    $('unconfigured').classList.remove('hidden');
    return;
  }
  const api = new Api(settings);
  try {
    const [daily, categories] = await Promise.all([api.daily(), api.categories('hoy')]);
    if (daily.status === 401 || categories.status === 401) {
      setStatus('bad', t('statusTokenRejected'));
      offline(t('tokenRejectedHelp'));
      return;
    }
    if (daily.status !== 200 || categories.status !== 200) throw new Error(`HTTP ${daily.status}/${categories.status}`);
    setStatus(envio?.lastError && envio.lastError.kind !== 'refused' ? 'warn' : 'ok',
      envio?.lastError && envio.lastError.kind !== 'refused' ? t('statusSendFailing') : t('statusOnline'));
    showToday(daily.body, categories.body);
  } catch (error) {
    setStatus('bad', t('statusOffline'));
    offline(t('offlineHelp', [String(queued)]));
  }
}

function setStatus(kind, text) {
  $('status').className = `pill ${kind}`;
  $('status').textContent = text;
}

function offline(text) {
  $('offline').textContent = text;
  $('offline').classList.remove('hidden');
}

function showToday(daily, categories) {
  const today = daily?.dias?.at(-1);
  $('total').textContent = duration(today?.segundos ?? 0);
  bars($('sites'), (today?.dominios ?? []).slice(0, TOP).map((d) => [d.dominio, d.segundos]));
  bars($('categories'), [...(categories?.categorias ?? [])].sort((a, b) => b.segundos - a.segundos).slice(0, TOP).map((c) => [c.categoria, c.segundos]));
}

function bars(list, rows) {
  if (rows.length === 0) return;
  const max = Math.max(...rows.map(([, s]) => s), 1);
  list.replaceChildren(...rows.map(([name, seconds]) => {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = name;
    const value = document.createElement('span');
    value.className = 'muted';
    value.textContent = duration(seconds);
    const bar = document.createElement('div');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.style.width = `${Math.round((seconds / max) * 100)}%`;
    bar.append(fill);
    li.append(label, value, bar);
    return li;
  }));
}
