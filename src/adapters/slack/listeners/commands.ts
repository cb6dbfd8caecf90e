import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { CommandGroup } from '../../../core/commands/command.js';
import { CONNECTS } from '../../../core/commands/connects.js';
import { CONNECTS_MOD } from '../../../core/commands/connects-mod.js';
import { readCommandWords, usageOf } from '../../../core/commands/read-words.js';
import { en } from '../../../core/messages/en.js';
import { messageOf, responseType, textMessage } from '../blocks.js';
import { sendChartPrivately } from '../chart-upload.js';
import { commandWords, withSlackReferences } from '../command-words.js';
import type { SlackContext } from '../context.js';
import { actorOf, alertFrom, answering, ONCE_MS } from '../event-parts.js';

/** `/connects …` and `/connects-mod …`: the command's first word names the core command, the rest its values. */
export function register(app: App, ctx: SlackContext): void {
  for (const group of [CONNECTS, CONNECTS_MOD]) app.command(`/${group.name}`, slashCommand(ctx, group));
}

/**
 * One slash command: acknowledged at once (Slack waits 3 s), read as words, run by the core, answered
 * through response_url; ephemeral unless the core says everyone may see it.
 */
export function slashCommand(ctx: SlackContext, group: CommandGroup) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await answering(ctx, respond, async () => {
      if (!(await ctx.services.state.claimOnce(`slack-command:${command.trigger_id}`, ONCE_MS))) return;
      const prefix = `/${group.name} `;
      const words = commandWords(command.text);
      const read =
        words.length === 0
          ? en.usageOneOf(group.commands.map((one) => usageOf(one, prefix)))
          : readCommandWords(group, words, prefix);
      if (typeof read === 'string') {
        await respond({ response_type: 'ephemeral', ...textMessage(read) });
        return;
      }
      const values = withSlackReferences(read.command, read.values);
      const shown = await read.command.run(ctx.services, values, {
        id: command.trigger_id,
        actor: actorOf(command.user_id),
        channelId: command.channel_id,
        alert: alertFrom(ctx, client),
      });
      if (shown.kind !== 'message') return;
      const withChart =
        shown.chart === undefined ? shown : { ...shown, text: `${shown.text}\n${en.chartInDirectMessage}` };
      await respond({ response_type: responseType(withChart), ...messageOf(withChart) });
      if (shown.chart !== undefined) await sendChartPrivately(client, command.user_id, shown.chart);
    });
  };
}
