import type { KnowledgeBase } from '../knowledge-base.js';
import type { Matcher } from '../match/matcher.js';
import { en } from '../messages/en.js';
import { renderAccountFacts } from '../personal/account-summary.js';
import type { AccountFacts } from '../rules/account-facts.js';
import type { AuditEntry, DayStats, QuestionRecord } from '../state/store.js';

// What moderators read: short, one line per item, newest first. The sentences are in messages/en.ts.

export function factsLines(identity: string, facts: AccountFacts): string {
  return en.report.accountFactsFor(identity, renderAccountFacts(facts));
}

/** The bot's best guess for an unanswered question: teaching it is then one step. */
export function teachGuess(question: QuestionRecord, matcher: Matcher): string {
  return question.intent ?? matcher.match(question.text).best ?? 'connects.about';
}

export function unansweredLines(questions: readonly QuestionRecord[], matcher: Matcher): string {
  if (questions.length === 0) return en.report.nothingUnanswered;
  return en.report.unanswered(
    questions.map((question) => en.report.unansweredItem(question, teachGuess(question, matcher))),
  );
}

export function statsLines(days: readonly DayStats[], kb: KnowledgeBase): string {
  const total = days.reduce(
    (sum, day) => ({
      questions: sum.questions + day.questions,
      answered: sum.answered + day.answered,
      abstained: sum.abstained + day.abstained,
      escalated: sum.escalated + day.escalated,
      helpful: sum.helpful + day.helpful,
      notHelpful: sum.notHelpful + day.notHelpful,
    }),
    { questions: 0, answered: 0, abstained: 0, escalated: 0, helpful: 0, notHelpful: 0 },
  );
  const intents = new Map<string, number>();
  for (const day of days)
    for (const [intent, n] of Object.entries(day.intents))
      intents.set(intent, (intents.get(intent) ?? 0) + n);
  const top = [...intents]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([intent, n]) => `${kb.entries.find((entry) => entry.id === intent)?.title ?? intent} (${n})`);
  const model = {
    calls: days.reduce((sum, day) => sum + (day.modelCalls ?? 0), 0),
    tokens: days.reduce((sum, day) => sum + (day.modelTokens ?? 0), 0),
    failures: days.reduce((sum, day) => sum + (day.modelFailures ?? 0), 0),
    pauses: days.reduce((sum, day) => sum + (day.modelPauses ?? 0), 0),
  };
  const modelUsed = model.calls + model.failures + model.pauses > 0;
  return [
    en.report.stats(days.length, total),
    // Only where a language model is configured and was asked: the offline bot has nothing to say here.
    ...(modelUsed ? [en.report.model(model)] : []),
    en.report.topTopics(top),
    en.report.perDay,
    ...days.map(en.report.day),
  ].join('\n');
}

export function auditLines(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return en.report.noActions;
  return en.report.actions(entries.map(en.report.action));
}
