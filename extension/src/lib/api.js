// The backend's HTTP API as the extension uses it. `fetchImpl` is injectable for tests.

import { serviceUrls } from './settings.js';

const TIMEOUT_MS = 10_000;

export class Api {
  constructor(settings, fetchImpl = (...args) => fetch(...args)) {
    this.urls = serviceUrls(settings);
    this.token = (settings.token ?? '').trim();
    this.fetch = fetchImpl;
  }

  headers(extra = {}) {
    return { Authorization: `Bearer ${this.token}`, Accept: 'application/json', ...extra };
  }

  async request(base, path, { method = 'GET', body } = {}) {
    const response = await this.fetch(`${base}${path}`, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      cache: 'no-store',
    });
    let json = null;
    const text = await response.text();
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, body: json, retryAfter: response.headers.get('Retry-After') };
  }

  postEvents(eventos) {
    return this.request(this.urls.ingest, '/api/v1/eventos', { method: 'POST', body: { eventos } });
  }

  /** The last 7 local days of the user (their time zone, decided by the server); today is last. */
  daily() {
    return this.request(this.urls.features, '/api/v1/uso/diario');
  }

  categories(rango = 'hoy') {
    return this.request(this.urls.features, `/api/v1/uso/categorias?rango=${encodeURIComponent(rango)}`);
  }

  alerts(dia) {
    return this.request(this.urls.alerts, `/api/v1/alertas${dia ? `?dia=${encodeURIComponent(dia)}` : ''}`);
  }

  acceptAlert(id) {
    return this.request(this.urls.alerts, `/api/v1/alertas/${encodeURIComponent(id)}/aceptar`, { method: 'POST' });
  }

  streamUrl() {
    return `${this.urls.alerts}/api/v1/alertas/stream`;
  }

  /**
   * Checks each service with a harmless authenticated call: an empty batch to ingest (202 when
   * the token is good), today's categories, and today's alerts. Returns one result per service:
   * { service, url, ok, status, code } where code is an i18n key explaining the outcome.
   */
  async testConnection(today) {
    const checks = [
      ['ingest', this.urls.ingest, () => this.postEvents([]), 202],
      ['features', this.urls.features, () => this.categories('hoy'), 200],
      ['alerts', this.urls.alerts, () => this.alerts(today), 200],
    ];
    return Promise.all(checks.map(async ([service, url, call, expected]) => {
      try {
        const { status } = await call();
        return { service, url, ok: status === expected, status, code: explainStatus(status, expected) };
      } catch (error) {
        const timeout = error?.name === 'TimeoutError';
        return { service, url, ok: false, status: null, code: timeout ? 'testTimeout' : 'testUnreachable' };
      }
    }));
  }
}

export function explainStatus(status, expected) {
  if (status === expected) return 'testOk';
  if (status === 401) return 'testUnauthorized';
  if (status === 403) return 'testForbidden';
  if (status === 404) return 'testNotFound';
  if (status === 503) return 'testUnavailable';
  return 'testUnexpected';
}
