const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|approx|no)\.\s/gi;

/** Roughly how many sentences a markdown answer has (abbreviations do not end one). */
export function countSentences(markdown: string): number {
  const plain = markdown
    .replace(ABBREVIATIONS, ' ')
    .replace(/\*\*|__|`/g, '')
    .trim();
  if (plain === '') return 0;
  const ends = plain.match(/[.!?]+(?=\s|$)/g)?.length ?? 0;
  return /[.!?]$/.test(plain) ? ends : ends + 1;
}
