import type { HelpDesk } from '../help-desk.js';
import { entryById } from '../knowledge-base.js';
import { OUT_OF_SCOPE } from '../match/faq-index.js';
import type { HeldOutResult } from '../match/model.js';
import { en } from '../messages/en.js';

// A moderator's look at one FAQ entry before and after editing it: the answer exactly as members
// get it, and each of its examples as the bot reads it when that example (and its paraphrases)
// were held out of training. An example the bot would not answer, or would answer as another
// topic, is one a member's question will resemble: the place to add or reword examples.

export interface EntryPreview {
  readonly intent: string;
  readonly title: string;
  /** The general answer, as `/connects faq` shows it. */
  readonly answer: string;
  readonly examples: readonly ExampleScore[];
  readonly answerAt: number;
}

export interface ExampleScore {
  readonly text: string;
  /** The topic the bot reads in it while it is held out. */
  readonly readAs: string;
  readonly confidence: number;
  /** Read as this entry, sure enough to be answered. */
  readonly answered: boolean;
}

/** The entry by id or title, or null when there is none. */
export async function previewEntry(
  desk: Pick<HelpDesk, 'kb' | 'matcher' | 'handle'>,
  topic: string,
  now: Date,
): Promise<EntryPreview | null> {
  const wanted = topic.trim().toLowerCase();
  const entry =
    entryById(desk.kb, wanted) ??
    desk.kb.entries.find((candidate) => candidate.title.toLowerCase() === wanted);
  if (entry === undefined) return null;
  const reply = await desk.handle({
    id: `preview-${entry.id}`,
    actor: { platform: 'console', id: 'preview', roles: [] },
    body: { kind: 'faq', topic: entry.id },
    now,
    privateReply: false,
  });
  const { heldOut, calibration } = desk.matcher.model;
  const examples = heldOut
    .filter((item) => item.label === entry.id)
    .map((item) => scoreOf(item, calibration.answerAt))
    // The weakest first: what needs a moderator's attention.
    .sort((a, b) => Number(a.answered) - Number(b.answered) || a.confidence - b.confidence);
  return {
    intent: entry.id,
    title: entry.title,
    answer: reply.text,
    examples,
    answerAt: calibration.answerAt,
  };
}

function scoreOf(item: HeldOutResult, answerAt: number): ExampleScore {
  return {
    text: item.text,
    readAs: item.best === OUT_OF_SCOPE ? en.report.offTopic : item.best,
    confidence: item.confidence,
    answered: item.best === item.label && item.confidence >= answerAt,
  };
}

/** The preview as text; `limit` keeps a chat message short (the weakest examples are listed first). */
export function previewText(preview: EntryPreview, limit = Number.POSITIVE_INFINITY): string {
  const answered = preview.examples.filter((example) => example.answered).length;
  const elsewhere = preview.examples.filter((example) => example.readAs !== preview.intent).length;
  const lines = [
    en.report.previewOf(preview.intent),
    '',
    preview.answer,
    '',
    en.report.previewExamples(answered, preview.examples.length, elsewhere),
  ];
  const shown = preview.examples.slice(0, limit);
  for (const example of shown) {
    const mark = example.answered ? '✓' : example.readAs === preview.intent ? '?' : '✗';
    const where = example.readAs === preview.intent ? '' : ` → ${example.readAs}`;
    const text = example.text.replace(/\s+/g, ' ');
    lines.push(
      `${mark} ${example.confidence.toFixed(2)}${where}  ${text.length > 100 ? `${text.slice(0, 100)}…` : text}`,
    );
  }
  if (preview.examples.length > shown.length) lines.push(en.more(preview.examples.length - shown.length));
  lines.push(en.report.previewKey(preview.answerAt));
  return lines.join('\n');
}
