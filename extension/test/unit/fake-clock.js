// A clock the tests move by hand.
export class FakeClock {
  constructor(start = Date.parse('2026-11-27T16:00:00Z')) {
    this.t = start;
  }

  now = () => this.t;

  advance(seconds) {
    this.t += seconds * 1000;
    return this.t;
  }
}

/** An in-memory stand-in for chrome.storage.local (same get/set/remove promises). */
export class MemoryStore {
  constructor() {
    this.data = new Map();
  }

  async get(keys) {
    const list = Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(list.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }

  async set(items) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }

  async remove(keys) {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }
}
