import type { HelpDesk } from '../help-desk.js';
import { renderAccountFacts } from '../personal/account-summary.js';
import type { AccountFacts } from '../rules/account-facts.js';
import type { AuditEntry, DayStats, QuestionRecord } from '../state/store.js';

// What moderators read: short, one line per item, newest first.

export function factsLines(identity: string, facts: AccountFacts): string {
  return `Account facts for ${identity}:\n${renderAccountFacts(facts)}`;
}

/** The bot's best guess for an unanswered question: teaching it is then one step. */
export function teachGuess(question: QuestionRecord, desk: HelpDesk): string {
  return question.intent ?? desk.matcher.match(question.text).best ?? 'connects.about';
}

export function unansweredLines(questions: readonly QuestionRecord[], desk: HelpDesk): string {
  if (questions.length === 0) return 'Nothing unanswered.';
  const lines = questions.map((question) => {
    const where = question.link === undefined ? '' : ` ${question.link}`;
    return `• ${question.at.slice(0, 16).replace('T', ' ')} ${question.identity} [${question.outcome}] "${question.text}"${where}\n  teach: intent ${teachGuess(question, desk)} question "${question.text}"`;
  });
  return `Unanswered, newest first:\n${lines.join('\n')}`;
}

export function statsLines(days: readonly DayStats[], desk: HelpDesk): string {
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
  const votes = total.helpful + total.notHelpful;
  const ratio = votes === 0 ? 'no votes' : `${Math.round((100 * total.helpful) / votes)}% of ${votes} votes`;
  const intents = new Map<string, number>();
  for (const day of days)
    for (const [intent, n] of Object.entries(day.intents))
      intents.set(intent, (intents.get(intent) ?? 0) + n);
  const top = [...intents]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([intent, n]) => `${desk.kb.entries.find((entry) => entry.id === intent)?.title ?? intent} (${n})`);
  const perDay = days.map(
    (day) =>
      `  ${day.day}: ${day.questions} asked, ${day.answered} answered, ${day.abstained} abstained, ${day.escalated} escalated`,
  );
  return [
    `Last ${days.length} days: ${total.questions} questions, ${total.answered} answered, ${total.abstained} abstained, ${total.escalated} escalated; helpful: ${ratio}.`,
    `Top topics: ${top.length === 0 ? 'none yet' : top.join(', ')}`,
    'Per day:',
    ...perDay,
  ].join('\n');
}

export function auditLines(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'No moderator actions yet.';
  const lines = entries.map((entry) => {
    const reason = entry.reason === '' ? '' : ` — ${entry.reason}`;
    return `• ${entry.at.slice(0, 16).replace('T', ' ')} ${entry.actor} ${entry.action} ${entry.target}${reason}: ${entry.result.split('\n')[0]}`;
  });
  return `Recent moderator actions:\n${lines.join('\n')}`;
}
