// What the end-to-end tests need around the browser: the real backend (started by
// deploy/local/up.sh), local HTTPS test sites behind public names, and Debian's chromium.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXTENSION_DIR = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const ROOT = path.resolve(EXTENSION_DIR, '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const URLS = {
  ingest: process.env.TIEMPOCHECK_INGEST_URL ?? 'http://127.0.0.1:8081',
  features: process.env.TIEMPOCHECK_FEATURES_URL ?? 'http://127.0.0.1:8082',
  alerts: process.env.TIEMPOCHECK_ALERTS_URL ?? 'http://127.0.0.1:8083',
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function adminToken() {
  if (process.env.TIEMPOCHECK_ADMIN_TOKEN) return process.env.TIEMPOCHECK_ADMIN_TOKEN;
  return readFileSync(path.join(ROOT, '.run/admin-token'), 'utf8').trim();
}

export async function call(base, pathAndQuery, { token, method = 'GET', body } = {}) {
  const response = await fetch(`${base}${pathAndQuery}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

export async function createUser(nombre, tz) {
  const res = await call(URLS.ingest, '/admin/api/usuarios', { token: adminToken(), method: 'POST', body: { nombre, tz } });
  if (res.status !== 201) throw new Error(`creating a user answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Today's seconds per registrable domain for the user, from the usage API (the user's own day). */
export async function todayByDomain(token) {
  const res = await call(URLS.features, '/api/v1/uso/diario', { token });
  if (res.status !== 200) throw new Error(`/api/v1/uso/diario answered ${res.status}`);
  const today = res.body.dias.at(-1);
  return Object.fromEntries(today.dominios.map((d) => [d.dominio, d.segundos]));
}

/** Polls `probe` until `accept(value)` holds; returns the last value (the caller asserts on it). */
export async function waitFor(probe, accept, { timeoutMs = 30_000, everyMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await sleep(everyMs);
  }
}

export function localDay(tz, at = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

// ---------------------------------------------------------------- the local runner's services

const pidFile = (service) => path.join(ROOT, '.run/pids', `${service}.pid`);

export function runnerControlsIngest() {
  return existsSync(pidFile('ingest-service'));
}

/** Stops ingest-service as an outage would (the local runner's process, by its pid file). */
export async function stopIngest() {
  const pid = Number(readFileSync(pidFile('ingest-service'), 'utf8').trim());
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 120; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(250);
  }
  process.kill(pid, 'SIGKILL');
}

/** Starts the stopped service again with the README's runner (it only starts what is not running). */
export function restartIngest() {
  const run = spawnSync(path.join(ROOT, 'deploy/local/up.sh'), ['--no-build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`up.sh --no-build failed:\n${run.stdout}\n${run.stderr}`);
}

// ---------------------------------------------------------------- test sites

/**
 * An HTTPS server for the test sites. Chromium reaches it under public names through
 * --host-resolver-rules, so ingest sees real domains and no traffic leaves the machine. HTTPS
 * because names such as youtube.com are HSTS-preloaded; the certificate is self-signed.
 */
export async function startSites() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tiempocheck-sites-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=tiempocheck-e2e',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>${host}</title><h1>${host}</h1><p>Página de prueba de TiempoCheck.</p>`);
    });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

// ---------------------------------------------------------------- the browser

/** Stops the extension's service worker, as Chrome does when it is idle; the next event restarts it. */
export async function stopServiceWorker(context, extensionId) {
  const cdp = await context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!target) throw new Error('the extension has no running service worker');
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
}

export async function launchBrowser(chromium, userDataDir, sitesPort, hosts) {
  const rules = hosts.map((h) => `MAP ${h} 127.0.0.1:${sitesPort}`).join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true, // Chromium's new headless mode, which runs extensions
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 760 },
    env: { ...process.env, LANGUAGE: 'es' }, // the product's default language (needs chromium-l10n)
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${rules}, EXCLUDE 127.0.0.1`,
      '--no-first-run',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}
