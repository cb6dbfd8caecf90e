import { type ArgsOf, argsFrom, type Parameter, type RawArgs } from '../commands/arguments.js';
import type { Overview } from '../dashboard/overview.js';
import type { HelpDesk } from '../help-desk.js';
import type { LedgerStore } from '../ledger/store.js';
import type { StateStore } from '../state/store.js';
import type { Actor } from '../types.js';
import type { ModCode, TeachSuggestion } from './commands.js';

/** What moderator actions read of the help desk: the FAQ, the policy, the matcher, an entry's answer. */
export type ModerationDesk = Pick<HelpDesk, 'kb' | 'policy' | 'matcher' | 'handle'>;

/** What an action works with: the desk, the stores, who asks, when, under which request id. */
export interface ActionContext {
  readonly desk: ModerationDesk;
  readonly ledger: LedgerStore;
  readonly state: StateStore;
  readonly requestId: string;
  /** The moderator's identity, `platform:id`. */
  readonly by: string;
  /** The moderator as the platform reported them (roles included). */
  readonly actor: Actor;
  /** Sign-in links to the web dashboard, where one is served. */
  readonly dashboard?: DashboardLinks;
  readonly now: Date;
}

/** Makes a moderator's single-use sign-in link to the dashboard. */
export interface DashboardLinks {
  linkFor(actor: Actor, now: Date): { readonly url: string; readonly expires: Date };
}

/** What an action did: the moderator's answer and what the audit keeps. */
export interface ActionOutcome {
  readonly text: string;
  /** What the audit keeps of the answer when the answer holds a secret (a sign-in link). */
  readonly auditedText?: string;
  /** The figures behind the answer, for a platform that can show them as a chart. */
  readonly chart?: Overview;
  readonly suggestions?: readonly TeachSuggestion[];
  readonly target: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason?: string;
}

/** An action that cannot be carried out as asked; nothing was changed. */
export class Refusal extends Error {
  constructor(
    readonly code: ModCode,
    message: string,
  ) {
    super(message);
  }
}

/** One moderator action: its name, its parameters, and what it does. */
export interface ModAction<
  N extends string = string,
  Ps extends readonly Parameter[] = readonly Parameter[],
> {
  readonly name: N;
  readonly description: string;
  readonly parameters: Ps;
  /** Checks the values against the parameters, then acts; throws a Refusal when it will not. */
  execute(context: ActionContext, values: RawArgs): Promise<ActionOutcome>;
}

/** An action whose body receives its arguments typed as its parameters declare them. */
export function modAction<const N extends string, const Ps extends readonly Parameter[]>(definition: {
  readonly name: N;
  readonly description: string;
  readonly parameters: Ps;
  execute(context: ActionContext, args: ArgsOf<Ps>): Promise<ActionOutcome>;
}): ModAction<N, Ps> {
  return {
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
    execute: async (context, values) => {
      const args = argsFrom(definition.parameters, values);
      if (typeof args === 'string') throw new Refusal('MOD.INVALID', args);
      return definition.execute(context, args);
    },
  };
}

/** The command a moderator gives for one action: its name and its arguments. */
export type CommandOf<A> =
  A extends ModAction<infer N, infer Ps> ? { readonly action: N } & ArgsOf<Ps> : never;
