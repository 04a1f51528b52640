// Local-time formatting for event timestamps. The offset is a parameter so tests need no TZ setup.

/** Minutes east of UTC of the browser's time zone at instant `ms` (Mexico City in winter: -360). */
export function browserOffsetMinutes(ms) {
  return -new Date(ms).getTimezoneOffset();
}

const pad = (n) => String(n).padStart(2, '0');

/** ISO-8601 with the local offset and whole seconds, e.g. 2026-11-27T10:00:00-06:00. */
export function localIso(ms, offsetMinutes = browserOffsetMinutes(ms)) {
  const local = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${localDate(ms, offsetMinutes)}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
    + `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local calendar day (YYYY-MM-DD) of instant `ms`. */
export function localDate(ms, offsetMinutes = browserOffsetMinutes(ms)) {
  const local = new Date(ms + offsetMinutes * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}
