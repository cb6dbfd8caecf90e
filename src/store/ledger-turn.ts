import { DEFAULT_WRITE_WAIT_MS, LedgerBusyError, type WriteOptions } from '../core/ledger/store.js';

// How a writer waits for another one (a big import) that holds the ledger, on any database: it
// tries without waiting, and tries again after pauses that start short (a moderator's write takes
// a millisecond) and settle at a few a second, never blocking the event loop, up to the wait allowed.

/** What an attempt returns when another writer holds the ledger. */
export const LEDGER_BUSY = Symbol('ledger busy');

const FIRST_RETRY_MS = 5;
const LONGEST_RETRY_MS = 250;

export async function whenLedgerFree<T>(
  attempt: () => Promise<T | typeof LEDGER_BUSY> | T | typeof LEDGER_BUSY,
  options: WriteOptions,
): Promise<T> {
  const started = Date.now();
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_WRITE_WAIT_MS;
  let pause = FIRST_RETRY_MS;
  for (let tries = 0; ; tries++) {
    const result = await attempt();
    if (result !== LEDGER_BUSY) return result;
    const waited = Date.now() - started;
    if (waited >= maxWaitMs) throw new LedgerBusyError(waited);
    if (tries === 0) options.onWait?.();
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, maxWaitMs - waited)));
    pause = Math.min(pause * 2, LONGEST_RETRY_MS);
  }
}
