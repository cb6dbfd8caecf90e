import type { ImportItem } from '../core/ledger/store.js';

// What a big import shows on a terminal while it reads: how far through the file, how many
// accounts and entries so far, how fast, and about how long is left. One line, redrawn in place a
// few times a second, and wiped before the summary is written.

/** Files smaller than this are read in a moment: no progress line. */
export const PROGRESS_FROM_BYTES = 1024 * 1024;
const REDRAW_EVERY_MS = 250;

export interface ImportCounts {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly accounts: number;
  readonly entries: number;
  readonly elapsedMs: number;
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const megabytes = (bytes: number) => (bytes / 1_000_000).toFixed(1);

/** "importing big.json: 42% (12.3 of 29.1 MB) · 12,345 accounts, 370,350 entries · …/s · about 14 s left". */
export function progressLine(file: string, counts: ImportCounts): string {
  const share = counts.totalBytes === 0 ? 1 : Math.min(1, counts.bytes / counts.totalBytes);
  const seconds = counts.elapsedMs / 1000;
  const parts = [
    `importing ${file}: ${Math.floor(share * 100)}% (${megabytes(counts.bytes)} of ${megabytes(counts.totalBytes)} MB)`,
    `${whole(counts.accounts)} accounts, ${whole(counts.entries)} entries`,
  ];
  if (seconds >= 0.5) {
    parts.push(
      `${whole(counts.accounts / seconds)} accounts/s, ${whole(counts.entries / seconds)} entries/s`,
    );
    // Time left from the pace so far, once there is a pace to go by.
    if (share > 0.01 && share < 1) parts.push(`about ${Math.ceil((seconds * (1 - share)) / share)} s left`);
  }
  return parts.join(' · ');
}

/** Counts an import as it streams and redraws its line on `write` (a terminal's standard error). */
export class ImportProgress {
  private bytes = 0;
  private accounts = 0;
  private entries = 0;
  private readonly started: number;
  private drawnAt = 0;
  private drawn = false;

  constructor(
    private readonly file: string,
    private readonly totalBytes: number,
    private readonly write: (text: string) => void,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  /** Bytes read so far. */
  read(bytes: number): void {
    this.bytes = bytes;
    this.redraw();
  }

  /** The items as they pass, counted. */
  async *counting(items: AsyncIterable<ImportItem>): AsyncGenerator<ImportItem> {
    for await (const item of items) {
      if ('account' in item) {
        this.accounts += 1;
        this.entries += item.account.ledger.length;
      }
      yield item;
    }
  }

  /** Wipes the line, leaving the terminal as it was for the summary. */
  finish(): void {
    if (this.drawn) this.write('\r\x1b[K');
  }

  private redraw(): void {
    const now = this.clock();
    if (now - this.drawnAt < REDRAW_EVERY_MS) return;
    this.drawnAt = now;
    this.drawn = true;
    const line = progressLine(this.file, {
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      accounts: this.accounts,
      entries: this.entries,
      elapsedMs: now - this.started,
    });
    this.write(`\r\x1b[K${line}`);
  }
}
