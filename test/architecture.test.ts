import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Imports only run downward (README, "Architecture"): the core decides and knows no platform or
// storage; adapters render and deliver and know no command line; stores implement the core's
// ports. A new import against the grain fails here, naming the file and what it imported.

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** For each top folder of src/, the top folders it must never import from. */
const NEVER: Record<string, readonly string[]> = {
  core: ['adapters', 'store', 'cli', 'knowledge', 'accounts', 'log', 'demo', 'eval', 'bench'],
  adapters: ['cli', 'store', 'knowledge', 'accounts', 'demo', 'eval', 'bench'],
  store: ['adapters', 'cli', 'demo', 'eval', 'bench'],
  accounts: ['adapters', 'store', 'cli', 'demo', 'eval', 'bench'],
  knowledge: ['adapters', 'cli', 'demo', 'eval', 'bench'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder of src/ a relative import of `file` lands in. */
function importedFolders(file: string): { specifier: string; folder: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => {
    const specifier = match[1] as string;
    const target = relative(SRC, resolve(dirname(file), specifier));
    return { specifier, folder: target.split(/[/\\]/)[0] as string };
  });
}

describe('the direction of imports', () => {
  const files = sourceFiles(SRC);

  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  for (const [folder, forbidden] of Object.entries(NEVER)) {
    it(`src/${folder} imports nothing from ${forbidden.join(', ')}`, () => {
      const wrong = files
        .filter((file) => relative(SRC, file).startsWith(`${folder}/`))
        .flatMap((file) =>
          importedFolders(file)
            .filter(({ folder: target }) => forbidden.includes(target))
            .map(({ specifier }) => `${relative(SRC, file)} imports ${specifier}`),
        );
      expect(wrong).toEqual([]);
    });
  }
});
