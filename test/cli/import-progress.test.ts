import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticAccounts } from '../../src/bench/synthetic-ledger.js';
import { ImportProgress, PROGRESS_FROM_BYTES, progressLine } from '../../src/cli/import-progress.js';
import { runCli } from '../helpers/io.js';
import { tempDir } from '../helpers/ledger.js';

describe('the progress of a big import', () => {
  it('says how far, how many, how fast, and how long is left', () => {
    expect(
      progressLine('big.json', {
        bytes: 12_300_000,
        totalBytes: 29_100_000,
        accounts: 12_345,
        entries: 370_350,
        elapsedMs: 4000,
      }),
    ).toBe(
      'importing big.json: 42% (12.3 of 29.1 MB) · 12,345 accounts, 370,350 entries · 3,086 accounts/s, 92,588 entries/s · about 6 s left',
    );
    // Too early for a pace: only what is done.
    expect(
      progressLine('big.json', {
        bytes: 1_000_000,
        totalBytes: 29_100_000,
        accounts: 10,
        entries: 300,
        elapsedMs: 100,
      }),
    ).toBe('importing big.json: 3% (1.0 of 29.1 MB) · 10 accounts, 300 entries');
  });

  it('is redrawn in place a few times a second, then wiped', () => {
    let now = 0;
    const written: string[] = [];
    const progress = new ImportProgress(
      'big.json',
      10_000_000,
      (text) => written.push(text),
      () => now,
    );
    for (let read = 1; read <= 10; read++) {
      now += 100;
      progress.read(read * 1_000_000);
    }
    // 1 s of reading, redrawn every 250 ms at most.
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(5);
    expect(written.every((text) => text.startsWith('\r\x1b[Kimporting big.json: '))).toBe(true);
    progress.finish();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('shows on a terminal for a big file, never in a pipe, and the summary follows as always', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'big.json');
    writeFileSync(file, JSON.stringify({ accounts: syntheticAccounts(800, 30, { seed: 3 }) }));
    const { statSync } = await import('node:fs');
    expect(statSync(file).size).toBeGreaterThan(PROGRESS_FROM_BYTES);
    const onTerminal = await runCli(['accounts', 'import', file], {
      env: { DATA_DIR: dataDir },
      stderrIsTTY: true,
    });
    expect(onTerminal.code).toBe(0);
    const ERASE = '\r\x1b[K';
    expect(onTerminal.stderr.startsWith(ERASE)).toBe(true);
    expect(onTerminal.stderr.slice(ERASE.length)).toMatch(
      /^importing .*big\.json: \d+% \(\d+\.\d of \d+\.\d MB\) · [\d,]+ accounts, [\d,]+ entries/,
    );
    expect(onTerminal.stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(onTerminal.stdout).toContain('800 accounts');
    const inPipe = await runCli(['accounts', 'import', '--dry-run', file], { env: { DATA_DIR: dataDir } });
    expect(inPipe.code).toBe(0);
    expect(inPipe.stderr).toBe('');
  });
});
