import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportReader, parseImportText, readImportFile } from '../../src/accounts/import-file.js';
import type { ImportItem } from '../../src/core/ledger/store.js';
import { formatLedgerProblem } from '../../src/core/rules/problems.js';
import { EncodingError } from '../../src/core/text/utf8.js';
import { importedAccount, tempDir } from '../helpers/ledger.js';

// The import file is read in pieces as it arrives; these check that where the pieces are cut
// never changes what is read, and that each fault is named where it is in the file.

const account = (id: string, job?: string) => importedAccount(id, job);

function fileWith(text: string | Buffer): string {
  const file = join(tempDir('helpbot-stream-'), 'accounts.json');
  writeFileSync(file, text);
  return file;
}

async function itemsOf(file: string): Promise<ImportItem[]> {
  const items: ImportItem[] = [];
  for await (const item of readImportFile(file)) items.push(item);
  return items;
}

async function problemsOf(text: string | Buffer): Promise<string[]> {
  const items = await itemsOf(fileWith(text));
  return items.flatMap((item) => ('problems' in item ? item.problems.map(formatLedgerProblem) : []));
}

describe('reading an import file in pieces', () => {
  it('reads the same accounts and problems wherever the text is cut', async () => {
    // Brackets, braces, commas, escaped quotes and backslashes inside strings; a non-ASCII
    // character split across pieces; members beyond the contract's, before and after the list.
    const text = `\ufeff{"exportedAt": {"by": ["a]", "}"]}, "accounts": [\n ${JSON.stringify(
      account('acct-a', 'Logo "]}, \\ é 🎨'),
    )},\n ${JSON.stringify({ ...account('acct-b'), billingDay: 40 })} ,${JSON.stringify(account('acct-c'))}],
 "count": 3, "flag": true, "none": null}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const whole = parseImportText(text.slice(1));
    expect(whole.ok).toBe(false);
    if (whole.ok) return;
    expect(whole.problems.map(formatLedgerProblem)).toEqual(['account acct-b billingDay: must be 1-31']);

    const expected = await itemsOf(fileWith(bytes));
    expect(expected.map((item) => ('account' in item ? item.account.id : 'problem'))).toEqual([
      'acct-a',
      'problem',
      'acct-c',
    ]);
    expect(expected[0]).toMatchObject({ account: { ledger: [{}, { job: 'Logo "]}, \\ é 🎨' }] } });
    // Every cut point, through a reader fed two pieces: the same items, in the same order.
    for (let cut = 0; cut <= bytes.length; cut++) {
      const reader = new ImportReader();
      const items = [
        ...reader.push(bytes.subarray(0, cut)),
        ...reader.push(bytes.subarray(cut)),
        ...reader.end(),
      ];
      expect(items, `cut at byte ${cut}`).toEqual(expected);
    }
  });

  it('hands over the first account before the rest of the file exists', async () => {
    const file = join(tempDir('helpbot-fifo-'), 'accounts.json');
    execFileSync('mkfifo', [file]);
    const writer = createWriteStream(file);
    writer.write(`{"accounts": [${JSON.stringify(account('acct-first'))},`);
    const items = readImportFile(file)[Symbol.asyncIterator]();
    const first = await items.next();
    expect(first.value).toMatchObject({ account: { id: 'acct-first' } });
    writer.end(`${JSON.stringify(account('acct-second'))}]}`);
    expect((await items.next()).value).toMatchObject({ account: { id: 'acct-second' } });
    expect((await items.next()).done).toBe(true);
  });

  it('names the line and column where the text stops being JSON, and reads no further', async () => {
    expect(await problemsOf('{\n  "accounts": [\n    {"id": }\n  ]\n}')).toEqual([
      'not valid JSON at line 3, column 12: expected a value, found "}"',
    ]);
    expect(await problemsOf(`{"accounts": [\n${JSON.stringify(account('a'))},\n  ]}`)).toEqual([
      'not valid JSON at line 3, column 3: expected a value, found "]"',
    ]);
    expect(await problemsOf('{"accounts": [{"id": "a",\n "kind" "agency"}]}')).toEqual([
      'not valid JSON at line 2, column 9: expected : after the name, found """',
    ]);
    // What the grammar allows but JSON does not (a literal cut short) is left to JSON.parse.
    expect(await problemsOf('{"accounts": [{"id": tru}]}')).toEqual([
      "not valid JSON in the value starting at line 1, column 15: Unexpected token '}'",
    ]);
    expect(await problemsOf('{"accounts": [{"ledger": [1}]}')).toEqual([
      'not valid JSON at line 1, column 28: expected , or ], found "}"',
    ]);
    expect(await problemsOf('{"accounts": []} []')).toEqual([
      'not valid JSON at line 1, column 18: expected nothing more after the end of the JSON object, found "["',
    ]);
    expect(await problemsOf(`{"accounts": [${JSON.stringify(account('a'))}, {"id": "b"`)).toEqual([
      'not valid JSON at line 1, column 304: the text ends before the JSON object is closed (a cut-off file?)',
    ]);
    expect(await problemsOf('{"accounts": [], }')).toEqual([
      'not valid JSON at line 1, column 18: expected a quoted name after the comma, found "}"',
    ]);
  });

  it('says what is wrong with the shape of the file as a whole', async () => {
    const notObject = 'must be a JSON object with an "accounts" list (docs/contract.md section 4)';
    expect(await problemsOf('[]')).toEqual([notObject]);
    expect(await problemsOf('  \n')).toEqual([`${notObject}; the file is empty`]);
    expect(await problemsOf('{"account": []}')).toEqual(['accounts: is missing']);
    expect(await problemsOf('{"accounts": {}}')).toEqual(['accounts: must be a list of accounts']);
    expect(await problemsOf('{"accounts": [], "accounts": []}')).toEqual([
      'accounts: appears more than once in the file',
    ]);
    // A name is read as JSON reads it: an escaped letter is still the letter.
    expect(await problemsOf('{"acc\\u006funts": []}')).toEqual([]);
    expect(await problemsOf('{"accounts": [7]}')).toEqual([
      'account #1 account: Invalid input: expected object, received number',
    ]);
  });

  it('refuses text that is not UTF-8, naming the line and column in the file', async () => {
    const latin1 = Buffer.from(`{"accounts": [\n  ${JSON.stringify(account('a', 'Caf\u00e9'))}]}`, 'latin1');
    await expect(itemsOf(fileWith(latin1))).rejects.toThrow(
      new EncodingError(
        'line 2, column 275: byte 0xE9 is not UTF-8 (a Latin-1 or Windows-1252 file?); save it as UTF-8',
      ),
    );
    const badName = Buffer.concat([Buffer.from('{\n "n'), Buffer.from([0xff]), Buffer.from('": 1}')]);
    await expect(itemsOf(fileWith(badName))).rejects.toThrow('line 2, column 4: byte 0xFF');
    await expect(itemsOf(fileWith(Buffer.from('{"accounts": []}', 'utf16le')))).rejects.toThrow(
      'UTF-16 text, it seems',
    );
    await expect(
      itemsOf(fileWith(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]))),
    ).rejects.toThrow('UTF-16 text (it starts with a UTF-16 byte order mark)');
  });
});
