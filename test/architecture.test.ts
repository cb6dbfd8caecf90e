import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Imports only run downward (README, "Architecture"): the core decides and knows no platform or
// storage; adapters render and deliver and know no command line; stores implement the core's
// ports. A new import against the grain fails here, naming the file and what it imported.

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** For each top folder of src/, the top folders it must never import from. */
const NEVER: Record<string, readonly string[]> = {
  core: [
    'adapters',
    'store',
    'cli',
    'knowledge-files',
    'accounts',
    'log',
    'demo',
    'eval',
    'bench',
    'language-model',
  ],
  adapters: ['cli', 'store', 'knowledge-files', 'accounts', 'demo', 'eval', 'bench', 'language-model'],
  'language-model': ['adapters', 'store', 'cli', 'knowledge-files', 'accounts', 'demo', 'eval', 'bench'],
  store: ['adapters', 'cli', 'demo', 'eval', 'bench'],
  accounts: ['adapters', 'store', 'cli', 'demo', 'eval', 'bench'],
  'knowledge-files': ['adapters', 'cli', 'demo', 'eval', 'bench'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder of src/ a relative import of `file` lands in. */
function importedFolders(file: string): { specifier: string; folder: string; target: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => {
    const specifier = match[1] as string;
    const target = relative(SRC, resolve(dirname(file), specifier));
    return { specifier, folder: target.split(/[/\\]/)[0] as string, target };
  });
}

describe('the direction of imports', () => {
  const files = sourceFiles(SRC);

  it('reads every source file', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('names only folders that exist (a renamed folder would otherwise escape the rules)', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const [folder, never] of Object.entries(NEVER))
      expect(folders).toEqual(expect.arrayContaining([folder, ...never]));
  });

  // The in-memory stores stand in for the real ones in tests and one-off runs: they need nothing
  // but the core's ports and rules, so no package and no other store can slip into them.
  it('src/store/memory imports from src/core and itself only, and no package', () => {
    const wrong = files
      .filter((file) => relative(SRC, file).startsWith(`store${sep}memory${sep}`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const packages = [
          ...text.matchAll(
            /\bfrom\s+'([^.'][^']*)'|\bimport\s*\(\s*'([^.'][^']*)'\s*\)|^import\s+'([^.'][^']*)'/gm,
          ),
        ].map((match) => `${relative(SRC, file)} imports ${match[1] ?? match[2] ?? match[3]}`);
        const outside = importedFolders(file)
          .filter(
            ({ target }) => !target.startsWith(`core${sep}`) && !target.startsWith(`store${sep}memory${sep}`),
          )
          .map(({ specifier }) => `${relative(SRC, file)} imports ${specifier}`);
        return [...packages, ...outside];
      });
    expect(files.some((file) => relative(SRC, file).startsWith(`store${sep}memory${sep}`))).toBe(true);
    expect(wrong).toEqual([]);
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
