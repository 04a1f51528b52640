// The outbox: events wait here, in chrome.storage.local, until ingest answers 202.
// It is stored in segments of at most one batch, so adding an event rewrites one small segment
// instead of the whole queue, and the oldest segment is exactly the next batch to send.

export const DEFAULT_QUEUE_LIMITS = Object.freeze({
  segmentSize: 500, // ingest's batch limit
  // About 12 MB of storage. At one event per site and minute that is 1,600 hours of browsing,
  // months offline for anyone; only past this are the oldest events dropped (and counted).
  maxEvents: 100_000,
});

const META = 'cola';
const segmentKey = (n) => `cola.${n}`;

/** `store` is chrome.storage.local or anything with the same get/set/remove promises. */
export class EventQueue {
  constructor(store, limits = DEFAULT_QUEUE_LIMITS) {
    this.store = store;
    this.limits = limits;
  }

  async meta() {
    const { [META]: meta } = await this.store.get(META);
    return meta ?? { head: 0, tail: 0, count: 0, dropped: 0 };
  }

  async segment(n) {
    const key = segmentKey(n);
    const { [key]: events } = await this.store.get(key);
    return events ?? [];
  }

  /**
   * Appends events, in the same storage write as `alongside` (the tracker's state), so a worker
   * stopped at any moment never keeps one without the other. Returns how many old events had to
   * be dropped to stay within maxEvents.
   */
  async push(events, alongside = {}) {
    if (events.length === 0) {
      if (Object.keys(alongside).length) await this.store.set(alongside);
      return 0;
    }
    const meta = await this.meta();
    const writes = { ...alongside };
    let tail = await this.segment(meta.tail);
    for (const event of events) {
      if (tail.length >= this.limits.segmentSize) {
        writes[segmentKey(meta.tail)] = tail;
        meta.tail += 1;
        tail = [];
      }
      tail.push(event);
    }
    writes[segmentKey(meta.tail)] = tail;
    meta.count += events.length;

    let dropped = 0;
    const removals = [];
    while (meta.count > this.limits.maxEvents && meta.head < meta.tail) {
      const oldest = writes[segmentKey(meta.head)] ?? await this.segment(meta.head);
      delete writes[segmentKey(meta.head)];
      removals.push(segmentKey(meta.head));
      meta.count -= oldest.length;
      dropped += oldest.length;
      meta.head += 1;
    }
    meta.dropped += dropped;
    writes[META] = meta;
    await this.store.set(writes);
    if (removals.length) await this.store.remove(removals);
    return dropped;
  }

  /** The oldest events, at most `limit`, without removing them. */
  async peek(limit = this.limits.segmentSize) {
    const meta = await this.meta();
    return (await this.segment(meta.head)).slice(0, limit);
  }

  /** Removes the given events (by event_id) once the server has answered for them. */
  async remove(eventIds) {
    const ids = new Set(eventIds);
    const meta = await this.meta();
    const head = await this.segment(meta.head);
    const rest = head.filter((e) => !ids.has(e.event_id));
    meta.count -= head.length - rest.length;
    if (rest.length === 0 && meta.head < meta.tail) {
      await this.store.remove(segmentKey(meta.head));
      meta.head += 1;
      await this.store.set({ [META]: meta });
    } else {
      await this.store.set({ [segmentKey(meta.head)]: rest, [META]: meta });
    }
  }

  async size() {
    return (await this.meta()).count;
  }
}
