import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectWithPassword } from '../../src/lib/connect.js';
import { LOCAL_URLS } from '../../src/lib/settings.js';

const settings = { ...LOCAL_URLS };
const person = { usuario: 'ana', contrasena: 'correcto-caballo', dispositivo: 'Portátil' };

function fakeServer(answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers, body: JSON.parse(init.body) });
    const [status, body, headers = {}] = answers[calls.length - 1];
    return { status, text: async () => (body === undefined ? '' : JSON.stringify(body)), headers: { get: (name) => headers[name] ?? null } };
  };
  return { calls, fetchImpl };
}

test('signs in, then creates a device token with the session, which is not kept', async () => {
  const server = fakeServer([[200, { token: 'session.jwt.x', tipo: 'sesion' }], [201, { device_id: 'd-1', token: 'device.jwt.y' }]]);
  const result = await connectWithPassword(settings, person, server.fetchImpl);
  assert.deepEqual(result, { ok: true, token: 'device.jwt.y', deviceId: 'd-1' });
  assert.equal(server.calls[0].url, 'http://127.0.0.1:8081/api/v1/sesiones');
  assert.deepEqual(server.calls[0].body, { usuario: 'ana', contrasena: 'correcto-caballo' });
  assert.equal(server.calls[0].headers.Authorization, undefined, 'signing in sends no token');
  assert.equal(server.calls[1].url, 'http://127.0.0.1:8081/api/v1/dispositivos');
  assert.deepEqual(server.calls[1].body, { nombre: 'Portátil' });
  assert.equal(server.calls[1].headers.Authorization, 'Bearer session.jwt.x');
});

test('wrong credentials stop before any device is created', async () => {
  const server = fakeServer([[401, { motivo: 'usuario o contraseña incorrectos' }]]);
  const result = await connectWithPassword(settings, person, server.fetchImpl);
  assert.equal(server.calls.length, 1);
  assert.deepEqual([result.ok, result.step, result.code, result.motivo], [false, 'sesion', 'connectBadCredentials', 'usuario o contraseña incorrectos']);
});

test('a lockout says when to try again', async () => {
  const server = fakeServer([[429, { motivo: 'demasiados intentos fallidos' }, { 'Retry-After': '240' }]]);
  const result = await connectWithPassword(settings, person, server.fetchImpl);
  assert.deepEqual([result.code, result.retryAfter], ['connectLocked', '240']);
});

test('a refused device name names the field', async () => {
  const server = fakeServer([[200, { token: 's' }], [400, { campo: 'nombre', motivo: 'falta' }]]);
  const result = await connectWithPassword(settings, { ...person, dispositivo: '' }, server.fetchImpl);
  assert.deepEqual([result.step, result.code, result.campo], ['dispositivo', 'connectInvalid', 'nombre']);
});

test('an unreachable server is told apart from a refusal', async () => {
  const result = await connectWithPassword(settings, person, async () => { throw new TypeError('Failed to fetch'); });
  assert.deepEqual([result.ok, result.code, result.status], [false, 'testUnreachable', null]);
});
