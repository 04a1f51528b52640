// Durations, dates and numbers in the person's language and time zone.
import { language } from './i18n.js';

/** "1 h 25 min", "45 min", "30 s" (seconds only under a minute). */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A local calendar day (YYYY-MM-DD) as the person reads it; the day is already in their zone. */
export function day(iso, options = { dateStyle: 'medium' }) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language(), { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** An instant in the person's time zone. */
export function instant(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone || undefined }).format(new Date(iso));
}

export function number(n, digits = 0) {
  return new Intl.NumberFormat(language(), { maximumFractionDigits: digits }).format(n);
}

export function percent(ratio) {
  return new Intl.NumberFormat(language(), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(ratio);
}

/** Today (YYYY-MM-DD) in the given IANA zone. */
export function today(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from a to b, both included. */
export function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000) + 1;
}
