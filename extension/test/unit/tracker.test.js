import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialState, step, cut, toEvents, DEFAULT_TIMING } from '../../src/lib/tracker.js';
import { FakeClock } from './fake-clock.js';

/** Feeds signals through the tracker with a fake clock and collects every interval. */
function session(timing = DEFAULT_TIMING) {
  const clock = new FakeClock();
  let state = initialState();
  const intervals = [];
  return {
    clock,
    get state() { return state; },
    intervals,
    send(signal) {
      const out = step(state, signal, clock.now(), timing);
      state = out.state;
      intervals.push(...out.intervals);
      return out.intervals;
    },
    view(host, focused = true) { return this.send({ type: 'view', host, focused }); },
    after(seconds, signal) { clock.advance(seconds); return this.send(signal); },
    secondsBy() {
      const by = {};
      for (const i of intervals) by[i.host] = (by[i.host] ?? 0) + (i.end - i.start) / 1000;
      return by;
    },
  };
}

test('a tab switch closes the interval of the previous site', () => {
  const s = session();
  s.view('www.youtube.com');
  s.clock.advance(20);
  const closed = s.view('es.wikipedia.org');
  assert.deepEqual(closed.map((i) => [i.host, (i.end - i.start) / 1000]), [['www.youtube.com', 20]]);
  s.clock.advance(7);
  s.view(null); // an extension page or chrome:// tab
  assert.deepEqual(s.secondsBy(), { 'www.youtube.com': 20, 'es.wikipedia.org': 7 });
  assert.equal(s.state.host, null);
});

test('a URL change inside the same site keeps one running interval', () => {
  const s = session();
  s.view('www.youtube.com');
  s.clock.advance(10);
  assert.deepEqual(s.view('www.youtube.com'), []);
  s.clock.advance(5);
  s.view(null);
  assert.deepEqual(s.secondsBy(), { 'www.youtube.com': 15 });
});

test('losing window focus stops counting and getting it back restarts', () => {
  const s = session();
  s.view('github.com');
  s.after(12, { type: 'view', host: null, focused: false }); // another app in front
  s.clock.advance(300);
  s.view('github.com');
  s.after(3, { type: 'view', host: 'github.com', focused: true });
  s.clock.advance(4);
  s.view(null);
  assert.deepEqual(s.secondsBy(), { 'github.com': 19 });
});

test('idle and locked screen stop counting; active resumes on the visible site', () => {
  const s = session();
  s.view('www.youtube.com');
  s.after(30, { type: 'idle', state: 'idle' });
  s.clock.advance(50);
  // Still idle: heartbeats and views add nothing.
  s.send({ type: 'tick' });
  s.view('www.youtube.com');
  s.after(20, { type: 'idle', state: 'locked' });
  s.after(30, { type: 'idle', state: 'active' });
  s.after(8, { type: 'tick' });
  s.view(null);
  assert.deepEqual(s.secondsBy(), { 'www.youtube.com': 38 });
});

test('long stays are cut every cutSeconds, the remainder stays open', () => {
  const s = session();
  s.view('www.netflix.com');
  for (let i = 0; i < 5; i++) s.after(30, { type: 'tick' }); // 150 s
  assert.deepEqual(s.intervals.map((i) => (i.end - i.start) / 1000), [60, 60]);
  assert.equal(s.clock.now() - s.state.since, 30_000);
  s.after(5, { type: 'view', host: null, focused: true });
  assert.deepEqual(s.intervals.map((i) => (i.end - i.start) / 1000), [60, 60, 35]);
  assert.ok(s.intervals.every((i, k) => k === 0 || i.start === s.intervals[k - 1].end), 'contiguous');
});

test('a late heartbeat still never emits an interval longer than cutSeconds', () => {
  const s = session({ ...DEFAULT_TIMING, sleepGapSeconds: 1000 });
  s.view('www.netflix.com');
  s.after(250, { type: 'tick' });
  assert.deepEqual(s.intervals.map((i) => (i.end - i.start) / 1000), [60, 60, 60, 60]);
});

test('a silence longer than the sleep gap (machine asleep) is not counted', () => {
  const s = session();
  s.view('www.youtube.com');
  s.after(30, { type: 'tick' });
  s.after(30, { type: 'tick' }); // 60 s emitted
  s.clock.advance(3600); // lid closed for an hour: no alarm fired
  s.view('www.youtube.com'); // wake-up
  assert.deepEqual(s.secondsBy(), { 'www.youtube.com': 60 }, 'only up to the last heartbeat');
  s.after(10, { type: 'view', host: null, focused: true });
  assert.deepEqual(s.secondsBy(), { 'www.youtube.com': 70 }, 'counting resumes after wake-up');
});

test('a browser restart counts the open interval up to the last heartbeat only', () => {
  const s = session();
  s.view('www.reddit.com');
  s.after(25, { type: 'tick' });
  s.clock.advance(8 * 3600); // browser closed overnight, state restored from storage
  s.view(null, false);
  assert.deepEqual(s.secondsBy(), { 'www.reddit.com': 25 });
});

test('a clock set backwards closes at the last heartbeat instead of a negative interval', () => {
  const s = session();
  s.view('www.reddit.com');
  s.after(20, { type: 'tick' });
  s.clock.advance(-600);
  s.view('www.reddit.com');
  s.after(5, { type: 'view', host: null, focused: true });
  assert.deepEqual(s.secondsBy(), { 'www.reddit.com': 25 });
  assert.ok(s.intervals.every((i) => i.end > i.start));
});

test('the worker restarting between signals changes nothing: the state is plain data', () => {
  const s = session();
  s.view('www.youtube.com');
  s.clock.advance(20);
  const restored = JSON.parse(JSON.stringify(s.state));
  const out = step(restored, { type: 'view', host: null, focused: true }, s.clock.now());
  assert.deepEqual(out.intervals.map((i) => (i.end - i.start) / 1000), [20]);
});

test('cut splits into pieces of at most the limit', () => {
  assert.deepEqual(cut('a.com', 0, 130_000, 60_000).map((p) => [p.start, p.end]), [[0, 60_000], [60_000, 120_000], [120_000, 130_000]]);
  assert.deepEqual(cut('a.com', 5, 5, 60_000), []);
});

test('events round boundaries to whole seconds so totals add up, and drop zero-second pieces', () => {
  const ids = ['a', 'b', 'c'];
  const events = toEvents([
    { host: 'x.com', start: 1_000_400, end: 1_010_700 }, // 1000.4 -> 1010.7: 1000 .. 1011 = 11 s
    { host: 'y.com', start: 1_010_700, end: 1_011_100 }, // 1011 .. 1011: zero, dropped
    { host: 'x.com', start: 1_011_100, end: 1_020_000 }, // 1011 .. 1020 = 9 s
  ], { newId: () => ids.shift(), iso: (ms) => new Date(ms).toISOString() });
  assert.deepEqual(events.map((e) => [e.event_id, e.dominio, e.tiempo]), [['a', 'x.com', 11], ['b', 'x.com', 9]]);
  assert.equal(events[0].fecha_hora, new Date(1_000_000).toISOString());
});
