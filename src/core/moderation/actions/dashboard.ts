import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';

/** A single-use sign-in link to the web dashboard, for this moderator alone (their reply is private). */
export const dashboard = modAction({
  name: 'dashboard',
  description: en.commands.dashboard,
  parameters: [],
  async execute(context) {
    if (context.dashboard === undefined) throw new Refusal('MOD.INVALID', en.mod.dashboardOff);
    const link = context.dashboard.linkFor(context.actor, context.now);
    const expires = link.expires.toISOString();
    return {
      text: en.mod.dashboardLink(link.url, expires),
      // The audit log is read by every moderator: it keeps that a link was issued, never the link.
      auditedText: en.mod.dashboardLinkAudited(expires),
      target: context.by,
      before: null,
      after: { expires },
    };
  },
});
