// What the Keyv state store does with a value, without Keyv: kept as JSON text (so a caller never
// shares an object with the store, and what goes in comes out as Keyv's JSON would give it back),
// and gone once its time to live has passed by the process clock, as Keyv judges expiry.

interface Kept {
  readonly json: string;
  /** Milliseconds since the epoch; undefined keeps the value for good. */
  readonly expires: number | undefined;
}

/** Expired values are dropped when read; a sweep now and then frees those nobody reads again. */
const SWEEP_EVERY = 1000;

export class ExpiringMap {
  private readonly kept = new Map<string, Kept>();
  private writes = 0;

  get<T>(key: string): T | undefined {
    const kept = this.kept.get(key);
    if (kept === undefined) return undefined;
    if (expired(kept, Date.now())) {
      this.kept.delete(key);
      return undefined;
    }
    return JSON.parse(kept.json) as T;
  }

  /** `ttlMs` as Keyv takes it: none, or 0, keeps the value for good. */
  set(key: string, value: unknown, ttlMs?: number): void {
    const expires = ttlMs === undefined || ttlMs === 0 ? undefined : Date.now() + ttlMs;
    this.kept.set(key, { json: JSON.stringify(value), expires });
    if (++this.writes % SWEEP_EVERY === 0) this.sweep();
  }

  clear(): void {
    this.kept.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, kept] of this.kept) if (expired(kept, now)) this.kept.delete(key);
  }
}

// Strictly later, as in Keyv: a value is still there at the very millisecond it expires.
function expired(kept: Kept, now: number): boolean {
  return kept.expires !== undefined && now > kept.expires;
}
