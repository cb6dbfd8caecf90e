import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import type { z } from 'zod';
import type { ImportItem } from '../core/ledger/store.js';
import type { Account, LedgerEntry } from '../core/ledger/types.js';
import { FILE_LEVEL, type LedgerProblem } from '../core/rules/problems.js';
import {
  EncodingError,
  looksLikeUtf16,
  notUtf8,
  type TextPosition,
  withoutByteOrderMark,
} from '../core/text/utf8.js';
import { accountSchema } from './import-schema.js';
import {
  JsonSyntaxError,
  NotAnObjectError,
  ObjectScanner,
  parseFault,
  type ScannedPiece,
  type ScanResult,
} from './json-scanner.js';

// Reads an accounts import file (docs/contract.md section 4) into the core's types, account by
// account, or says everything that is wrong with it: a problem names the account, the entry and the
// field, or the line and column where the text stops being JSON. A file of any size is read in the
// memory of its largest account; text that is not UTF-8 is refused (EncodingError) naming where.

export type ParsedImport =
  | { readonly ok: true; readonly accounts: readonly Account[] }
  | { readonly ok: false; readonly problems: readonly LedgerProblem[] };

/** The file is read in pieces of this size. */
const CHUNK_BYTES = 1 << 20;
/** Enough of the file's start to tell UTF-8 with a byte order mark and UTF-16 apart. */
const HEAD_BYTES = 64;

/** The accounts of a whole import file's text, or all of its problems. */
export function parseImportText(text: string): ParsedImport {
  const reader = new ImportReader();
  let items: ImportItem[];
  try {
    items = [...reader.push(Buffer.from(text, 'utf8')), ...reader.end()];
  } catch (error) {
    // Text in memory is always UTF-8 once encoded; what is left is text that looks like UTF-16.
    if (!(error instanceof EncodingError)) throw error;
    return { ok: false, problems: [{ account: FILE_LEVEL, message: error.message }] };
  }
  const problems = items.flatMap((item) => ('problems' in item ? item.problems : []));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, accounts: items.flatMap((item) => ('account' in item ? [item.account] : [])) };
}

/**
 * The accounts of an import file as it is read, each followed by nothing or preceded by what is
 * wrong with it; reading stops at the first place where the text is not JSON. Throws EncodingError
 * when the file is not UTF-8, and the file system's errors.
 */
export async function* readImportFile(
  file: string,
  onRead?: (bytesSoFar: number) => void,
): AsyncGenerator<ImportItem> {
  const reader = new ImportReader();
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    bytes += (chunk as Buffer).length;
    onRead?.(bytes);
    yield* reader.push(chunk as Buffer);
    if (reader.stopped) return;
  }
  yield* reader.end();
}

/** Turns the bytes of an import file, pushed in pieces of any size, into accounts and problems. */
export class ImportReader {
  private readonly scanner = new ObjectScanner('accounts');
  /** The file's first bytes, until there are enough to look for a byte order mark. */
  private head: Buffer | undefined = Buffer.alloc(0);
  private accountsMember = false;
  /** The text stopped being JSON: nothing after that point can be read. */
  stopped = false;

  push(chunk: Buffer): ImportItem[] {
    if (this.stopped) return [];
    if (this.head !== undefined) {
      // The byte order mark and the UTF-16 check need the file's first bytes together.
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < HEAD_BYTES) return [];
      return this.scan(this.takeHead());
    }
    return this.scan(chunk);
  }

  end(): ImportItem[] {
    if (this.stopped) return [];
    const items = this.head === undefined ? [] : this.scan(this.takeHead());
    if (this.stopped) return items;
    items.push(...this.readPieces(this.scanner.end()));
    if (this.stopped) return items;
    if (this.scanner.listsSeen + (this.accountsMember ? 1 : 0) === 0)
      items.push(fileProblem({ field: 'accounts', message: 'is missing' }));
    else if (this.scanner.listsSeen > 1)
      items.push(fileProblem({ field: 'accounts', message: 'appears more than once in the file' }));
    return items;
  }

  /** The file's first bytes, without a UTF-8 byte order mark; a UTF-16 file is refused. */
  private takeHead(): Buffer {
    const head = withoutByteOrderMark(this.head ?? Buffer.alloc(0));
    this.head = undefined;
    if (looksLikeUtf16(head))
      throw new EncodingError('UTF-16 text, it seems (every other byte is zero); save it as UTF-8');
    return Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  }

  private scan(chunk: Buffer): ImportItem[] {
    return this.readPieces(this.scanner.push(chunk));
  }

  /** The pieces in file order, then what stopped the scan after them, if anything did. */
  private readPieces(scanned: ScanResult): ImportItem[] {
    const items: ImportItem[] = [];
    for (const piece of scanned.pieces) {
      const item = this.read(piece);
      if (item !== undefined) items.push(item);
      if (this.stopped) return items;
    }
    if (scanned.error !== undefined) items.push(this.stop(scanned.error));
    return items;
  }

  private read(piece: ScannedPiece): ImportItem | undefined {
    if (!isUtf8(piece.bytes)) throw notUtf8(piece.bytes, piece.at);
    const text = piece.bytes.toString('utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      this.stopped = true;
      return fileProblem({ message: jsonMessage(text, piece.at, error) });
    }
    if (piece.kind === 'member') {
      // Members beyond the contract's are ignored (an export may carry more); a list of accounts
      // is read element by element, so "accounts" here is not a list.
      if (piece.key !== 'accounts') return undefined;
      this.accountsMember = true;
      return fileProblem({ field: 'accounts', message: 'must be a list of accounts' });
    }
    const parsed = accountSchema.safeParse(raw);
    if (!parsed.success)
      return { problems: parsed.error.issues.map((issue) => locate(raw, piece.index, issue)) };
    const account = parsed.data;
    return {
      account: {
        id: account.id,
        kind: account.kind,
        plan: account.plan,
        billingDay: account.billingDay,
        identities: account.identities,
        // zod leaves absent optional fields out, so the entries already have the core's shape.
        ledger: account.ledger as LedgerEntry[],
      },
    };
  }

  private stop(error: unknown): ImportItem {
    this.stopped = true;
    if (error instanceof NotAnObjectError) {
      return fileProblem({
        message: `must be a JSON object with an "accounts" list (docs/contract.md section 4)${error.message === 'the file is empty' ? '; the file is empty' : ''}`,
      });
    }
    if (error instanceof JsonSyntaxError)
      return fileProblem({ message: syntaxMessage(error.reason, error.at) });
    throw error;
  }
}

function fileProblem(problem: Omit<LedgerProblem, 'account'>): ImportItem {
  return { problems: [{ account: FILE_LEVEL, ...problem }] };
}

function syntaxMessage(reason: string, at: TextPosition | undefined): string {
  return at === undefined
    ? `not valid JSON: ${reason}`
    : `not valid JSON at line ${at.line}, column ${at.column}: ${reason}`;
}

/** JSON.parse's complaint about a piece of the file, placed by line and column in the file. */
function jsonMessage(text: string, from: TextPosition, error: unknown): string {
  const fault = parseFault(text, from, error);
  return fault.at === undefined
    ? `not valid JSON in the value starting at line ${from.line}, column ${from.column}: ${fault.reason}`
    : syntaxMessage(fault.reason, fault.at);
}

/** Names a schema issue by account id and entry id, which is how a moderator finds it in the file. */
function locate(account: unknown, index: number, issue: z.core.$ZodIssue): LedgerProblem {
  const path = issue.path;
  const message = /received undefined$/.test(issue.message) ? 'is missing' : issue.message;
  const accountLabel = idOf(account) ?? `#${index + 1}`;
  if (path[0] === 'ledger' && typeof path[1] === 'number') {
    const entry = (account as { ledger: unknown[] }).ledger[path[1]];
    return {
      account: accountLabel,
      entry: idOf(entry) ?? `#${path[1] + 1}`,
      field: path.slice(2).join('.') || 'entry',
      message,
    };
  }
  return { account: accountLabel, field: path.join('.') || 'account', message };
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
