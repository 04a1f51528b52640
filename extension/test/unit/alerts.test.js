import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertActions, alertDomains, reconnectDelayMs, tabsToClose } from '../../src/lib/alerts.js';

const exceso = { id: 42, nivel: 'exceso', dominio: 'youtube.com', categoria: null, dia: '2026-11-27', aceptada: false };
const YESTERDAY = '2026-11-26';

test('exceso notifies and opens the page; proximidad only notifies; seen or accepted do nothing', () => {
  assert.deepEqual(alertActions(exceso, false, YESTERDAY), { notify: true, openPage: true });
  assert.deepEqual(alertActions({ ...exceso, nivel: 'proximidad' }, false, YESTERDAY), { notify: true, openPage: false });
  assert.deepEqual(alertActions(exceso, true, YESTERDAY), { notify: false, openPage: false });
  assert.deepEqual(alertActions({ ...exceso, aceptada: true }, false, YESTERDAY), { notify: false, openPage: false });
});

test('alerts of past days replayed after a long time offline are not shown', () => {
  assert.deepEqual(alertActions({ ...exceso, dia: YESTERDAY }, false, YESTERDAY), { notify: true, openPage: true });
  assert.deepEqual(alertActions({ ...exceso, dia: '2026-11-20' }, false, YESTERDAY), { notify: false, openPage: false });
});

test('"Aceptar y cerrar" closes every tab of the site and nothing else', () => {
  const tabs = [
    { id: 1, url: 'https://www.youtube.com/watch?v=1' },
    { id: 2, url: 'https://m.youtube.com/' },
    { id: 3, url: 'https://notyoutube.com/' },
    { id: 4, url: 'chrome-extension://x/src/pages/alert.html?id=42' },
    { id: 5, pendingUrl: 'https://youtube.com/shorts' },
  ];
  assert.deepEqual(tabsToClose(tabs, alertDomains(exceso, null)), [1, 2, 5]);
});

test('a category alert closes the tabs of that category\'s sites used today', () => {
  const daily = { dias: [{ dominios: [] }, { dominios: [
    { dominio: 'youtube.com', categoria: 'Entretenimiento', segundos: 500 },
    { dominio: 'netflix.com', categoria: 'Entretenimiento', segundos: 200 },
    { dominio: 'github.com', categoria: 'Herramientas', segundos: 900 },
  ] }] };
  const alert = { ...exceso, dominio: null, categoria: 'Entretenimiento' };
  assert.deepEqual(alertDomains(alert, daily), ['youtube.com', 'netflix.com']);
  assert.deepEqual(tabsToClose([{ id: 1, url: 'https://www.netflix.com/' }, { id: 2, url: 'https://github.com/' }], alertDomains(alert, daily)), [1]);
  assert.deepEqual(alertDomains(alert, null), []);
});

test('stream reconnects back off from 1 s to a minute', () => {
  assert.deepEqual([1, 2, 3, 7, 30].map((f) => reconnectDelayMs(f)), [1000, 2000, 4000, 60_000, 60_000]);
});
