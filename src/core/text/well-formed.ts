// Text from outside (a client's job title, a moderator's reason) can hold half of a surrogate pair:
// an emoji cut in two by an upstream truncation. Such a string has no UTF-8 form; SQLite would keep
// the broken bytes and give back three replacement characters, so the same entry imported again
// would no longer compare equal. Repaired once, at validation, it is stored and compared as valid text.
// A NUL character, which PostgreSQL cannot store, is repaired the same way.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const REPLACEMENT_RUN = /\uFFFD+/g;

// ES2024's String.prototype.isWellFormed (Node 20 has it; TypeScript's ES2023 library does not
// declare it): a native scan, so the import of every job title and reason pays next to nothing.
const isWellFormed = (String.prototype as unknown as { isWellFormed(this: string): boolean }).isWellFormed;

/**
 * The text with each lone half of a surrogate pair replaced by U+FFFD (what `toWellFormed` does),
 * and each NUL character too: PostgreSQL's text cannot hold one, and every store keeps the same text.
 */
export function wellFormed(text: string): string {
  const repaired = isWellFormed.call(text) ? text : text.replace(LONE_SURROGATE, '\uFFFD');
  return repaired.includes('\u0000') ? repaired.replaceAll('\u0000', '\uFFFD') : repaired;
}

/**
 * Whether two stored texts are the same once repaired: a run of replacement characters counts as
 * one, so a row an earlier version stored with broken bytes (read back as three) still matches.
 */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  return (
    wellFormed(a).replace(REPLACEMENT_RUN, '\uFFFD') === wellFormed(b).replace(REPLACEMENT_RUN, '\uFFFD')
  );
}
