// The composed answer is the truth; a model's rewording of it must say the same facts. Every
// number (as a number: 1,000 and 1.000 are one value), every date's month (named in the target
// language), every policy id, link, command and placeholder of the original must be in the rewording, and the
// rewording may add no number. Anything else, and the composed answer goes out unchanged.

export interface FactCheck {
  readonly ok: boolean;
  readonly missing: readonly string[];
  readonly added: readonly string[];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ENGLISH_DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g');
const POLICY_ID = /\(([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)\)/g;
const LINK = /https?:\/\/[^\s)>\]]+/g;
const COMMAND = /\/connects(?:-mod)?(?: [a-z]+)?/g;
/** What the core keeps from the model and puts back after (core/language/placeholders.ts). */
const PLACEHOLDER = /⟦[A-Z]⟧/g;
/** Thousands grouped by a separator, or a plain number with an optional decimal part. */
const NUMBER = /\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d])|\d+(?:[.,]\d+)?/g;

export function checkRephrasing(original: string, rewritten: string, language: string): FactCheck {
  const missing: string[] = [];
  const kept = (fact: string) => rewritten.includes(fact);
  for (const pattern of [POLICY_ID, LINK, COMMAND, PLACEHOLDER])
    for (const match of original.matchAll(pattern)) {
      const fact = match[1] ?? match[0];
      if (!kept(fact)) missing.push(fact);
    }
  const lower = rewritten.toLocaleLowerCase(language);
  for (const match of original.matchAll(ENGLISH_DATE)) {
    const month = monthName(MONTHS.indexOf(match[2] ?? ''), language);
    if (!lower.includes(month)) missing.push(match[0]);
  }
  const before = numbers(original);
  const after = numbers(rewritten);
  for (const [value, count] of before) if ((after.get(value) ?? 0) < count) missing.push(String(value));
  const added = [...after]
    .filter(([value, count]) => count > (before.get(value) ?? 0))
    .map(([value]) => String(value));
  return { ok: missing.length === 0 && added.length === 0, missing, added };
}

function monthName(month: number, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2000, month, 15)))
      .toLocaleLowerCase(language);
  } catch {
    // An unknown language tag: only the English name will do.
    return (MONTHS[month] ?? '').toLowerCase();
  }
}

/** Each number's value and how often it occurs. */
function numbers(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [token] of text.matchAll(NUMBER)) {
    const grouped = /^\d{1,3}([.,\u00a0\u202f ]\d{3})+$/.test(token);
    const value = grouped ? Number(token.replace(/[^\d]/g, '')) : Number(token.replace(',', '.'));
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}
