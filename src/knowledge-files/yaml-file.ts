import { readFileSync } from 'node:fs';
import { isCollection, isNode, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Loaded, Problem } from './problem.js';

/** A parsed, schema-valid YAML file that can still say on which line a value stands. */
export interface YamlFile<T> {
  readonly file: string;
  readonly value: T;
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Layout that works but breaks the folder's one style (lists in brackets): worth fixing, not fatal. */
  readonly style: readonly Problem[];
}

export function readYamlFile<S extends z.ZodType>(
  path: string,
  displayName: string,
  schema: S,
): Loaded<YamlFile<z.output<S>>> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file is missing' : String(error);
    return { ok: false, problems: [{ file: displayName, message: reason }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file: displayName,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `malformed YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
      const line = lineOf(path);
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      const entry = entryIdOf(doc.toJS(), path);
      return {
        file: displayName,
        ...(line === undefined ? {} : { line }),
        ...(entry === undefined ? {} : { entry }),
        message: `${where}${issue.message}`,
      };
    });
    return { ok: false, problems };
  }
  return { ok: true, value: { file: displayName, value: parsed.data, lineOf, style: styleProblems() } };

  // Moderators copy what they see: one list style throughout ("- item" lines) keeps every file alike.
  function styleProblems(): Problem[] {
    const found: Problem[] = [];
    visit(doc, (_, node) => {
      if (isCollection(node) && node.flow && node.items.length > 0 && node.range) {
        found.push({
          file: displayName,
          line: lineCounter.linePos(node.range[0]).line,
          message: isSeq(node)
            ? 'write this list one item per line ("- item"), not in brackets'
            : 'write these fields one per line ("name: value"), not in braces',
        });
      }
    });
    return found;
  }
}

/** The `id` of the object a bad value belongs to, so a problem names its entry or fact. */
function entryIdOf(root: unknown, path: readonly (string | number)[]): string | undefined {
  let node: unknown = root;
  let found: string | undefined;
  for (const part of path) {
    if (node !== null && typeof node === 'object' && 'id' in node && typeof node.id === 'string')
      found = node.id;
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[part]
        : undefined;
  }
  return found;
}
