// Settings kept in chrome.storage.local, and how they turn into the URL of each service.

export const DEFAULT_SETTINGS = Object.freeze({
  servidor: '', // one public URL when an ingress puts every service under one host
  ingestUrl: '', // optional per-service URLs (a local install has three ports)
  featuresUrl: '',
  alertsUrl: '',
  panelUrl: '', // the dashboard (module web); defaults to the server, or locally to the port before the services'
  token: '',
  idleSeconds: 60,
});

export const LOCAL_URLS = Object.freeze({
  ingestUrl: 'http://127.0.0.1:8081',
  featuresUrl: 'http://127.0.0.1:8082',
  alertsUrl: 'http://127.0.0.1:8083',
  panelUrl: 'http://127.0.0.1:8080',
});

/** chrome.idle accepts 15 s at least; a day at most is plenty. */
export const IDLE_LIMITS = Object.freeze({ min: 15, max: 86_400 });

const trim = (url) => (url ?? '').trim().replace(/\/+$/, '');

/** The base URL of each service: its own URL when set, else the common server URL. */
export function serviceUrls(settings) {
  const server = trim(settings.servidor);
  const features = trim(settings.featuresUrl) || server;
  return {
    ingest: trim(settings.ingestUrl) || server,
    features,
    alerts: trim(settings.alertsUrl) || server,
    panel: trim(settings.panelUrl) || server || localDashboard(features),
  };
}

/** The local runner puts the dashboard two ports below features-service (8080 and 8082). */
function localDashboard(features) {
  try {
    const url = new URL(features);
    if (!url.port) return features;
    url.port = String(Number(url.port) - 2);
    return trim(url.href);
  } catch {
    return features;
  }
}

/** Problems with the settings, as [field, i18n message key] pairs; empty when they are usable. */
export function validateSettings(settings) {
  const problems = [];
  const urls = serviceUrls(settings);
  for (const [field, value] of [['ingestUrl', urls.ingest], ['featuresUrl', urls.features], ['alertsUrl', urls.alerts]]) {
    if (!value) problems.push([field, 'errorUrlMissing']);
    else if (!isHttpUrl(value)) problems.push([field, 'errorUrlInvalid']);
  }
  if (settings.panelUrl && !isHttpUrl(trim(settings.panelUrl))) problems.push(['panelUrl', 'errorUrlInvalid']);
  if (!settings.token?.trim()) problems.push(['token', 'errorTokenMissing']);
  const idle = Number(settings.idleSeconds);
  if (!Number.isInteger(idle) || idle < IDLE_LIMITS.min || idle > IDLE_LIMITS.max) problems.push(['idleSeconds', 'errorIdleRange']);
  return problems;
}

export function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** Host-permission patterns for the configured services (the port is not part of a pattern). */
export function originPatterns(settings) {
  const urls = serviceUrls(settings);
  const patterns = new Set();
  for (const url of [urls.ingest, urls.features, urls.alerts]) {
    if (isHttpUrl(url)) {
      const { protocol, hostname } = new URL(url);
      patterns.add(`${protocol}//${hostname}/*`);
    }
  }
  return [...patterns];
}

/**
 * What the device token says about itself (payload only; the servers verify the signature):
 * user id, time zone and expiry, shown in the options page so a wrong paste is obvious.
 */
export function describeToken(token) {
  const parts = (token ?? '').trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = JSON.parse(new TextDecoder().decode(base64UrlDecode(parts[1])));
    return { usuario: json.sub ?? null, tz: json.tz ?? null, expira: json.exp ? json.exp * 1000 : null };
  } catch {
    return null;
  }
}

function base64UrlDecode(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
