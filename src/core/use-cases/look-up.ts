import type { AccountView, Actor } from '../types.js';
import { alertIfFlagged } from './alert-if-flagged.js';
import { replyShown } from './reply-buttons.js';
import type { AlertModerators, HelpServices, Shown } from './services.js';

export interface LookUp {
  readonly id: string;
  readonly actor: Actor;
  readonly channelId: string | null;
  /** One FAQ entry by id or title, or the member's own account. */
  readonly what: { readonly topic: string } | { readonly view: AccountView };
  readonly alert: AlertModerators;
}

/**
 * `/connects faq`, `/connects balance`, `/connects refunds`: an FAQ entry is public (an unknown
 * topic, the member's typo, is told only to them); the member's own account is always private,
 * and flagged to the moderators when the rules find something wrong with it.
 */
export async function lookUp(services: HelpServices, lookUp: LookUp): Promise<Shown> {
  const account = 'view' in lookUp.what;
  const reply = await services.desk.handle({
    id: lookUp.id,
    actor: lookUp.actor,
    ...(lookUp.channelId === null ? {} : { channelId: lookUp.channelId }),
    body:
      'view' in lookUp.what
        ? { kind: 'account', view: lookUp.what.view }
        : { kind: 'faq', topic: lookUp.what.topic },
    now: services.clock(),
    privateReply: account,
  });
  void alertIfFlagged(services, lookUp.id, reply, lookUp.alert);
  return replyShown(reply, lookUp.id, account || reply.outcome === 'refused');
}
