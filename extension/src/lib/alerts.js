// What to do with an alert from the stream, and which tabs "Aceptar y cerrar" closes.

import { hostInDomain, trackableHost } from './hosts.js';

/**
 * A notification for every new alert; the in-extension page only when the limit is exceeded.
 * Alerts of past days (replayed after a long time offline) are kept but not shown: `earliestDay`
 * is yesterday, so a browser whose time zone differs from the user's still shows today's.
 */
export function alertActions(alert, alreadySeen, earliestDay) {
  if (alreadySeen || alert.aceptada || (alert.dia && alert.dia < earliestDay)) return { notify: false, openPage: false };
  return { notify: true, openPage: alert.nivel === 'exceso' };
}

/**
 * The registrable domains an alert is about: its own `dominio`, or for a category limit the
 * domains of that category in today's usage (`dias` from /api/v1/uso/diario).
 */
export function alertDomains(alert, dailyUsage) {
  if (alert.dominio) return [alert.dominio];
  const today = dailyUsage?.dias?.at(-1);
  return (today?.dominios ?? []).filter((d) => d.categoria === alert.categoria).map((d) => d.dominio);
}

/** Ids of the open tabs that show one of `domains`. */
export function tabsToClose(tabs, domains) {
  return tabs
    .filter((tab) => {
      const host = trackableHost(tab.url ?? tab.pendingUrl);
      return host !== null && domains.some((d) => hostInDomain(host, d));
    })
    .map((tab) => tab.id);
}

/** Reconnect delay for the alert stream: 1 s, 2 s, 4 s ... up to a minute. */
export function reconnectDelayMs(failures, maxSeconds = 60) {
  return Math.min(maxSeconds, 2 ** Math.max(0, failures - 1)) * 1000;
}
