// TiempoCheck service worker: measures, queues, sends, and holds the alert stream open.
// MV3 stops this worker whenever it is idle, so every piece of state lives in chrome.storage and
// a periodic alarm wakes it up; nothing depends on globals surviving.

import { DEFAULT_TIMING, initialState, step, toEvents } from './lib/tracker.js';
import { EventQueue } from './lib/queue.js';
import { DEFAULT_RETRY, flush, initialSenderState } from './lib/sender.js';
import { createSseParser } from './lib/sse.js';
import { DEFAULT_SETTINGS, serviceUrls } from './lib/settings.js';
import { Api } from './lib/api.js';
import { alertActions, reconnectDelayMs } from './lib/alerts.js';
import { trackableHost } from './lib/hosts.js';
import { localDate, localIso } from './lib/time.js';
import { duration } from './lib/format.js';

/**
 * Timings; the end-to-end tests shorten them through the `tiempos` storage key (alarms may fire
 * every second for an unpacked extension). flushAt: queue size that triggers a send before the
 * next tick. streamStaleSeconds: no byte on the alert stream for this long (the server sends a
 * keep-alive every 15 s) means the connection is dead.
 */
const DEFAULT_TUNING = Object.freeze({ ...DEFAULT_TIMING, flushAt: 100, streamStaleSeconds: 45, retry: DEFAULT_RETRY });
const KEPT_ALERTS = 50;
const TICK = 'tick';

const store = chrome.storage.local;
const queue = new EventQueue(store);

// One writer at a time for everything read-modify-written in storage.
let chain = Promise.resolve();
function locked(fn) {
  const run = chain.then(fn, fn);
  chain = run.catch((error) => console.error('TiempoCheck:', error));
  return run;
}
const lockedQueue = {
  peek: (limit) => locked(() => queue.peek(limit)),
  remove: (ids) => locked(() => queue.remove(ids)),
};

async function settings() {
  const { ajustes } = await store.get('ajustes');
  return { ...DEFAULT_SETTINGS, ...ajustes };
}

async function tuning() {
  const { tiempos } = await store.get('tiempos');
  return { ...DEFAULT_TUNING, ...tiempos, retry: { ...DEFAULT_RETRY, ...tiempos?.retry } };
}

// ---------------------------------------------------------------- measuring

/** The host in the active tab of the focused browser window, or null. */
async function currentView() {
  const win = await chrome.windows.getLastFocused().catch(() => null);
  if (!win?.focused) return { type: 'view', host: null, focused: false };
  const [tab] = await chrome.tabs.query({ active: true, windowId: win.id });
  return { type: 'view', host: trackableHost(tab?.url), focused: true };
}

/**
 * Applies one signal to the tracker and queues the finished intervals. `signal` may be a function:
 * it is then evaluated inside the lock, so views are read and applied in order and the last one
 * applied is always the browser's latest state.
 */
async function observe(signal) {
  const { timing, queued } = await locked(async () => {
    const current = await tuning();
    const applied = typeof signal === 'function' ? await signal() : signal;
    const { rastreo } = await store.get('rastreo');
    const { state, intervals } = step({ ...initialState(), ...rastreo }, applied, Date.now(), current);
    const events = toEvents(intervals, { newId: () => crypto.randomUUID(), iso: (ms) => localIso(ms) });
    await queue.push(events, { rastreo: state });
    return { timing: current, queued: events.length ? await queue.size() : 0 };
  });
  if (queued >= timing.flushAt) sendNow();
}

const refreshView = () => observe(currentView);

chrome.tabs.onActivated.addListener(refreshView);
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (tab.active && (change.url || change.status)) refreshView();
});
chrome.tabs.onRemoved.addListener(refreshView);
chrome.tabs.onReplaced.addListener(refreshView);
chrome.windows.onFocusChanged.addListener(refreshView);
chrome.idle.onStateChanged.addListener((state) => observe({ type: 'idle', state }));

// ---------------------------------------------------------------- sending

let sending = null;

/** One send at a time; a call during a send waits for it. */
function sendNow() {
  sending ??= doSend().finally(() => { sending = null; });
  return sending;
}

async function doSend() {
  const current = await settings();
  if (!current.token || !serviceUrls(current).ingest) return;
  const api = new Api(current);
  const { envio } = await store.get('envio');
  const { retry } = await tuning();
  const next = await flush({
    queue: lockedQueue,
    post: (events) => api.postEvents(events),
    now: Date.now,
    state: { ...initialSenderState(), ...envio },
    retry,
  });
  await store.set({ envio: next });
  await showBadge(next);
}

async function resetBackoff() {
  await locked(async () => {
    const { envio } = await store.get('envio');
    await store.set({ envio: { ...initialSenderState(), ...envio, failures: 0, nextAttemptAt: 0, batchLimit: null } });
  });
}

async function showBadge(envio) {
  const problem = envio.lastError && envio.lastError.kind !== 'refused';
  await chrome.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await chrome.action.setBadgeText({ text: problem ? '!' : '' });
  await chrome.action.setTitle({
    title: problem ? chrome.i18n.getMessage('badgeOffline') : chrome.i18n.getMessage('extName'),
  });
}

// ---------------------------------------------------------------- alerts

let stream = null; // { controller, lastDataAt }
let streamFailures = 0;
let streamRetryAt = 0;
let alertWork = Promise.resolve();

async function streamStatus(status) {
  await chrome.storage.session.set({ flujo: { ...status, at: Date.now() } });
}

function stopStream() {
  const s = stream;
  stream = null;
  s?.controller.abort();
}

/** Opens the alert stream unless it is open and alive; called on every tick and settings change. */
async function ensureStream() {
  const current = await settings();
  if (!current.token || !serviceUrls(current).alerts) {
    stopStream();
    return;
  }
  const { streamStaleSeconds } = await tuning();
  if (stream && Date.now() - stream.lastDataAt <= streamStaleSeconds * 1000) return;
  stopStream();
  if (Date.now() < streamRetryAt) return;
  openStream(current);
}

async function openStream(current) {
  const api = new Api(current);
  const controller = new AbortController();
  const own = { controller, lastDataAt: Date.now() };
  stream = own;
  try {
    const { alertas } = await store.get('alertas');
    // Without an id the server sends only alerts raised after connecting; "0" replays them all,
    // so a first connection or one that drops before any alert arrived misses nothing. Old and
    // accepted ones are stored but not shown (alertActions).
    const headers = api.headers({ Accept: 'text/event-stream', 'Last-Event-ID': alertas?.ultimoId || '0' });
    const response = await fetch(api.streamUrl(), { headers, signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    streamFailures = 0;
    await streamStatus({ estado: 'conectado' });
    const parser = createSseParser((event) => {
      if (event.type === 'alerta') alertWork = alertWork.then(() => receiveAlert(event)).catch(console.error);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('closed by the server');
      own.lastDataAt = Date.now();
      parser.push(value);
      // Also an extension API call, which keeps this worker alive while the stream is healthy.
      await chrome.storage.session.set({ flujoDatosEn: own.lastDataAt });
    }
  } catch (error) {
    if (stream !== own) return; // stopped on purpose (stale, settings changed)
    stream = null;
    streamFailures += 1;
    const delay = reconnectDelayMs(streamFailures);
    streamRetryAt = Date.now() + delay;
    await streamStatus({ estado: 'desconectado', error: String(error?.message ?? error) });
    setTimeout(ensureStream, delay);
  }
}

async function receiveAlert({ id, data }) {
  let alert;
  try {
    alert = JSON.parse(data);
  } catch {
    console.warn('TiempoCheck: unreadable alert', id, data);
    return;
  }
  const actions = await locked(async () => {
    const { alertas } = await store.get('alertas');
    const list = alertas?.lista ?? [];
    const seen = list.some((a) => String(a.id) === String(alert.id));
    const kept = seen ? list : [{ ...alert, recibidaEn: Date.now() }, ...list].slice(0, KEPT_ALERTS);
    await store.set({ alertas: { ...alertas, lista: kept, ultimoId: id || String(alert.id) } });
    return alertActions(alert, seen, localDate(Date.now() - 86_400_000));
  });
  if (actions.notify) await notify(alert);
  if (actions.openPage) await openAlertPage(alert.id);
}

function alertSubject(alert) {
  return alert.dominio ?? alert.categoria ?? '';
}

async function notify(alert) {
  const key = alert.nivel === 'exceso' ? 'notifyExceededTitle' : 'notifyNearTitle';
  await chrome.notifications.create(`alerta-${alert.id}`, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon128.png'),
    title: chrome.i18n.getMessage(key, [alertSubject(alert)]),
    message: chrome.i18n.getMessage('notifyBody', [duration(alert.uso_segundos), duration(alert.limite_segundos)]),
    priority: 2,
    requireInteraction: alert.nivel === 'exceso',
  });
}

async function openAlertPage(id) {
  const url = chrome.runtime.getURL(`src/pages/alert.html?id=${encodeURIComponent(id)}`);
  const [open] = await chrome.tabs.query({ url });
  if (open) {
    await chrome.tabs.update(open.id, { active: true });
    return;
  }
  await chrome.tabs.create({ url, active: true });
}

chrome.notifications.onClicked.addListener((notificationId) => {
  if (notificationId.startsWith('alerta-')) openAlertPage(notificationId.slice('alerta-'.length));
});

/** Marks an alert accepted locally; one the server did not hear about yet is retried on each tick. */
function markAccepted(alertId, delivered) {
  return locked(async () => {
    const { alertas } = await store.get('alertas');
    const lista = (alertas?.lista ?? []).map((a) => (String(a.id) === String(alertId) ? { ...a, aceptada: true } : a));
    const pending = alertas?.porAceptar ?? [];
    const porAceptar = delivered || pending.includes(alertId) ? pending : [...pending, alertId];
    await store.set({ alertas: { ...alertas, lista, porAceptar } });
  });
}

/** Acknowledgements the alert page could not deliver (server down) are retried here. */
async function retryAcks() {
  const { alertas } = await store.get('alertas');
  const pending = alertas?.porAceptar ?? [];
  if (pending.length === 0) return;
  const api = new Api(await settings());
  const done = [];
  for (const id of pending) {
    try {
      const { status } = await api.acceptAlert(id);
      if (status === 200 || status === 404) done.push(id); // 404: the alert is gone, nothing to do
    } catch {
      break;
    }
  }
  if (done.length) {
    await locked(async () => {
      const { alertas: latest } = await store.get('alertas');
      await store.set({ alertas: { ...latest, porAceptar: (latest.porAceptar ?? []).filter((id) => !done.includes(id)) } });
    });
  }
}

// ---------------------------------------------------------------- heartbeat and set-up

async function ensureAlarm() {
  const { tickSeconds } = await tuning();
  const period = tickSeconds / 60;
  const alarm = await chrome.alarms.get(TICK);
  if (!alarm || alarm.periodInMinutes !== period) {
    await chrome.alarms.create(TICK, { delayInMinutes: period, periodInMinutes: period });
  }
}

async function applyIdleThreshold() {
  const { idleSeconds } = await settings();
  chrome.idle.setDetectionInterval(idleSeconds);
  await observe({ type: 'idle', state: await chrome.idle.queryState(idleSeconds) });
}

chrome.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== TICK) return;
  await refreshView();
  await Promise.all([sendNow(), ensureStream(), retryAcks()]);
});

chrome.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'local') return;
  if (changes.ajustes) {
    await resetBackoff();
    streamRetryAt = 0;
    stopStream();
    await applyIdleThreshold();
    await Promise.all([sendNow(), ensureStream()]);
  }
  if (changes.tiempos) await ensureAlarm();
});

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message?.tipo === 'aceptada') {
    markAccepted(message.id, message.entregada).then(() => reply({ ok: true }));
    return true;
  }
  if (message?.tipo === 'enviar') {
    resetBackoff().then(sendNow).then(() => reply({ ok: true }), (error) => reply({ ok: false, error: String(error) }));
    return true;
  }
  return false;
});

chrome.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') chrome.runtime.openOptionsPage();
});

// Every start of the worker: after install, browser start, or a wake-up by any event.
(async () => {
  await ensureAlarm();
  await applyIdleThreshold();
  await refreshView();
  await ensureStream();
})().catch((error) => console.error('TiempoCheck start-up:', error));
