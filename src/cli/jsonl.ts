import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { decodeUtf8, EncodingError } from '../core/text/utf8.js';
import { UsageError } from './io.js';

/** Reads a JSON Lines file, each line checked by `schema`; the first bad line stops it with its number. */
export function readJsonLines<T extends z.ZodType>(
  command: string,
  file: string,
  schema: T,
  what: string,
): z.output<T>[] {
  const items: z.output<T>[] = [];
  readTextFile(command, file)
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new UsageError(`${command}: ${file}:${index + 1}: not valid JSON`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UsageError(
          `${command}: ${file}:${index + 1}: ${issue?.path.join('.') || 'line'} ${issue?.message ?? 'is invalid'}`,
        );
      }
      items.push(parsed.data);
    });
  if (items.length === 0) throw new UsageError(`${command}: ${file} has no ${what}`);
  return items;
}

export function readTextFile(command: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(
      `${command}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  return decodedOrRefused(command, file, bytes);
}

/** The file's text, or a one-line refusal naming the file and its encoding problem. */
function decodedOrRefused(command: string, file: string, bytes: Uint8Array): string {
  try {
    return decodeUtf8(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new UsageError(`${command}: ${file}: ${error.message}`);
    throw error;
  }
}
