// End to end: the unpacked extension in Debian's chromium (new headless mode) against the real
// backend started by ./deploy/local/up.sh. Test sites are local; ingest sees public names.
//
// Tolerance: every measured site must be within TOLERANCE_S seconds of the time the test kept it
// in front (the window between the test's own actions, which the extension cannot see exactly).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
  CHROMIUM, ROOT, URLS, call, createUser, launchBrowser, localDay, restartIngest, runnerControlsIngest, sleep,
  startSites, stopIngest, stopServiceWorker, todayByDomain, waitFor,
} from './support.js';

const TOLERANCE_S = 2;
const TZ = 'America/Mexico_City';
const YOUTUBE = 'https://www.youtube.com/watch?v=e2e';
const WIKIPEDIA = 'https://es.wikipedia.org/wiki/Tiempo';
// Short timings for the test (alarms may fire every second for an unpacked extension).
const TIEMPOS = { tickSeconds: 1, cutSeconds: 5, sleepGapSeconds: 20, flushAt: 20, retry: { baseSeconds: 1, maxSeconds: 2, authSeconds: 2 } };
// Screenshots go to docs/screenshots when asked for (UPDATE_SCREENSHOTS=1), else to a temp folder.
const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(ROOT, 'docs/screenshots')
  : path.join(tmpdir(), 'tiempocheck-e2e-screenshots');

if (!existsSync(CHROMIUM)) {
  test('extension end to end', { skip: `NO BROWSER: ${CHROMIUM} is missing (deploy/local/test.sh installs Debian's chromium)` }, () => {});
} else {
  let sites;
  let browser;
  let user;
  let userDataDir;
  let rest; // an extension page, brought to front whenever nothing should be measured
  const started = Date.now();

  const worker = async () => browser.context.serviceWorkers().at(-1) ?? browser.context.waitForEvent('serviceworker');
  const extensionState = async () => (await worker()).evaluate(async () => ({
    ...(await chrome.storage.local.get(['cola', 'envio', 'rastreo', 'alertas'])),
    ...(await chrome.storage.session.get('flujo')),
  }));
  const page = async (file) => {
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/src/pages/${file}`);
    return p;
  };
  /**
   * Shows a page for `seconds` (running `midway` half-way through), then hides it; returns the
   * seconds it really was in front, as seen from here.
   */
  const stay = async (show, seconds, hide, midway = async () => {}) => {
    const from = Date.now();
    const shown = await show();
    await sleep(seconds * 500 - (Date.now() - from));
    await midway();
    await sleep(seconds * 1000 - (Date.now() - from));
    const hidden = await hide();
    return { shown, hidden, seconds: (Date.now() - from) / 1000 };
  };

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    sites = await startSites();
    user = await createUser('E2E extensión', TZ);
    userDataDir = mkdtempSync(path.join(tmpdir(), 'tiempocheck-profile-'));
    browser = await launchBrowser(chromium, userDataDir, sites.port, ['www.youtube.com', 'es.wikipedia.org']);
    await (await worker()).evaluate((tiempos) => chrome.storage.local.set({ tiempos }), TIEMPOS);
    rest = await page('options.html');
  });

  /** Nothing in front that is measured, and everything measured so far sent and counted. */
  const settle = async () => {
    await rest.bringToFront();
    await waitFor(extensionState, (s) => s.rastreo?.host == null && (s.cola?.count ?? 0) === 0, { timeoutMs: 15_000 });
    let last = await todayByDomain(user.token);
    for (;;) {
      await sleep(1000);
      const now = await todayByDomain(user.token);
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
  };

  after(async () => {
    await browser?.context.close();
    await sites?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    console.log(`# e2e wall time: ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
  });

  test('the options page takes the server and token, and "Probar conexión" says the result', async () => {
    const options = await page('options.html');
    await options.check('#separate');
    await options.click('#localPreset');
    await options.fill('#token', user.token);
    await options.fill('#idleSeconds', '60');
    await options.click('#save');
    await assert.doesNotReject(options.locator('#saved.ok').waitFor({ timeout: 5000 }));
    assert.match(await options.locator('#tokenInfo').innerText(), new RegExp(`${user.usuario_id}.*${TZ}`));

    await options.click('#test');
    const results = options.locator('#testResults li');
    await results.nth(3).waitFor({ timeout: 15_000 });
    // The stream connects once the settings are saved.
    const connected = await waitFor(extensionState, (st) => st.flujo?.estado === 'conectado', { timeoutMs: 15_000 });
    assert.equal(connected.flujo?.estado, 'conectado', `alert stream: ${JSON.stringify(connected.flujo)}`);
    const lines = await results.allInnerTexts();
    assert.match(lines[0], /^✓ .*127\.0\.0\.1:8081/, lines.join('\n'));
    assert.match(lines[1], /^✓ .*127\.0\.0\.1:8082/, lines.join('\n'));
    assert.match(lines[2], /^✓ .*127\.0\.0\.1:8083/, lines.join('\n'));
    assert.equal(await results.nth(3).getAttribute('class'), 'ok', lines.join('\n'));
    await options.screenshot({ path: path.join(SHOTS, 'options.png'), fullPage: true });

    // A wrong token gets a clear refusal, not a silent pass.
    await options.fill('#token', `${user.token.slice(0, -4)}AAAA`);
    await options.click('#test');
    await waitFor(() => results.allInnerTexts(), (l) => l.length === 4 && !l[0].startsWith('…'), { timeoutMs: 15_000 });
    const refused = await results.allInnerTexts();
    assert.match(refused[0], /^✗ .*401/, refused.join('\n'));
    await options.close();
  });

  test('two sites visited for known times show up in the usage API with those seconds, across a worker restart', async () => {
    await (await worker()).evaluate(() => { self.e2eMarker = 'first worker'; });
    const youtube = await browser.context.newPage();
    // Half-way through, the service worker is stopped as MV3 does when idle: the open interval must survive.
    const yt = await stay(() => youtube.goto(YOUTUBE), 12, () => browser.context.newPage(),
      () => stopServiceWorker(browser.context, browser.extensionId));
    assert.equal(await (await worker()).evaluate(() => self.e2eMarker ?? 'restarted'), 'restarted');
    const wikipediaPage = yt.hidden;
    const wiki = await stay(() => wikipediaPage.goto(WIKIPEDIA), 8, () => page('options.html'));
    // The tracker closes the last interval on its own time after the page is hidden: the queue is
    // read once nothing is measured any more, not while a last piece may still be enqueued.
    const state = await waitFor(extensionState, (s) => s.rastreo?.host == null && (s.cola?.count ?? 0) === 0,
      { timeoutMs: 15_000 });
    assert.equal(state.rastreo?.host ?? null, null, 'nothing measured behind an extension page');
    assert.equal(state.cola.count, 0, 'queue drained');
    assert.equal(state.envio.rejected, 0, 'nothing rejected');
    const usage = await waitFor(() => todayByDomain(user.token),
      (u) => Math.abs((u['youtube.com'] ?? 0) - yt.seconds) <= TOLERANCE_S && Math.abs((u['wikipedia.org'] ?? 0) - wiki.seconds) <= TOLERANCE_S,
      { timeoutMs: 30_000 });
    console.log(`# youtube.com ${usage['youtube.com']} s for ${yt.seconds.toFixed(1)} s in front; `
      + `wikipedia.org ${usage['wikipedia.org']} s for ${wiki.seconds.toFixed(1)} s`);
    assert.ok(Math.abs(usage['youtube.com'] - yt.seconds) <= TOLERANCE_S, `youtube.com: ${usage['youtube.com']} s vs ${yt.seconds} s`);
    assert.ok(Math.abs(usage['wikipedia.org'] - wiki.seconds) <= TOLERANCE_S, `wikipedia.org: ${usage['wikipedia.org']} s vs ${wiki.seconds} s`);
    await wikipediaPage.close();
    await wiki.hidden.close();

    const popup = await page('popup.html');
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.locator('#sites li', { hasText: 'youtube.com' }).waitFor({ timeout: 10_000 });
    assert.match(await popup.locator('#categories').innerText(), /Entretenimiento|Estudio/);
    await popup.screenshot({ path: path.join(SHOTS, 'popup.png') });
    await popup.close();
    await rest.bringToFront();
  });

  test('with ingest-service stopped while browsing, nothing is lost once it is back', { skip: !runnerControlsIngest() && 'ingest-service was not started by deploy/local/up.sh' }, async () => {
    const before = await settle();
    const youtube = browser.context.pages().find((p) => p.url().startsWith(YOUTUBE));
    await stopIngest();
    let visit;
    let offlinePopup;
    try {
      visit = await stay(() => youtube.bringToFront(), 10, () => page('popup.html'));
      offlinePopup = visit.hidden;
      const queued = await waitFor(extensionState, (s) => s.cola?.count > 0 && s.envio?.lastError?.kind === 'network', { timeoutMs: 10_000 });
      assert.ok(queued.cola.count > 0, 'events wait in the queue');
      assert.equal(queued.envio.lastError?.kind, 'network');
      await offlinePopup.reload();
      await offlinePopup.locator('#status.warn').waitFor({ timeout: 10_000 });
    } finally {
      restartIngest();
    }
    const expected = (before['youtube.com'] ?? 0) + visit.seconds;
    const usage = await waitFor(() => todayByDomain(user.token),
      (u) => Math.abs(u['youtube.com'] - expected) <= TOLERANCE_S, { timeoutMs: 60_000 });
    console.log(`# after the outage: youtube.com ${usage['youtube.com']} s, expected ${expected.toFixed(1)} s`);
    assert.ok(Math.abs(usage['youtube.com'] - expected) <= TOLERANCE_S, `youtube.com ${usage['youtube.com']} s vs ${expected} s`);
    const state = await waitFor(extensionState, (s) => s.cola.count === 0 && !s.envio.lastError);
    assert.equal(state.cola.count, 0);
    assert.equal(state.envio.rejected, 0);
    await offlinePopup.close();
    await rest.bringToFront();
  });

  test('crossing a limit shows the notification and the alert page; "Aceptar y cerrar" closes the site and accepts', async () => {
    const used = (await settle())['youtube.com'] ?? 0;
    const limit = await call(URLS.alerts, '/api/v1/limites', {
      token: user.token, method: 'POST',
      body: { dominio: 'youtube.com', segundos_diarios: used + 6, umbral_aviso: 80, activo: true },
    });
    assert.equal(limit.status, 201, JSON.stringify(limit.body));

    const youtube = browser.context.pages().find((p) => p.url().startsWith(YOUTUBE));
    const alertPageOpened = browser.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/src/pages/alert.html'), timeout: 60_000,
    });
    await youtube.bringToFront();
    const alertPage = await alertPageOpened;
    const alertId = new URL(alertPage.url()).searchParams.get('id');
    await alertPage.locator('#usage').waitFor();
    assert.equal(await alertPage.locator('#subject').innerText(), 'youtube.com');
    const notifications = await (await worker()).evaluate(() => chrome.notifications.getAll());
    assert.ok(Object.keys(notifications).includes(`alerta-${alertId}`), `notification for alert ${alertId}: ${JSON.stringify(notifications)}`);
    await alertPage.screenshot({ path: path.join(SHOTS, 'alert.png') });

    const youtubeClosed = youtube.waitForEvent('close', { timeout: 10_000 });
    await alertPage.click('#acceptClose');
    await youtubeClosed;
    assert.ok(youtube.isClosed(), 'the site tab was closed');
    const alerts = await waitFor(() => call(URLS.alerts, `/api/v1/alertas?dia=${localDay(TZ)}`, { token: user.token }),
      (r) => r.status === 200 && (r.body ?? []).some((a) => String(a.id) === alertId && a.aceptada));
    const accepted = (alerts.body ?? []).find((a) => String(a.id) === alertId);
    assert.equal(accepted?.aceptada, true, JSON.stringify(alerts.body));
    assert.equal(accepted.nivel, 'exceso');
  });
}
