import type { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';

export type { Logger };

/** pino to standard error, so standard output stays the command's own (JSON, answers). */
export function createLogger(level: string, destination: Writable = process.stderr): Logger {
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
