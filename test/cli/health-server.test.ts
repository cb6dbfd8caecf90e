import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, startHealthServer } from '../../src/cli/health-server.js';

// GET /healthz and /readyz as a supervisor reads them: status codes first, then what is not ready.

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string, method = 'GET') {
  const response = await fetch(`http://127.0.0.1:${server?.port}${path}`, { method });
  return { status: response.status, body: method === 'HEAD' ? null : await response.json() };
}

describe('the health endpoints', () => {
  it('are live at once, and ready only when every check is', async () => {
    let connected = false;
    server = await startHealthServer(0, { discord: () => connected, state: async () => true });
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: { status: 'not ready', checks: { discord: 'not ready', state: true } },
    });
    connected = true;
    expect(await get('/readyz?verbose=1')).toEqual({
      status: 200,
      body: { status: 'ready', checks: { discord: true, state: true } },
    });
    expect((await get('/readyz', 'HEAD')).status).toBe(200);
  });

  it('say why a store is not ready: its error, or that it did not answer in time', async () => {
    server = await startHealthServer(0, {
      ledger: async () => {
        throw new Error('SQLITE_IOERR: disk I/O error\nmore detail');
      },
      state: () => new Promise<boolean>(() => undefined),
    });
    const started = Date.now();
    expect(await get('/readyz')).toEqual({
      status: 503,
      body: {
        status: 'not ready',
        checks: { ledger: 'SQLITE_IOERR: disk I/O error', state: 'no answer within 2 s' },
      },
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('say the process is going away once it shuts down', async () => {
    server = await startHealthServer(0, { discord: () => true });
    server.shuttingDown();
    expect(await get('/healthz')).toEqual({ status: 503, body: { status: 'stopping' } });
    expect((await get('/readyz')).status).toBe(503);
  });

  it('answer nothing else', async () => {
    server = await startHealthServer(0, {});
    expect(await get('/metrics')).toEqual({ status: 404, body: { error: 'not found' } });
    expect(await get('/healthz', 'POST')).toEqual({ status: 405, body: { error: 'GET only' } });
  });
});
