import type { LedgerStore } from '../ledger/store.js';
import { en } from '../messages/en.js';
import type { AuditEntry, StateStore } from '../state/store.js';
import { displayText } from '../text/display.js';
import { identityOf } from '../types.js';
import { type ActionOutcome, type DashboardLinks, type ModerationDesk, Refusal } from './action.js';
import { MOD_ACTIONS, MODERATOR_ACTIONS } from './action-list.js';
import type { ModRequest, ModResult, ReadModRequest } from './commands.js';
import { can, type ModeratorDirectory } from './permissions.js';

const REPLAY_WINDOW_MS = 24 * 3_600_000;

/**
 * Every moderator action, on every platform: checked, carried out once per request id, audited.
 * What each action does is in actions/; this is what they all go through.
 */
export class Moderation {
  constructor(
    private readonly desk: ModerationDesk,
    private readonly ledger: LedgerStore,
    private readonly state: StateStore,
    private readonly directory: ModeratorDirectory,
    private readonly services: { readonly dashboard?: DashboardLinks } = {},
  ) {}

  /** A command built in code (a button, a test): its arguments are typed by its action. */
  handle(request: ModRequest): Promise<ModResult> {
    const { command, ...rest } = request;
    return this.handleRead({ ...rest, action: command.action, values: command });
  }

  /** A command as a platform read it: the action checks its values. */
  async handleRead(request: ReadModRequest): Promise<ModResult> {
    const result = await this.act(request);
    // Job titles, reasons and members' questions are shown as data: see core/text/display.ts.
    return { ...result, text: displayText(result.text) };
  }

  private async act(request: ReadModRequest): Promise<ModResult> {
    if (!can(request.actor, this.directory))
      return { ok: false, code: 'MOD.FORBIDDEN', text: en.mod.forbidden };
    // The same request delivered twice has one effect: the second gets the first's answer.
    const previous = await this.state.auditEntry(request.id);
    if (previous !== undefined) return { ok: true, text: previous.result, replayed: true };
    if (!(await this.state.claimOnce(`moderation:${request.id}`, REPLAY_WINDOW_MS)))
      return { ok: true, text: en.mod.alreadyHandling, replayed: true };
    let done: ActionOutcome;
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
      action: request.action,
      target: done.target,
      before: done.before,
      after: done.after,
      reason: done.reason ?? '',
      result: done.auditedText ?? done.text,
    };
    await this.state.appendAudit(entry);
    return {
      ok: true,
      text: done.text,
      replayed: false,
      ...(done.suggestions === undefined ? {} : { suggestions: done.suggestions }),
      ...(done.chart === undefined ? {} : { chart: done.chart }),
    };
  }

  private execute(request: ReadModRequest): Promise<ActionOutcome> {
    const action = MODERATOR_ACTIONS.find((candidate) => candidate.name === request.action);
    if (action === undefined)
      throw new Refusal('MOD.INVALID', en.unknownCommand(request.action, MOD_ACTIONS));
    return action.execute(
      {
        desk: this.desk,
        ledger: this.ledger,
        state: this.state,
        requestId: request.id,
        by: identityOf(request.actor),
        actor: request.actor,
        now: request.now,
        ...(this.services.dashboard === undefined ? {} : { dashboard: this.services.dashboard }),
      },
      request.values,
    );
  }
}
