import type { PolicyNumber } from '../core/knowledge-base.js';

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** Fills {{name}} with the policy number of that name; unknown names are reported, not guessed. */
export function fillNumbers(
  text: string,
  numbers: Readonly<Record<string, PolicyNumber>>,
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const number = numbers[name];
    if (number === undefined) {
      unknown.push(name);
      return whole;
    }
    return String(number.value);
  });
  return { text: filled, unknown };
}

/** Which policy numbers a text refers to. */
export function numbersUsed(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}
