// "Conectar con usuario y contraseña": signs in (POST /api/v1/sesiones) and creates a device token
// for this browser (POST /api/v1/dispositivos) with the session, so a person never copies a JWT.
// The session token is used for these two calls only and never stored; the password neither.

import { serviceUrls } from './settings.js';

const TIMEOUT_MS = 10_000;

async function call(fetchImpl, url, body, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetchImpl(url, {
    method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store',
  });
  let json = null;
  try {
    json = JSON.parse(await response.text());
  } catch {
    json = null;
  }
  return { status: response.status, body: json, retryAfter: response.headers.get('Retry-After') };
}

/** What a failed step means, as an i18n key: the server's own reason is shown next to it when it gave one. */
function failure(step, { status, body, retryAfter }) {
  const code = status === 400 ? 'connectInvalid'
    : status === 401 ? 'connectBadCredentials'
      : status === 403 ? 'connectForbidden'
        : status === 429 ? 'connectLocked'
          : 'connectServerError';
  return { ok: false, step, status, code, campo: body?.campo ?? null, motivo: body?.motivo ?? null, retryAfter: retryAfter ?? null };
}

/**
 * @returns {Promise<{ok: true, token: string, deviceId: string} |
 *   {ok: false, step: string, status: number|null, code: string, campo: string|null, motivo: string|null, retryAfter: string|null}>}
 */
export async function connectWithPassword(settings, { usuario, contrasena, dispositivo }, fetchImpl = (...args) => fetch(...args)) {
  const { ingest } = serviceUrls(settings);
  try {
    const session = await call(fetchImpl, `${ingest}/api/v1/sesiones`, { usuario, contrasena });
    if (session.status !== 200 || !session.body?.token) return failure('sesion', session);
    const device = await call(fetchImpl, `${ingest}/api/v1/dispositivos`, { nombre: dispositivo }, session.body.token);
    if (device.status !== 201 || !device.body?.token) return failure('dispositivo', device);
    return { ok: true, token: device.body.token, deviceId: device.body.device_id };
  } catch (error) {
    const timeout = error?.name === 'TimeoutError';
    return { ok: false, step: 'red', status: null, code: timeout ? 'testTimeout' : 'testUnreachable', campo: null, motivo: null, retryAfter: null };
  }
}
