import type { StateStore, StatsEvent, StatsEvents } from './store.js';

// The running bot's day counts, batched: a burst of questions adds to the same few counters of the
// same day, and on PostgreSQL every one of those writes queues behind the others on one row. Events
// counted within a short window (or until a batch is full) go to the store as one write per day,
// each caller's promise settling with that write. Everything else passes straight through.

export interface CountBatching {
  /** How long the first event of a batch waits for others. */
  readonly windowMs: number;
  /** A batch this big is written at once. */
  readonly maxEvents: number;
}

export const COUNT_BATCHING: CountBatching = { windowMs: 25, maxEvents: 500 };

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface Pending {
  events: StatsEvent[];
  waiters: Waiter[];
}

class CountBatcher {
  private pending = new Map<string, Pending>();
  private pendingEvents = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly store: StateStore,
    private readonly batching: CountBatching,
  ) {}

  count(day: string, events: StatsEvents): Promise<void> {
    const list: readonly StatsEvent[] = Array.isArray(events) ? events : [events as StatsEvent];
    if (list.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const batch = this.pending.get(day) ?? { events: [], waiters: [] };
      this.pending.set(day, batch);
      batch.events.push(...list);
      batch.waiters.push({ resolve, reject });
      this.pendingEvents += list.length;
      if (this.pendingEvents >= this.batching.maxEvents) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.batching.windowMs);
    });
  }

  /** Writes what is pending now, one write per day. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const batches = this.pending;
    this.pending = new Map();
    this.pendingEvents = 0;
    for (const [day, batch] of batches) {
      const written = this.store.countStats(day, batch.events).then(
        () => {
          for (const waiter of batch.waiters) waiter.resolve();
        },
        (error: unknown) => {
          for (const waiter of batch.waiters) waiter.reject(error);
        },
      );
      this.writing.add(written);
      void written.finally(() => this.writing.delete(written));
    }
  }

  /** Everything counted so far, written. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all(this.writing);
  }
}

/**
 * The store, with countStats batched. Its close() writes what is pending first, so no count is lost
 * at shutdown.
 */
export function withBatchedCounts(store: StateStore, batching: CountBatching = COUNT_BATCHING): StateStore {
  const batcher = new CountBatcher(store, batching);
  const countStats = (day: string, events: StatsEvents) => batcher.count(day, events);
  const close = async () => {
    await batcher.drain();
    await store.close();
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'countStats') return countStats;
      if (property === 'close') return close;
      const value: unknown = Reflect.get(target, property, receiver);
      // The store's own methods run on the store itself, whatever they reach through `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
