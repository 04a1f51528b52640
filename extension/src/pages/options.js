import { t, translatePage, when } from './i18n.js';
import { DEFAULT_SETTINGS, LOCAL_URLS, describeToken, originPatterns, validateSettings } from '../lib/settings.js';
import { Api } from '../lib/api.js';
import { connectWithPassword } from '../lib/connect.js';
import { localDate } from '../lib/time.js';

const form = document.getElementById('form');
const $ = (id) => document.getElementById(id);
const FIELDS = ['servidor', 'ingestUrl', 'featuresUrl', 'alertsUrl', 'panelUrl', 'token', 'idleSeconds'];

translatePage();
load();

async function load() {
  const { ajustes } = await chrome.storage.local.get('ajustes');
  const current = { ...DEFAULT_SETTINGS, ...ajustes };
  for (const name of FIELDS) form.elements[name].value = current[name] ?? '';
  $('separate').checked = Boolean(current.ingestUrl || current.featuresUrl || current.alertsUrl);
  showSeparate();
  showToken();
  await showStatus();
}

function readForm() {
  const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value.trim()]));
  if (!$('separate').checked) Object.assign(values, { ingestUrl: '', featuresUrl: '', alertsUrl: '' });
  values.idleSeconds = Number(values.idleSeconds);
  return values;
}

function showSeparate() {
  $('perService').classList.toggle('hidden', !$('separate').checked);
}

function showToken() {
  const token = form.elements.token.value.trim();
  const info = describeToken(token);
  $('tokenInfo').textContent = !token ? '' : info
    ? t('tokenDescribed', [String(info.usuario), info.tz ?? '—', when(info.expira)])
    : t('tokenNotJwt');
}

function showProblems(problems) {
  for (const name of FIELDS) {
    const input = form.elements[name];
    input.removeAttribute('aria-invalid');
    input.parentElement.querySelector(`.field-error[data-for="${name}"]`)?.remove();
  }
  for (const [name, key] of problems) {
    const input = form.elements[name];
    input.setAttribute('aria-invalid', 'true');
    const note = document.createElement('div');
    note.className = 'field-error';
    note.dataset.for = name;
    note.textContent = t(key);
    input.insertAdjacentElement('afterend', note);
  }
}

/** Host access for a server other than 127.0.0.1/localhost is asked for when it is configured. */
async function ensureAccess(values) {
  const origins = originPatterns(values);
  if (await chrome.permissions.contains({ origins })) return true;
  return chrome.permissions.request({ origins });
}

$('connect').elements.dispositivo.value = t('connectDeviceDefault');

/** Signs in, creates this browser's device token and saves it with the server settings above. */
$('connect').addEventListener('submit', async (event) => {
  event.preventDefault();
  const state = $('connectState');
  const values = readForm();
  const fields = $('connect').elements;
  const problems = validateSettings({ ...values, token: 'pendiente' });
  showProblems(problems);
  if (problems.length) {
    state.className = 'bad';
    state.textContent = t('fixFields');
    return;
  }
  if (!(await ensureAccess(values))) {
    state.className = 'bad';
    state.textContent = t('accessDenied');
    return;
  }
  $('connectButton').disabled = true;
  state.className = 'muted';
  state.textContent = t('connecting');
  try {
    const result = await connectWithPassword(values, {
      usuario: fields.usuario.value.trim(), contrasena: fields.contrasena.value, dispositivo: fields.dispositivo.value.trim(),
    });
    fields.contrasena.value = '';
    if (!result.ok) {
      state.className = 'bad';
      const reason = t(result.code, [String(result.retryAfter ?? result.status ?? '')]);
      state.textContent = result.motivo ? `${reason}: ${result.campo ? `${result.campo} ` : ''}${result.motivo}` : reason;
      return;
    }
    form.elements.token.value = result.token;
    showToken();
    await chrome.storage.local.set({ ajustes: { ...values, token: result.token } });
    state.className = 'ok';
    state.textContent = t('connectDone');
  } finally {
    $('connectButton').disabled = false;
  }
});

$('separate').addEventListener('change', showSeparate);
form.elements.token.addEventListener('input', showToken);
$('localPreset').addEventListener('click', () => {
  for (const [name, url] of Object.entries(LOCAL_URLS)) form.elements[name].value = url;
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const values = readForm();
  const problems = validateSettings(values);
  showProblems(problems);
  const saved = $('saved');
  if (problems.length) {
    saved.className = 'bad';
    saved.textContent = t('fixFields');
    return;
  }
  if (!(await ensureAccess(values))) {
    saved.className = 'bad';
    saved.textContent = t('accessDenied');
    return;
  }
  await chrome.storage.local.set({ ajustes: values });
  saved.className = 'ok';
  saved.textContent = t('saved');
});

$('test').addEventListener('click', async () => {
  const values = readForm();
  const problems = validateSettings(values);
  showProblems(problems);
  const list = $('testResults');
  list.replaceChildren();
  if (problems.length) {
    list.append(item('bad', t('fixFields')));
    return;
  }
  if (!(await ensureAccess(values))) {
    list.append(item('bad', t('accessDenied')));
    return;
  }
  $('test').disabled = true;
  list.append(item('muted', t('testing')));
  try {
    const results = await new Api(values).testConnection(localDate(Date.now()));
    list.replaceChildren(...results.map((r) => item(r.ok ? 'ok' : 'bad',
      `${r.ok ? '✓' : '✗'} ${t(`service_${r.service}`)} (${r.url}): ${t(r.code, [String(r.status ?? '')])}`)));
    const allOk = results.every((r) => r.ok);
    list.append(item(allOk ? 'ok' : 'bad', t(allOk ? 'testAllOk' : 'testSomeFailed')));
  } finally {
    $('test').disabled = false;
  }
});

$('sendNow').addEventListener('click', async () => {
  $('sendNow').disabled = true;
  try {
    await chrome.runtime.sendMessage({ tipo: 'enviar' });
  } finally {
    $('sendNow').disabled = false;
    await showStatus();
  }
});

function item(className, text) {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = text;
  return li;
}

async function showStatus() {
  const { cola, envio } = await chrome.storage.local.get(['cola', 'envio']);
  const { flujo } = await chrome.storage.session.get('flujo');
  $('queued').textContent = cola?.count ?? 0;
  $('sent').textContent = envio?.sent ?? 0;
  $('rejected').textContent = envio?.rejected ?? 0;
  $('dropped').textContent = cola?.dropped ?? 0;

  const send = $('sendState');
  if (envio?.lastError && envio.lastError.kind !== 'refused') {
    send.className = 'small bad';
    send.textContent = t(`sendError_${envio.lastError.kind}`, [envio.lastError.message ?? '', when(envio.lastError.at), when(envio.nextAttemptAt)]);
  } else {
    send.className = 'small muted';
    send.textContent = t('lastSent', [when(envio?.lastOkAt)]);
  }
  const streamLine = $('streamState');
  streamLine.className = `small ${flujo?.estado === 'conectado' ? 'ok' : 'muted'}`;
  streamLine.textContent = flujo?.estado === 'conectado'
    ? t('streamConnected', [when(flujo.at)])
    : t('streamDisconnected', [flujo?.error ?? '—']);

  const rejections = envio?.rejections ?? [];
  $('rejectionsBox').classList.toggle('hidden', rejections.length === 0);
  $('rejections').replaceChildren(...rejections.map((r) =>
    item('', `${when(r.at)} · ${r.dominio ?? '—'} · ${r.campo ?? ''} ${r.motivo}`)));
}

chrome.storage.onChanged.addListener((changes) => {
  if (changes.cola || changes.envio || changes.flujo) showStatus();
});
