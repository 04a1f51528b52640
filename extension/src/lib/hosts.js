// Which pages are measured, and which open tabs belong to a site named in an alert.

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The host of an http/https page worth measuring, or null. Only the host ever leaves this
 * function: never the path, query or title. Hosts the server would refuse anyway (IP addresses,
 * localhost, single-label intranet names) are not measured.
 */
export function trackableHost(url) {
  if (typeof url !== 'string') return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (!host || host.startsWith('[') || IPV4.test(host) || !host.includes('.')) return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return null;
  return host;
}

/** True when `host` (www.youtube.com) is the registrable `domain` (youtube.com) or under it. */
export function hostInDomain(host, domain) {
  if (!host || !domain) return false;
  const d = domain.toLowerCase();
  return host === d || host.endsWith(`.${d}`);
}
