import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, LOCAL_URLS, describeToken, originPatterns, serviceUrls, validateSettings } from '../../src/lib/settings.js';
import { hostInDomain, trackableHost } from '../../src/lib/hosts.js';
import { localDate, localIso } from '../../src/lib/time.js';
import { duration } from '../../src/lib/format.js';

const base = { ...DEFAULT_SETTINGS, token: 'a.b.c' };

test('one server URL serves every service (production ingress)', () => {
  assert.deepEqual(serviceUrls({ ...base, servidor: 'https://tc.example.com/' }), {
    ingest: 'https://tc.example.com', features: 'https://tc.example.com', alerts: 'https://tc.example.com', panel: 'https://tc.example.com',
  });
});

test('per-service URLs win over the server URL (local install on three ports)', () => {
  const urls = serviceUrls({ ...base, ...LOCAL_URLS });
  assert.equal(urls.ingest, 'http://127.0.0.1:8081');
  assert.equal(urls.features, 'http://127.0.0.1:8082');
  assert.equal(urls.alerts, 'http://127.0.0.1:8083');
  assert.equal(urls.panel, 'http://127.0.0.1:8080', 'Abrir panel opens the dashboard');
  assert.equal(serviceUrls({ ...base, featuresUrl: 'http://127.0.0.1:18082' }).panel, 'http://127.0.0.1:18080', 'two ports below features-service');
  assert.equal(serviceUrls({ ...base, servidor: 'https://a.com', alertsUrl: 'https://b.com' }).alerts, 'https://b.com');
});

test('validation names the field and the problem', () => {
  assert.deepEqual(validateSettings({ ...base, servidor: 'https://tc.example.com' }), []);
  const problems = validateSettings({ ...DEFAULT_SETTINGS, servidor: 'ftp://x', idleSeconds: 5 });
  assert.deepEqual(problems, [
    ['ingestUrl', 'errorUrlInvalid'], ['featuresUrl', 'errorUrlInvalid'], ['alertsUrl', 'errorUrlInvalid'],
    ['token', 'errorTokenMissing'], ['idleSeconds', 'errorIdleRange'],
  ]);
  assert.deepEqual(validateSettings({ ...base }).map(([f]) => f), ['ingestUrl', 'featuresUrl', 'alertsUrl']);
});

test('host permissions are asked for per host, whatever the port', () => {
  assert.deepEqual(originPatterns({ ...base, ...LOCAL_URLS }), ['http://127.0.0.1/*']);
  assert.deepEqual(originPatterns({ ...base, servidor: 'https://tc.example.com:8443/x' }), ['https://tc.example.com/*']);
});

test('the token payload is described without verifying it', () => {
  const payload = Buffer.from(JSON.stringify({ sub: '12', tz: 'America/Mexico_City', exp: 1_800_000_000 })).toString('base64url');
  assert.deepEqual(describeToken(`h.${payload}.s`), { usuario: '12', tz: 'America/Mexico_City', expira: 1_800_000_000_000 });
  assert.equal(describeToken('not a token'), null);
  assert.equal(describeToken('a.b.c'), null);
});

test('only http/https pages with a real host name are measured, and only the host is kept', () => {
  assert.equal(trackableHost('https://www.youtube.com/watch?v=secret#t=1'), 'www.youtube.com');
  assert.equal(trackableHost('http://News.BBC.co.uk./path'), 'news.bbc.co.uk');
  for (const url of ['chrome://extensions', 'chrome-extension://abc/popup.html', 'file:///etc/passwd', 'about:blank',
    'http://localhost:8080/', 'http://127.0.0.1/', 'http://[::1]/', 'http://intranet/', 'data:text/html,x', '', undefined]) {
    assert.equal(trackableHost(url), null, String(url));
  }
});

test('a host belongs to a registrable domain only on a label boundary', () => {
  assert.ok(hostInDomain('www.youtube.com', 'youtube.com'));
  assert.ok(hostInDomain('youtube.com', 'youtube.com'));
  assert.ok(!hostInDomain('notyoutube.com', 'youtube.com'));
  assert.ok(!hostInDomain('youtube.com.evil.net', 'youtube.com'));
});

test('timestamps carry the local offset', () => {
  const ms = Date.parse('2026-11-27T16:05:09Z');
  assert.equal(localIso(ms, -360), '2026-11-27T10:05:09-06:00');
  assert.equal(localIso(ms, 330), '2026-11-27T21:35:09+05:30');
  assert.equal(localIso(ms, 0), '2026-11-27T16:05:09+00:00');
  assert.equal(localDate(Date.parse('2026-11-28T03:00:00Z'), -360), '2026-11-27');
});

test('durations read naturally', () => {
  assert.equal(duration(42), '42 s');
  assert.equal(duration(600), '10 min');
  assert.equal(duration(3900), '1 h 05 min');
});
