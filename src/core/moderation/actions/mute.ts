import { channel, integer, optional } from '../../commands/arguments.js';
import { en } from '../../messages/en.js';
import { modAction, Refusal } from '../action.js';
import { HOUR_MS, MAX_MUTE_HOURS } from '../limits.js';

export const channelParameter = channel('channel', { description: en.commands.channel, label: 'CHANNEL' });

/** No automatic replies in a channel, for some hours or until unmuted. */
export const mute = modAction({
  name: 'mute',
  description: en.commands.mute,
  parameters: [
    channelParameter,
    optional(
      integer('hours', {
        description: en.commands.muteHours,
        label: 'HOURS',
        min: 1,
        max: MAX_MUTE_HOURS,
      }),
    ),
  ],
  async execute(context, { channel, hours }) {
    if (hours !== undefined && (!Number.isFinite(hours) || hours <= 0 || hours > MAX_MUTE_HOURS))
      throw new Refusal('MOD.INVALID', en.mod.hoursBetween(MAX_MUTE_HOURS));
    const before = await context.state.channelSettings(channel);
    const until =
      hours === undefined ? 'forever' : new Date(context.now.getTime() + hours * HOUR_MS).toISOString();
    const after = { ...before, mutedUntil: until };
    await context.state.saveChannelSettings(channel, after);
    return {
      text: en.mod.muted(channel, hours === undefined ? null : until),
      target: channel,
      before,
      after,
    };
  },
});
