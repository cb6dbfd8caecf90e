import { describe, expect, it } from 'vitest';
import { en, type Messages } from '../../../src/core/messages/en.js';

/** Every sentence of a catalogue, with where it is: a string, or a function's name. */
function leaves(node: unknown, path: string): [string, unknown][] {
  if (typeof node === 'string' || typeof node === 'function') return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, path === '' ? key : `${path}.${key}`),
  );
}

describe('the English catalogue', () => {
  it('is a Messages: another language is an object of the same shape in its own words', () => {
    // Compiles only if a translation may reword freely (the type widens English's literals).
    const other: Messages = { ...en, sorry: 'Lo siento, algo falló; inténtalo de nuevo.' };
    expect(other.sorry).not.toBe(en.sorry);
  });

  it('holds only sentences and functions that make them, none empty', () => {
    const all = leaves(en, '');
    expect(all.length).toBeGreaterThan(80);
    for (const [path, leaf] of all) {
      expect(['string', 'function'], path).toContain(typeof leaf);
      if (typeof leaf === 'string') expect(leaf.trim(), path).not.toBe('');
    }
  });
});
