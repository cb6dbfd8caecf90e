import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Node's recursive mkdir loops forever on some paths (under /proc, where every missing parent
// reports ENOENT again). Folders are made here one level at a time from the deepest one that
// exists, so a path that cannot be made fails at once, naming the level that refused.

/** A folder that is not one, or cannot be made: the message says which path and why. */
export class DirectoryError extends Error {
  override readonly name = 'DirectoryError';
}

/** Makes `dir` and any missing parents; does nothing when it exists. */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const code = statCode(current);
    if (code === 'directory') break;
    if (code === 'file') throw new DirectoryError(`${current} exists and is not a folder`);
    // ENOTDIR: a parent is a file; going up finds it and says so.
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new DirectoryError(`cannot use ${current} (${code})`);
    const parent = dirname(current);
    if (parent === current) throw new DirectoryError(`cannot use ${current} (no such file system)`);
    missing.push(current);
    current = parent;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statCode(path) === 'directory') continue;
      throw new DirectoryError(`cannot create ${path} (${code ?? String(error)})`);
    }
  }
}

function statCode(path: string): 'directory' | 'file' | string {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'unknown error';
  }
}
