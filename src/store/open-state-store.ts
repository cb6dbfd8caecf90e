import { join } from 'node:path';
import type { StateStore } from '../core/state/store.js';
import { TIME_UP, within } from '../core/time-limit.js';
import { withoutPassword } from './redact-url.js';
import { SqliteStateStore } from './sqlite/state-store.js';
import { type CheckableStateStore, StateShapeError, StateStoreError } from './state-errors.js';

export { StateShapeError, StateStoreError };

// Which state store KEYV_URL names, and the checks at start-up: every way a store can fail to open
// becomes one line that names the file or server (without its password) and what to do.

/** How long a start-up waits for the store's first answer. */
const VERIFY_TIMEOUT_MS = 10_000;

export interface StateStoreOptions {
  readonly dataDir: string;
  /** KEYV_URL: `sqlite://PATH` or `redis://…`; unset, the database below or `DATA_DIR/state.sqlite`. */
  readonly url?: string | undefined;
  /** DATABASE_URL: with no KEYV_URL, the state goes where the ledger is (one server for both). */
  readonly databaseUrl?: string | undefined;
}

/** Where the state is kept: KEYV_URL, else DATABASE_URL, else the file in DATA_DIR. */
function stateUrl(options: StateStoreOptions): string {
  return options.url ?? options.databaseUrl ?? `sqlite://${join(options.dataDir, 'state.sqlite')}`;
}

/**
 * KEYV_URL (`sqlite://PATH` or `redis://…`), else DATABASE_URL (PostgreSQL), else SQLite in DATA_DIR.
 * A server's client is loaded only when it is named: the embedded default starts without it.
 */
export async function openStateStore(options: StateStoreOptions): Promise<CheckableStateStore> {
  const url = stateUrl(options);
  if (url.startsWith('sqlite://')) return new SqliteStateStore(url.slice('sqlite://'.length));
  if (url.startsWith('redis://') || url.startsWith('rediss://'))
    return (await import('./redis/state-store.js')).openRedisStateStore(url);
  if (url.startsWith('postgres://') || url.startsWith('postgresql://'))
    return new (await import('./postgres/state-store.js')).PostgresStateStore(url);
  throw new Error(
    `KEYV_URL ${url.split(':')[0]}:// is not supported; use sqlite://PATH or redis://HOST:PORT`,
  );
}

/** The state store, opened and verified; any failure is one StateStoreError line. */
export async function openCheckedStateStore(options: StateStoreOptions): Promise<StateStore> {
  const url = stateUrl(options);
  const where = url.startsWith('sqlite://') ? url.slice('sqlite://'.length) : withoutPassword(url);
  let store: CheckableStateStore | undefined;
  try {
    store = await openStateStore({ ...options, url });
    if ((await within(store.verify(), VERIFY_TIMEOUT_MS)) === TIME_UP)
      throw new Error(`no answer within ${VERIFY_TIMEOUT_MS / 1000} s`);
    return store;
  } catch (error) {
    // A client still trying to connect would keep the process alive after the error is reported.
    if (store !== undefined)
      await within(
        store.close().catch(() => undefined),
        1000,
      );
    throw new StateStoreError(`${where}: ${whyUnusable(error, !url.startsWith('sqlite://'), where)}`);
  }
}

function whyUnusable(error: unknown, isServer: boolean, where: string): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof StateShapeError)
    return `${message}; move the file aside (the bot starts with empty state) or restore a backup`;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /SQLITE_(NOTADB|CORRUPT)/.test(message))
    return 'damaged or not a SQLite database; move it aside (the bot starts with empty state) or restore a backup';
  if (code === 'SQLITE_CANTOPEN' || /SQLITE_CANTOPEN/.test(message))
    return 'cannot be opened (a directory, or a folder without write permission?)';
  const first = message.split('\n')[0] as string;
  // The Redis client reports a refused or silent server in several ways ("Disconnects client",
  // "Connection timeout", "not connected"): to a person they are all the same fault.
  if (isServer && /^postgres/.test(where))
    return `cannot connect, or the server does not answer (${first}); check DATABASE_URL and that PostgreSQL is running`;
  if (isServer)
    return `cannot connect, or the server does not answer (${first}); check KEYV_URL and that Redis is running`;
  return first;
}
