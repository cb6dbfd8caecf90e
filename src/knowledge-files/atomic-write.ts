import { renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDir } from '../store/ensure-dir.js';

/**
 * Writes a file beside its target and renames it into place: a reader (another process, a crash
 * half-way) never sees half a file. Creates the folder when it is missing.
 */
export function writeFileAtomic(target: string, data: string): void {
  ensureDir(dirname(target));
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
