import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

// A throw-away PostgreSQL cluster on 127.0.0.1 for the ledger's and the state's PostgreSQL backends:
// initdb into a temporary folder, as the unprivileged `postgres` user when the tests run as root
// (PostgreSQL refuses to run as root). `.ci/run` installs Debian's postgresql; a machine without
// it fails these tests with that advice, never skips them. Each `database()` is a new, empty one.

export interface PostgresServer {
  /** The cluster's maintenance database, for the tests' own statements. */
  readonly url: string;
  /** A new, empty database; its URL. */
  database(): Promise<string>;
  /** Stops the cluster the way a crash does (SIGKILL) or cleanly. */
  stop(options?: { crash?: boolean }): Promise<void>;
}

/** initdb and postgres: on PATH, or in Debian's versioned folder. */
function binaries(): { initdb: string; postgres: string } {
  const onPath = spawnSync('initdb', ['--version']).error === undefined;
  if (onPath) return { initdb: 'initdb', postgres: 'postgres' };
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined)
    throw new Error('PostgreSQL is not installed: run `apt-get install -y postgresql` (what .ci/run does)');
  return { initdb: join(root, newest, 'bin', 'initdb'), postgres: join(root, newest, 'bin', 'postgres') };
}

/** As root, the command runs as `postgres` (the package's user); otherwise as ourselves. */
function asServerUser(command: string, args: readonly string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, [...args]];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function serverUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres']).stdout.toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

let databases = 0;

export async function startPostgres(): Promise<PostgresServer> {
  const { initdb, postgres } = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'helpbot-pg-'));
  chmodSync(dir, 0o700);
  const owner = serverUserIds();
  if (owner !== undefined) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asServerUser(initdb, [
    '-D',
    data,
    '-U',
    'helpbot',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr.toString()}`);
  const port = await freePort();
  const [command, args] = asServerUser(postgres, [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    // A throw-away cluster: durability is the transaction's business here, not the disk's.
    '-c',
    'fsync=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('postgres did not start within 20 s')), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited with ${code}`));
    });
  });
  const url = `postgres://helpbot@127.0.0.1:${port}/postgres`;
  return {
    url,
    database: async () => {
      databases += 1;
      const name = `helpbot_test_${process.pid}_${databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgres://helpbot@127.0.0.1:${port}/${name}`;
    },
    stop: async (options = {}) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // The postmaster itself (under `runuser` its pid is not the child's): fast shutdown, or a crash.
      const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(postmaster, options.crash ? 'SIGKILL' : 'SIGINT');
      await exited;
      if (!options.crash) rmSync(dir, { recursive: true, force: true });
    },
  };
}
