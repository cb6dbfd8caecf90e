import type { HelpDesk } from '../help-desk.js';
import { LedgerBusyError, type LedgerStore } from '../ledger/store.js';
import { type Account, type LedgerEntry, MODERATOR_ENTRY_PREFIX } from '../ledger/types.js';
import { accountFacts } from '../rules/account-facts.js';
import { addDays, utcDate } from '../rules/calendar.js';
import { formatLedgerProblem } from '../rules/problems.js';
import type { AuditEntry, StateStore } from '../state/store.js';
import { displayText } from '../text/display.js';
import { wellFormed } from '../text/well-formed.js';
import { identityOf } from '../types.js';
import {
  MAX_LEDGER_AMOUNT,
  MAX_MUTE_HOURS,
  MAX_NOTICE_HOURS,
  type ModCode,
  type ModCommand,
  type ModRequest,
  type ModResult,
  type TeachSuggestion,
} from './commands.js';
import { can, type ModeratorDirectory } from './permissions.js';
import { previewEntry, previewText } from './preview.js';
import { auditLines, factsLines, statsLines, teachGuess, unansweredLines } from './words.js';

/** What an action did: the moderator's answer and what the audit keeps. */
interface Done {
  readonly text: string;
  readonly suggestions?: readonly TeachSuggestion[];
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason?: string;
}

class Refusal extends Error {
  constructor(
    readonly code: ModCode,
    message: string,
  ) {
    super(message);
  }
}

const HOUR_MS = 3_600_000;
const REPLAY_WINDOW_MS = 24 * HOUR_MS;
const STATS_DAYS = 7;
// A chat message has room for the answer and the weakest examples; `helpbot knowledge preview` lists all.
const PREVIEW_EXAMPLES_IN_CHAT = 10;

/**
 * Every moderator action, on every platform: checked, carried out once per request id, audited.
 * Adapters parse their platform's command into a ModCommand and show the text privately.
 */
export class Moderation {
  constructor(
    private readonly desk: HelpDesk,
    private readonly ledger: LedgerStore,
    private readonly state: StateStore,
    private readonly directory: ModeratorDirectory,
  ) {}

  async handle(request: ModRequest): Promise<ModResult> {
    const result = await this.act(request);
    // Job titles, reasons and members' questions are shown as data: see core/text/display.ts.
    return { ...result, text: displayText(result.text) };
  }

  private async act(request: ModRequest): Promise<ModResult> {
    if (!can(request.actor, this.directory)) {
      return { ok: false, code: 'MOD.FORBIDDEN', text: 'Only moderators can do that.' };
    }
    // The same request delivered twice has one effect: the second gets the first's answer.
    const previous = await this.state.auditEntry(request.id);
    if (previous !== undefined) return { ok: true, text: previous.result, replayed: true };
    if (!(await this.state.claimOnce(`moderation:${request.id}`, REPLAY_WINDOW_MS))) {
      return { ok: true, text: 'That request is already being handled.', replayed: true };
    }
    let done: Done;
    try {
      done = await this.execute(request);
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, code: error.code, text: error.message };
      throw error;
    }
    const entry: AuditEntry = {
      id: request.id,
      at: request.now.toISOString(),
      actor: identityOf(request.actor),
      action: request.command.action,
      target: done.target,
      before: done.before,
      after: done.after,
      reason: done.reason ?? '',
      result: done.text,
    };
    await this.state.appendAudit(entry);
    return {
      ok: true,
      text: done.text,
      replayed: false,
      ...(done.suggestions === undefined ? {} : { suggestions: done.suggestions }),
    };
  }

  private async execute(request: ModRequest): Promise<Done> {
    const { command, now } = request;
    const by = identityOf(request.actor);
    switch (command.action) {
      case 'teach':
        return this.teach(command.question, command.intent, by, now);
      case 'notice':
        return this.notice(command, by, now);
      case 'grant':
      case 'adjust':
      case 'outcome':
        return this.ledgerChange(request.id, command, now);
      case 'preview': {
        const preview = await previewEntry(this.desk, command.topic, now);
        if (preview === null)
          throw new Refusal('MOD.UNKNOWN_INTENT', `There is no FAQ entry "${command.topic}".`);
        return {
          text: previewText(preview, PREVIEW_EXAMPLES_IN_CHAT),
          target: preview.intent,
          before: null,
          after: null,
        };
      }
      case 'lookup': {
        const account = await this.account(command.user);
        const facts = accountFacts(account, this.desk.policy, now);
        return { text: factsLines(command.user, facts), target: command.user, before: null, after: null };
      }
      case 'mute': {
        const hours = command.hours;
        if (hours !== undefined && (!Number.isFinite(hours) || hours <= 0 || hours > MAX_MUTE_HOURS)) {
          throw new Refusal('MOD.INVALID', `Hours must be between 1 and ${MAX_MUTE_HOURS}.`);
        }
        const before = await this.state.channelSettings(command.channel);
        const until =
          hours === undefined ? 'forever' : new Date(now.getTime() + hours * HOUR_MS).toISOString();
        const after = { ...before, mutedUntil: until };
        await this.state.saveChannelSettings(command.channel, after);
        const howLong =
          hours === undefined ? 'until unmuted' : `until ${until.slice(0, 16).replace('T', ' ')} UTC`;
        return {
          text: `Automatic replies are off in ${command.channel} ${howLong}.`,
          target: command.channel,
          before,
          after,
        };
      }
      case 'unmute': {
        const before = await this.state.channelSettings(command.channel);
        const { mutedUntil: _removed, ...after } = before;
        await this.state.saveChannelSettings(command.channel, after);
        return {
          text: `Automatic replies are back on in ${command.channel}.`,
          target: command.channel,
          before,
          after,
        };
      }
      case 'unanswered': {
        const questions = await this.state.unanswered(10);
        const suggestions = questions
          .filter((question) => !/^(faq|account): /.test(question.text))
          .map((question) => ({
            questionId: question.id,
            question: question.text,
            intent: teachGuess(question, this.desk),
          }));
        return {
          text: unansweredLines(questions, this.desk),
          suggestions,
          target: '-',
          before: null,
          after: null,
        };
      }
      case 'stats': {
        const days = Array.from({ length: STATS_DAYS }, (_, i) => utcDate(addDays(now, -i)));
        return {
          text: statsLines(await this.state.stats(days), this.desk),
          target: '-',
          before: null,
          after: null,
        };
      }
      case 'audit':
        return { text: auditLines(await this.state.audit(15)), target: '-', before: null, after: null };
    }
  }

  /** The question becomes an example of the entry: matching changes at once and after a restart. */
  private async teach(question: string, intent: string, by: string, now: Date): Promise<Done> {
    const text = question.trim();
    if (text === '') throw new Refusal('MOD.INVALID', 'Give the question to teach.');
    if (!this.desk.kb.entries.some((entry) => entry.id === intent)) {
      throw new Refusal('MOD.UNKNOWN_INTENT', `There is no FAQ entry "${intent}".`);
    }
    const before = this.desk.matcher.match(text);
    this.desk.matcher.teach([{ intent, text }]);
    await this.state.addTaught({ intent, text, by, at: now.toISOString() });
    const after = this.desk.matcher.match(text);
    const describe = (m: typeof before) =>
      `${m.decision === 'answer' ? m.intent : m.decision} (${m.confidence.toFixed(2)})`;
    return {
      text: `Taught "${text}" as ${intent}. Before: ${describe(before)}; now: ${describe(after)}.`,
      target: intent,
      before: { intent: before.intent, decision: before.decision, confidence: before.confidence },
      after: { intent: after.intent, decision: after.decision, confidence: after.confidence },
    };
  }

  private async notice(
    command: Extract<ModCommand, { action: 'notice' }>,
    by: string,
    now: Date,
  ): Promise<Done> {
    if (!this.desk.kb.entries.some((entry) => entry.id === command.intent)) {
      throw new Refusal('MOD.UNKNOWN_INTENT', `There is no FAQ entry "${command.intent}".`);
    }
    if (!Number.isFinite(command.hours) || command.hours <= 0 || command.hours > MAX_NOTICE_HOURS) {
      throw new Refusal('MOD.INVALID', `Hours must be between 1 and ${MAX_NOTICE_HOURS}.`);
    }
    const text = command.text.trim();
    if (text === '' || text.length > 500)
      throw new Refusal('MOD.INVALID', 'The notice needs 1 to 500 characters.');
    const before = (await this.state.notices()).find((notice) => notice.intent === command.intent) ?? null;
    const until = new Date(now.getTime() + command.hours * HOUR_MS).toISOString();
    const after = { intent: command.intent, text, until, by, at: now.toISOString() };
    await this.state.saveNotice(after);
    return {
      text: `Notice on ${command.intent} until ${until.slice(0, 16).replace('T', ' ')} UTC: ${text}`,
      target: command.intent,
      before,
      after,
    };
  }

  /** Credits, debits and outcomes go through the same checks as an import: a debit beyond the balance is refused. */
  private async ledgerChange(
    requestId: string,
    command: Extract<ModCommand, { action: 'grant' | 'adjust' | 'outcome' }>,
    now: Date,
  ): Promise<Done> {
    const account = await this.account(command.user);
    const before = accountFacts(account, this.desk.policy, now);
    const entryId = `${MODERATOR_ENTRY_PREFIX}${requestId}`;
    let entry: LedgerEntry;
    let reason: string;
    if (command.action === 'outcome') {
      if (!before.proposals.some((proposal) => proposal.proposal === command.proposal)) {
        throw new Refusal('MOD.UNKNOWN_PROPOSAL', `${command.user} has no proposal "${command.proposal}".`);
      }
      entry = {
        id: entryId,
        at: now,
        type: 'job-outcome',
        proposal: command.proposal,
        outcome: command.outcome,
      };
      reason = `job outcome ${command.outcome}`;
    } else {
      const amount = command.amount;
      const valid =
        Number.isInteger(amount) &&
        amount !== 0 &&
        Math.abs(amount) <= MAX_LEDGER_AMOUNT &&
        (command.action === 'adjust' || amount > 0);
      if (!valid) {
        throw new Refusal(
          'MOD.INVALID',
          `The amount must be a whole number from 1 to ${MAX_LEDGER_AMOUNT}${command.action === 'adjust' ? ' (negative to debit)' : ''}.`,
        );
      }
      if (command.reason.trim() === '')
        throw new Refusal('MOD.INVALID', 'Give a reason; it goes in the audit log.');
      reason = wellFormed(command.reason.trim());
      entry =
        command.action === 'grant'
          ? { id: entryId, at: now, type: 'grant', reason: 'moderator', amount }
          : { id: entryId, at: now, type: 'adjustment', amount, reason };
    }
    const result = await this.ledger
      .importAccounts([{ ...account, ledger: [entry] }])
      .catch((error: unknown) => {
        if (!(error instanceof LedgerBusyError)) throw error;
        throw new Refusal(
          'LEDGER.BUSY',
          'The ledger is busy with an import and nothing was changed; try again in a minute.',
        );
      });
    if (!result.ok) {
      throw new Refusal('LEDGER.REFUSED', `Refused: ${result.problems.map(formatLedgerProblem).join('; ')}`);
    }
    const after = accountFacts((await this.ledger.accountById(account.id)) as Account, this.desk.policy, now);
    const change =
      command.action === 'outcome'
        ? `${command.proposal} is now ${after.proposals.find((p) => p.proposal === command.proposal)?.refund ?? 'unknown'}`
        : `${command.amount > 0 ? '+' : ''}${command.amount}`;
    return {
      text: `${command.user} (${account.id}): ${change}; balance ${before.balance} → ${after.balance}.`,
      target: command.user,
      before: { balance: before.balance },
      after: { balance: after.balance, entry: entry.id },
      reason,
    };
  }

  private async account(identity: string): Promise<Account> {
    const account = await this.ledger.accountForIdentity(identity);
    if (account === null) throw new Refusal('MOD.NO_ACCOUNT', `No account is linked to ${identity}.`);
    return account;
  }
}
