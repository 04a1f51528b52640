// Interval accounting: a pure state machine. Every input is a signal with the time it happened;
// the output is the new state plus the finished intervals. The service worker persists the state
// after every step, so a worker restart resumes exactly where it stopped.

/**
 * tickSeconds: heartbeat period (chrome.alarms). cutSeconds: the longest interval ever emitted,
 * so usage shows up promptly and stays far under ingest's 3600 s limit. sleepGapSeconds: a silence
 * longer than this between two signals means the machine slept or the browser was closed; the
 * time after the last heartbeat is then not counted.
 */
export const DEFAULT_TIMING = Object.freeze({ tickSeconds: 30, cutSeconds: 60, sleepGapSeconds: 100 });

export function initialState() {
  return {
    view: null, // host shown in the active tab of the last focused window, null when not measurable
    focused: false, // a browser window has the OS focus
    idle: 'active', // chrome.idle state: active | idle | locked
    host: null, // host of the open interval
    since: null, // start of the open interval (ms)
    lastBeat: null, // time of the last signal of any kind (ms)
  };
}

/**
 * Signals:
 *   { type: 'view', host, focused }  tab switch, URL change, window focus change, heartbeat
 *                                     (host is null when the page is not measurable)
 *   { type: 'idle', state }           chrome.idle change
 *   { type: 'tick' }                  heartbeat without a fresh view: only cuts long stays
 * Returns { state, intervals: [{ host, start, end }] } with start < end, each at most cutSeconds.
 */
export function step(state, signal, now, timing = DEFAULT_TIMING) {
  const next = { ...state };
  const intervals = [];
  const cutMs = timing.cutSeconds * 1000;

  const close = (end) => {
    if (next.since !== null && next.host !== null) {
      intervals.push(...cut(next.host, next.since, Math.max(next.since, end), cutMs));
    }
    next.since = null;
  };

  // Asleep, browser closed, or the clock jumped back: count up to the last sign of life only.
  if (next.since !== null && next.lastBeat !== null
      && (now - next.lastBeat > timing.sleepGapSeconds * 1000 || now < next.lastBeat)) {
    close(next.lastBeat);
    next.host = null;
  }

  switch (signal.type) {
    case 'view':
      next.view = signal.host ?? null;
      next.focused = Boolean(signal.focused);
      break;
    case 'idle':
      next.idle = signal.state;
      break;
    default:
      break;
  }

  const target = next.focused && next.idle === 'active' ? next.view : null;
  if (target !== next.host || (target !== null && next.since === null)) {
    close(now);
    next.host = target;
    next.since = target === null ? null : now;
  } else if (next.since !== null && now - next.since >= cutMs) {
    // Long stay: emit every whole cut and keep the remainder open.
    const whole = Math.floor((now - next.since) / cutMs) * cutMs;
    intervals.push(...cut(next.host, next.since, next.since + whole, cutMs));
    next.since += whole;
  }
  next.lastBeat = now;
  return { state: next, intervals };
}

/** Splits [start, end) into consecutive pieces of at most cutMs. */
export function cut(host, start, end, cutMs) {
  const pieces = [];
  for (let from = start; from < end; from += cutMs) {
    pieces.push({ host, start: from, end: Math.min(end, from + cutMs) });
  }
  return pieces;
}

/**
 * Turns intervals into ingest events. Boundaries are rounded to whole seconds on both ends, so
 * consecutive intervals add up exactly; an interval that rounds to zero seconds is not an event.
 */
export function toEvents(intervals, { newId, iso }) {
  const events = [];
  for (const { host, start, end } of intervals) {
    const startSecond = Math.round(start / 1000);
    const tiempo = Math.round(end / 1000) - startSecond;
    if (tiempo < 1) continue;
    events.push({ event_id: newId(), dominio: host, fecha_hora: iso(startSecond * 1000), tiempo });
  }
  return events;
}
