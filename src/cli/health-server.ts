import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TIME_UP, within } from '../core/time-limit.js';

// GET /healthz and GET /readyz for a supervisor or an orchestrator (HEALTH_PORT): live while the
// process answers and is not shutting down; ready only when every part a member's answer needs
// answers now (each platform connected, the stores reachable, the knowledge loaded), so a stuck
// instance is restarted and a starting one gets no traffic.

/** One part of readiness: true when it is ready, or why not. */
export type Check = () => Promise<boolean> | boolean;

/** How long one check may take before it counts as not ready. */
const CHECK_TIMEOUT_MS = 2000;

export interface HealthServer {
  readonly port: number;
  /** From now on both endpoints say the process is going away. */
  shuttingDown(): void;
  close(): Promise<void>;
}

export async function startHealthServer(
  port: number,
  checks: Readonly<Record<string, Check>>,
): Promise<HealthServer> {
  let stopping = false;
  const server: Server = createServer((request, response) => {
    const answer = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(`${JSON.stringify(body)}\n`);
    };
    const path = (request.url ?? '/').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return answer(404, { error: 'not found' });
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, { error: 'GET only' });
    if (path === '/healthz') return answer(stopping ? 503 : 200, { status: stopping ? 'stopping' : 'ok' });
    void readiness(checks).then((results) => {
      const ready = !stopping && Object.values(results).every((result) => result === true);
      answer(ready ? 200 : 503, {
        status: stopping ? 'stopping' : ready ? 'ready' : 'not ready',
        checks: results,
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    shuttingDown: () => {
      stopping = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every check, each within its time limit: true, or what is wrong in a few words. */
async function readiness(checks: Readonly<Record<string, Check>>): Promise<Record<string, true | string>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, true | string]> => {
      try {
        const result = await within(Promise.resolve(check()), CHECK_TIMEOUT_MS);
        if (result === TIME_UP) return [name, `no answer within ${CHECK_TIMEOUT_MS / 1000} s`];
        return [name, result ? true : 'not ready'];
      } catch (error) {
        return [name, (error instanceof Error ? error.message : String(error)).split('\n')[0] as string];
      }
    }),
  );
  return Object.fromEntries(entries);
}
