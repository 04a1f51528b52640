import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flush, initialSenderState, parseRetryAfter, retryDelayMs } from '../../src/lib/sender.js';
import { EventQueue } from '../../src/lib/queue.js';
import { FakeClock, MemoryStore } from './fake-clock.js';

const RETRY = { baseSeconds: 5, maxSeconds: 300, authSeconds: 300 };
const events = (n, from = 0) => Array.from({ length: n }, (_, i) => ({ event_id: `e${from + i}`, dominio: `s${from + i}.com`, tiempo: 10 }));

async function setup(n, segmentSize = 500) {
  const queue = new EventQueue(new MemoryStore(), { segmentSize, maxEvents: 100_000 });
  await queue.push(events(n));
  return { queue, clock: new FakeClock(), posted: [] };
}

function server(answers, posted) {
  return async (batch) => {
    posted.push(batch.map((e) => e.event_id));
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(batch) : next;
  };
}

const accepted = (batch) => ({ status: 202, body: { aceptados: batch.length, rechazados: [] } });

test('a 202 removes the batch; several batches go until the queue is empty', async () => {
  const { queue, clock, posted } = await setup(1200);
  const s = await flush({ queue, post: server([accepted], posted), now: clock.now, state: initialSenderState(), retry: RETRY });
  assert.deepEqual(posted.map((b) => b.length), [500, 500, 200]);
  assert.equal(await queue.size(), 0);
  assert.equal(s.sent, 1200);
  assert.equal(s.lastOkAt, clock.now());
});

test('per-event rejections in a 202 are dropped from the queue and counted with their reason', async () => {
  const { queue, clock, posted } = await setup(3);
  const answer = { status: 202, body: { aceptados: 2, rechazados: [{ indice: 1, event_id: 'e1', campo: 'dominio', motivo: 'no es un dominio' }] } };
  const s = await flush({ queue, post: server([answer], posted), now: clock.now, state: initialSenderState(), retry: RETRY });
  assert.equal(await queue.size(), 0);
  assert.equal(s.sent, 2);
  assert.equal(s.rejected, 1);
  assert.deepEqual(s.rejections[0], { at: clock.now(), dominio: 's1.com', campo: 'dominio', motivo: 'no es un dominio' });
});

test('503 keeps the batch and waits at least Retry-After, with growing backoff', async () => {
  const { queue, clock, posted } = await setup(10);
  const down = { status: 503, body: { motivo: 'reintenta' }, retryAfter: 20 };
  let s = await flush({ queue, post: server([down], posted), now: clock.now, state: initialSenderState(), retry: RETRY, random: () => 0.5 });
  assert.equal(await queue.size(), 10);
  assert.equal(s.failures, 1);
  assert.equal(s.nextAttemptAt - clock.now(), 20_000, 'Retry-After wins over the 5 s first step');
  assert.equal(s.lastError.kind, 'server');

  // Before the next attempt time nothing is posted.
  clock.advance(10);
  s = await flush({ queue, post: server([down], posted), now: clock.now, state: s, retry: RETRY });
  assert.equal(posted.length, 1);

  clock.advance(10);
  s = await flush({ queue, post: server([{ status: 503, body: null, retryAfter: null }], posted), now: clock.now, state: s, retry: RETRY, random: () => 0.5 });
  assert.equal(s.failures, 2);
  assert.equal(s.nextAttemptAt - clock.now(), 10_000);

  clock.advance(10);
  s = await flush({ queue, post: server([accepted], posted), now: clock.now, state: s, retry: RETRY });
  assert.equal(await queue.size(), 0);
  assert.equal(s.failures, 0);
  assert.equal(s.lastError, null);
  assert.deepEqual(posted.slice(-1)[0], posted[0], 'the same events were retried');
});

test('network errors keep everything and back off', async () => {
  const { queue, clock, posted } = await setup(4);
  const s = await flush({ queue, post: server([new TypeError('Failed to fetch')], posted), now: clock.now, state: initialSenderState(), retry: RETRY, random: () => 0.5 });
  assert.equal(await queue.size(), 4);
  assert.equal(s.lastError.kind, 'network');
  assert.equal(s.nextAttemptAt - clock.now(), 5000);
});

test('401 keeps the queue and waits the auth delay (the token must be fixed first)', async () => {
  const { queue, clock, posted } = await setup(4);
  const s = await flush({ queue, post: server([{ status: 401, body: null }], posted), now: clock.now, state: initialSenderState(), retry: RETRY, random: () => 0.5 });
  assert.equal(await queue.size(), 4);
  assert.equal(s.lastError.kind, 'auth');
  assert.ok(s.nextAttemptAt - clock.now() >= 300_000);
});

test('413 halves the batch until it fits', async () => {
  const { queue, clock, posted } = await setup(8);
  const limited = (batch) => (batch.length > 3 ? { status: 413, body: { motivo: 'demasiados' } } : accepted(batch));
  const s = await flush({ queue, post: server([limited], posted), now: clock.now, state: initialSenderState(), retry: RETRY });
  assert.deepEqual(posted.map((b) => b.length), [8, 4, 2, 2, 2, 2]);
  assert.equal(await queue.size(), 0);
  assert.equal(s.sent, 8);
});

test('a 400 for the whole batch drops it as rejected with the reason (retrying cannot help)', async () => {
  const { queue, clock, posted } = await setup(2);
  const s = await flush({ queue, post: server([{ status: 400, body: { campo: 'eventos', motivo: 'falta la lista de eventos' } }], posted), now: clock.now, state: initialSenderState(), retry: RETRY });
  assert.equal(await queue.size(), 0);
  assert.equal(s.rejected, 2);
  assert.match(s.rejections[0].motivo, /falta la lista/);
});

test('backoff doubles with jitter and is capped', () => {
  assert.equal(retryDelayMs(1, null, RETRY, () => 0.5), 5000);
  assert.equal(retryDelayMs(3, null, RETRY, () => 0.5), 20_000);
  assert.equal(retryDelayMs(20, null, RETRY, () => 0.5), 300_000);
  assert.equal(retryDelayMs(1, null, RETRY, () => 0), 3750);
  assert.equal(retryDelayMs(1, null, RETRY, () => 0.999), 6248);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  const now = Date.parse('2026-11-27T16:00:00Z');
  assert.equal(parseRetryAfter('5', now), 5);
  assert.equal(parseRetryAfter('Fri, 27 Nov 2026 16:00:30 GMT', now), 30);
  assert.equal(parseRetryAfter(null, now), null);
  assert.equal(parseRetryAfter('soon', now), null);
});
