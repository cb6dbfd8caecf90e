import { type ParseArgsConfig, parseArgs } from 'node:util';
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

const IDENTITY = /^(console|discord|slack):[A-Za-z0-9._-]{1,64}$/;

export function parseIdentity(value: string): string {
  if (!IDENTITY.test(value)) {
    throw new UsageError(
      `invalid identity "${value}": expected platform:id, e.g. discord:123456789012345678, slack:U0123ABC, console:faraz`,
    );
  }
  return value;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--now`: an ISO 8601 date (midnight UTC) or a date-time with a zone. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const text = ISO_DATE.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(text);
  if (
    !(ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) ||
    Number.isNaN(date.getTime()) ||
    !sameCalendarDate(value, date)
  ) {
    throw new UsageError(
      `invalid --now "${value}": expected an ISO 8601 date or date-time, e.g. 2026-11-27 or 2026-11-27T12:00:00Z`,
    );
  }
  return date;
}

/** Rejects dates JavaScript would roll over (2026-02-30 becoming 2 March). */
function sameCalendarDate(value: string, date: Date): boolean {
  if (!ISO_DATE.test(value) && !value.endsWith('Z')) return true;
  return date.toISOString().slice(0, 10) === value.slice(0, 10);
}
