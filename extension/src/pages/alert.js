import { t, translatePage } from './i18n.js';
import { DEFAULT_SETTINGS } from '../lib/settings.js';
import { Api } from '../lib/api.js';
import { alertDomains, tabsToClose } from '../lib/alerts.js';
import { duration } from '../lib/format.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');

translatePage();
show();

async function loadAlert() {
  const { alertas } = await chrome.storage.local.get('alertas');
  return (alertas?.lista ?? []).find((a) => String(a.id) === id) ?? null;
}

async function show() {
  const alert = await loadAlert();
  if (!alert) {
    $('level').textContent = t('alertUnknown');
    $('acceptClose').disabled = true;
    $('accept').disabled = true;
    return;
  }
  document.title = `${t(alert.nivel === 'exceso' ? 'alertExceeded' : 'alertNear')} · ${alert.dominio ?? alert.categoria}`;
  $('level').textContent = t(alert.nivel === 'exceso' ? 'alertExceeded' : 'alertNear');
  $('level').className = alert.nivel;
  $('subject').textContent = alert.dominio ?? alert.categoria;
  $('kind').textContent = t(alert.dominio ? 'alertSite' : 'alertCategory');
  const percent = alert.limite_segundos ? Math.round((alert.uso_segundos / alert.limite_segundos) * 100) : 0;
  $('usage').textContent = t('alertUsage', [duration(alert.uso_segundos), duration(alert.limite_segundos), String(percent)]);
  $('fill').style.width = `${Math.min(100, percent)}%`;
  if (alert.aceptada) $('result').textContent = t('alertAlreadyAccepted');

  $('acceptClose').addEventListener('click', () => act(alert, true));
  $('accept').addEventListener('click', () => act(alert, false));
}

/**
 * Acknowledges the alert; with `closeSite`, closes every tab of the site (or, for a category
 * limit, of the category's sites in today's usage), then this page. An acknowledgement that
 * cannot reach the server is handed to the service worker, which retries it.
 */
async function act(alert, closeSite) {
  $('acceptClose').disabled = true;
  $('accept').disabled = true;
  const { ajustes } = await chrome.storage.local.get('ajustes');
  const api = new Api({ ...DEFAULT_SETTINGS, ...ajustes });
  let acknowledged = false;
  try {
    acknowledged = (await api.acceptAlert(alert.id)).status === 200;
  } catch {
    acknowledged = false;
  }
  // The service worker owns the stored alerts (it may be writing a new one right now).
  await chrome.runtime.sendMessage({ tipo: 'aceptada', id: alert.id, entregada: acknowledged });

  if (closeSite) {
    let daily = null;
    if (!alert.dominio) daily = await api.daily().then((r) => r.body).catch(() => null);
    const tabs = await chrome.tabs.query({});
    const ids = tabsToClose(tabs, alertDomains(alert, daily));
    if (ids.length) await chrome.tabs.remove(ids);
  }
  $('result').className = acknowledged ? 'ok small' : 'warn small';
  $('result').textContent = t(acknowledged ? 'alertAccepted' : 'alertAcceptQueued');
  const self = await chrome.tabs.getCurrent();
  if (self) setTimeout(() => chrome.tabs.remove(self.id), acknowledged ? 600 : 2500);
}
