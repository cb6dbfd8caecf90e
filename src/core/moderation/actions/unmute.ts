import { en } from '../../messages/en.js';
import { modAction } from '../action.js';
import { channelParameter } from './mute.js';

/** Automatic replies back on in a channel. */
export const unmute = modAction({
  name: 'unmute',
  description: en.commands.unmute,
  parameters: [channelParameter],
  async execute(context, { channel }) {
    const before = await context.state.channelSettings(channel);
    const { mutedUntil: _removed, ...after } = before;
    await context.state.saveChannelSettings(channel, after);
    return { text: en.mod.unmuted(channel), target: channel, before, after };
  },
});
