// What the dashboard's end-to-end tests need: the services' URLs (from TIEMPOCHECK_PORT_BASE, as
// deploy/local/lib.sh gives them), their API called the way the pages call it, and Debian's chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

export const ROOT = path.resolve(fileURLToPath(import.meta.url), '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BASE = Number(process.env.TIEMPOCHECK_PORT_BASE ?? 8080);
export const WEB = `http://127.0.0.1:${BASE}`;
export const URLS = {
  ingest: `http://127.0.0.1:${BASE + 1}`, features: `http://127.0.0.1:${BASE + 2}`,
  alerts: `http://127.0.0.1:${BASE + 3}`, suggestions: `http://127.0.0.1:${BASE + 4}`,
};
export const AXE = readFileSync(path.join(ROOT, 'web/e2e/node_modules/axe-core/axe.min.js'), 'utf8');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function api(service, pathAndQuery, token, { method = 'GET', body } = {}) {
  const response = await fetch(`${URLS[service]}${pathAndQuery}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: response.status, body: json };
}

export async function ok(service, pathAndQuery, token, options) {
  const res = await api(service, pathAndQuery, token, options);
  if (res.status >= 300) throw new Error(`${service} ${pathAndQuery} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls `probe` until `accept(value)` holds; returns the last value (the caller asserts on it). */
export async function waitFor(probe, accept, { timeoutMs = 30_000, everyMs = 300 } = {}) {
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

/** Events through ingest with a device token, as the extension sends them. */
export async function postEvents(deviceToken, events) {
  const body = { eventos: events.map(([dominio, at, tiempo]) => ({ event_id: randomUUID(), dominio, fecha_hora: at.toISOString(), tiempo })) };
  const res = await api('ingest', '/api/v1/eventos', deviceToken, { method: 'POST', body });
  if (res.status >= 300) throw new Error(`POST /api/v1/eventos answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}
