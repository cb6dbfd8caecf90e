import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type { Logger as PinoLogger } from 'pino';

export type Logger = Pick<PinoLogger, 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

const require = createRequire(import.meta.url);

/**
 * pino to standard error, so standard output stays the command's own (JSON, answers). pino is
 * loaded on the first log call: a one-shot command that logs nothing should not pay for it.
 */
export function createLogger(level: string, destination: Writable = process.stderr): Logger {
  let instance: PinoLogger | undefined;
  const real = (): PinoLogger => {
    if (instance === undefined) {
      const { pino } = require('pino') as typeof import('pino');
      instance = pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, destination);
    }
    return instance;
  };
  const rank: Record<string, number> = {
    trace: 10,
    debug: 20,
    info: 30,
    warn: 40,
    error: 50,
    fatal: 60,
    silent: Infinity,
  };
  const threshold = rank[level] ?? 30;
  const method =
    (name: keyof Logger, value: number) =>
    (...args: unknown[]): void => {
      if (value < threshold) return;
      (real()[name] as (...a: unknown[]) => void)(...args);
    };
  return {
    trace: method('trace', 10),
    debug: method('debug', 20),
    info: method('info', 30),
    warn: method('warn', 40),
    error: method('error', 50),
    fatal: method('fatal', 60),
  } as Logger;
}
