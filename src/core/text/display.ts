// Text that came from outside (a client's job title, a moderator's reason, a member's question
// quoted back) is data: shown, never obeyed. A terminal obeys escape sequences (colours, cursor
// moves, a title change) and a carriage return overwrites the line; every screen obeys the
// bidirectional controls that reverse what follows (U+202E makes "exe.txt" read "txt.exe"). Each
// is shown as U+FFFD instead, so a moderator still sees that something was there. Line feeds and
// tabs stay: replies are laid out with them.

// C0 controls but tab and line feed, DEL and C1 controls, and the bidirectional marks, embeddings,
// overrides and isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control and bidirectional formatting character replaced by U+FFFD. */
export function displayText(text: string): string {
  return text.replace(UNSAFE, '\ufffd');
}
