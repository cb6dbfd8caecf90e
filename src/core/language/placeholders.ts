// Parts of an answer the model must not see (a member's own figures, their chat identity) leave as
// placeholders, ⟦A⟧, ⟦B⟧…, and come back after the rewording, said as the core chose to say them.
// The fact check (fact-check.ts) rejects a rewording that lost one; `putBack` one that doubled one.

/** A part of the text to keep from the model, and what stands there once the rewording is back. */
export interface Kept {
  readonly find: string;
  readonly put: string;
  /** The text must hold it (a section the core composed into it); otherwise it may or may not. */
  readonly required?: boolean;
}

export interface Masked {
  readonly text: string;
  readonly marks: readonly { readonly mark: string; readonly put: string }[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The text with every occurrence of each part replaced by its placeholder; null if a required part is not in it. */
export function takeOut(text: string, kept: readonly Kept[]): Masked | null {
  let masked = text;
  const marks: { mark: string; put: string }[] = [];
  // Longest first, so that a part inside another (an identity inside a section) goes with it.
  const parts = [...kept].filter((part) => part.find !== '').sort((a, b) => b.find.length - a.find.length);
  for (const [index, part] of parts.entries()) {
    const letter = LETTERS[index];
    if (letter === undefined) return null;
    const mark = `⟦${letter}⟧`;
    if (masked.includes(part.find)) {
      masked = masked.split(part.find).join(mark);
      marks.push({ mark, put: part.put });
    } else if (part.required === true && !text.includes(part.find)) return null;
  }
  return { text: masked, marks };
}

/** The reworded text with each placeholder's part back, or null if one is missing or doubled. */
export function putBack(reworded: string, masked: Masked): string | null {
  let text = reworded;
  for (const { mark, put } of masked.marks) {
    if (text.split(mark).length !== masked.text.split(mark).length) return null;
    text = text.split(mark).join(put);
  }
  return /⟦[A-Z]⟧/.test(text) ? null : text;
}
