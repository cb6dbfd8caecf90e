import { overviewOf } from '../dashboard/overview.js';
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

/** The figures over the days given, and the last `perDay` of them day by day (newest first). */
export function statsLines(days: readonly DayStats[], kb: KnowledgeBase, perDay = days.length): string {
  const { total, topTopics, model } = overviewOf(days, kb);
  const modelUsed = model.calls + model.failures + model.pauses > 0;
  const newestFirst = [...days].sort((a, b) => b.day.localeCompare(a.day)).slice(0, perDay);
  return [
    en.report.stats(days.length, total),
    // Only where a language model is configured and was asked: the offline bot has nothing to say here.
    ...(modelUsed ? [en.report.model(model)] : []),
    en.report.topTopics(topTopics.map((topic) => `${topic.title} (${topic.count})`)),
    en.report.perDay,
    ...newestFirst.map(en.report.day),
  ].join('\n');
}

export function auditLines(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return en.report.noActions;
  return en.report.actions(entries.map(en.report.action));
}
