import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DirectoryError, ensureDir } from '../../src/store/ensure-dir.js';
import { tempDir } from '../helpers/ledger.js';

describe('ensureDir', () => {
  it('makes a folder and its missing parents, and accepts one that exists', () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    ensureDir(dir);
    ensureDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a path through a file, naming it', () => {
    const file = join(tempDir(), 'plain');
    writeFileSync(file, 'x');
    expect(() => ensureDir(join(file, 'data'))).toThrow(
      new DirectoryError(`${file} exists and is not a folder`),
    );
  });

  it('fails at once under /proc, where a recursive mkdir never returns', () => {
    const started = Date.now();
    expect(() => ensureDir('/proc/helpbot-test/data')).toThrow('cannot create /proc/helpbot-test (ENOENT)');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
