import { DEFAULT_WRITE_WAIT_MS, LedgerBusyError, type WriteOptions } from '../../core/ledger/store.js';

/** Gives the lock back; the next writer waiting, if any, has it at once. */
export type Release = () => void;

interface Waiter {
  readonly grant: (release: Release) => void;
}

/**
 * One writer at a time, the others waiting in turn: the in-memory ledger's stand-in for SQLite's
 * write lock, with the same options (WriteOptions) and the same LedgerBusyError when a wait runs out.
 */
export class WriteLock {
  private held = false;
  private readonly waiting: Waiter[] = [];

  /**
   * The lock, when it is free right now; synchronous, so that a write that needs no await holds it
   * for no turn of the event loop and no other writer ever sees it held.
   */
  tryAcquire(): Release | undefined {
    if (this.held || this.waiting.length > 0) return undefined;
    this.held = true;
    return this.releaser();
  }

  /** The lock, now or once the writers before this one are done, within `options.maxWaitMs`. */
  async acquire(options: WriteOptions): Promise<Release> {
    const now = this.tryAcquire();
    if (now !== undefined) return now;
    const maxWaitMs = options.maxWaitMs ?? DEFAULT_WRITE_WAIT_MS;
    // As in the SQLite store, a writer allowed no wait is refused before it is told it waits.
    if (maxWaitMs <= 0) throw new LedgerBusyError(0);
    options.onWait?.();
    const started = Date.now();
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          clearTimeout(timer);
          resolve(release);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new LedgerBusyError(Date.now() - started));
      }, maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      // Twice would hand the lock to two writers.
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next === undefined) this.held = false;
      else next.grant(this.releaser());
    };
  }
}
