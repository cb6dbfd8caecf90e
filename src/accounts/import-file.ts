import type { z } from 'zod';
import type { Account, LedgerEntry } from '../core/ledger/types.js';
import { FILE_LEVEL, type LedgerProblem } from '../core/rules/problems.js';
import { importFileSchema } from './import-schema.js';

// Reads an accounts import file into the core's types, or says everything that is wrong with it.

export type ParsedImport =
  | { readonly ok: true; readonly accounts: readonly Account[] }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

/** Parses the text of an import file; a problem names the account, the entry and the field. */
export function parseImportText(text: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ account: FILE_LEVEL, message: jsonMessage(text, error) }] };
  }
  const parsed = importFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => locate(raw, issue)) };
  const accounts = parsed.data.accounts.map(
    (account): Account => ({
      id: account.id,
      kind: account.kind,
      plan: account.plan,
      billingDay: account.billingDay,
      identities: account.identities,
      // zod leaves absent optional fields out, so the entries already have the core's shape.
      ledger: account.ledger as LedgerEntry[],
    }),
  );
  return { ok: true, accounts };
}

/** JSON.parse's complaint with a line and column instead of a character offset. */
function jsonMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return `not valid JSON: ${message.replace(/\s+/g, ' ')}`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** Names a schema issue by account id and entry id, which is how a moderator finds it in the file. */
function locate(raw: unknown, issue: z.core.$ZodIssue): LedgerProblem {
  const path = issue.path;
  const message = /received undefined$/.test(issue.message) ? 'is missing' : issue.message;
  if (path.length === 0) {
    return {
      account: FILE_LEVEL,
      message: 'must be a JSON object with an "accounts" list (docs/contract.md section 4)',
    };
  }
  if (path[0] !== 'accounts' || typeof path[1] !== 'number') {
    return { account: FILE_LEVEL, field: path.join('.'), message };
  }
  const accountIndex = path[1];
  const account = (raw as { accounts: unknown[] }).accounts[accountIndex];
  const accountLabel = idOf(account) ?? `#${accountIndex + 1}`;
  if (path[2] === 'ledger' && typeof path[3] === 'number') {
    const entry = (account as { ledger: unknown[] }).ledger[path[3]];
    return {
      account: accountLabel,
      entry: idOf(entry) ?? `#${path[3] + 1}`,
      field: path.slice(4).join('.') || 'entry',
      message,
    };
  }
  return { account: accountLabel, field: path.slice(2).join('.') || 'account', message };
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
