import { type ParseArgsConfig, parseArgs } from 'node:util';
import { IDENTITY_EXAMPLES, isIdentity } from '../core/identity.js';
import { parseIsoInstant } from '../core/iso-time.js';
import { UsageError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into one-line usage errors. */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${message}`);
  }
}

export function parseIdentity(value: string): string {
  if (!isIdentity(value)) {
    throw new UsageError(`invalid identity "${value}": expected platform:id, e.g. ${IDENTITY_EXAMPLES}`);
  }
  return value;
}

/** `--now`: an ISO 8601 date (midnight UTC) or a date-time with a zone. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const date = parseIsoInstant(value);
  if (date === undefined) {
    throw new UsageError(
      `invalid --now "${value}": expected an ISO 8601 date or date-time, e.g. 2026-11-27 or 2026-11-27T12:00:00Z`,
    );
  }
  return date;
}
