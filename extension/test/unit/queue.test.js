import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventQueue } from '../../src/lib/queue.js';
import { MemoryStore } from './fake-clock.js';

const events = (n, from = 0) => Array.from({ length: n }, (_, i) => ({ event_id: `e${from + i}`, dominio: 'a.com', tiempo: 1 }));

test('events come out oldest first, one batch per segment', async () => {
  const q = new EventQueue(new MemoryStore(), { segmentSize: 3, maxEvents: 100 });
  await q.push(events(5));
  assert.equal(await q.size(), 5);
  const first = await q.peek();
  assert.deepEqual(first.map((e) => e.event_id), ['e0', 'e1', 'e2']);
  await q.remove(first.map((e) => e.event_id));
  assert.deepEqual((await q.peek()).map((e) => e.event_id), ['e3', 'e4']);
  await q.push(events(2, 5));
  assert.deepEqual((await q.peek()).map((e) => e.event_id), ['e3', 'e4', 'e5']);
  assert.equal(await q.size(), 4);
});

test('peek does not remove; only remove does, and only the named events', async () => {
  const q = new EventQueue(new MemoryStore(), { segmentSize: 10, maxEvents: 100 });
  await q.push(events(4));
  await q.peek();
  assert.equal(await q.size(), 4);
  await q.remove(['e1', 'unknown']);
  assert.deepEqual((await q.peek()).map((e) => e.event_id), ['e0', 'e2', 'e3']);
  assert.equal(await q.size(), 3);
});

test('past the limit the oldest segments are dropped and counted', async () => {
  const store = new MemoryStore();
  const q = new EventQueue(store, { segmentSize: 2, maxEvents: 5 });
  assert.equal(await q.push(events(5)), 0);
  assert.equal(await q.push(events(2, 5)), 2);
  assert.equal(await q.size(), 5);
  assert.deepEqual((await q.peek()).map((e) => e.event_id), ['e2', 'e3']);
  assert.equal((await q.meta()).dropped, 2);
  assert.equal([...store.data.keys()].filter((k) => k.startsWith('cola.')).length, 3, 'dropped segments are deleted');
});

test('the state written alongside lands in the same write as the events', async () => {
  const store = new MemoryStore();
  const writes = [];
  const set = store.set.bind(store);
  store.set = async (items) => { writes.push(Object.keys(items).sort()); return set(items); };
  const q = new EventQueue(store, { segmentSize: 10, maxEvents: 100 });
  await q.push(events(1), { rastreo: { host: 'a.com' } });
  assert.deepEqual(writes, [['cola', 'cola.0', 'rastreo']]);
  await q.push([], { rastreo: { host: null } });
  assert.deepEqual((await store.get('rastreo')).rastreo, { host: null });
});

test('a queue survives being reopened (a new worker) with the same store', async () => {
  const store = new MemoryStore();
  await new EventQueue(store, { segmentSize: 2, maxEvents: 100 }).push(events(3));
  const again = new EventQueue(store, { segmentSize: 2, maxEvents: 100 });
  assert.equal(await again.size(), 3);
  assert.deepEqual((await again.peek()).map((e) => e.event_id), ['e0', 'e1']);
});
