import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/adapters/discord/commands.js';

type Option = {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  max_length?: number;
  min_value?: number;
  max_value?: number;
  options?: Option[];
};
const byName = (name: string) =>
  COMMANDS.find((command) => command.name === name) as { type: number; options?: Option[] };
const sub = (command: string, name: string) =>
  byName(command).options?.find((option) => option.name === name);

describe("Discord's application commands, made from the core's command groups", () => {
  it('are /connects, /connects-mod and the message menu', () => {
    expect(COMMANDS.map((command) => [command.name, command.type])).toEqual([
      ['connects', ApplicationCommandType.ChatInput],
      ['connects-mod', ApplicationCommandType.ChatInput],
      ['Ask Help Bot', ApplicationCommandType.Message],
    ]);
    expect(byName('connects').options?.map((option) => option.name)).toEqual([
      'ask',
      'balance',
      'refunds',
      'faq',
    ]);
    expect(byName('connects-mod').options?.map((option) => option.name)).toEqual([
      'teach',
      'dismiss',
      'notice',
      'unnotice',
      'grant',
      'adjust',
      'outcome',
      'lookup',
      'mute',
      'unmute',
      'unanswered',
      'stats',
      'audit',
      'preview',
      'dashboard',
    ]);
  });

  it('give each parameter the option type of its kind, with its limits', () => {
    expect(sub('connects', 'ask')?.options).toEqual([
      expect.objectContaining({
        type: ApplicationCommandOptionType.String,
        name: 'question',
        required: true,
        max_length: 2000,
      }),
    ]);
    expect(sub('connects', 'faq')?.options?.[0]).toMatchObject({
      name: 'topic',
      autocomplete: true,
      required: true,
    });
    expect(sub('connects-mod', 'grant')?.options?.map((option) => [option.name, option.type])).toEqual([
      ['user', ApplicationCommandOptionType.User],
      ['amount', ApplicationCommandOptionType.Integer],
      ['reason', ApplicationCommandOptionType.String],
    ]);
    expect(sub('connects-mod', 'adjust')?.options?.[1]).toMatchObject({
      min_value: -10_000,
      max_value: 10_000,
    });
    expect(sub('connects-mod', 'outcome')?.options?.[2]?.choices?.map((one) => one.value)).toContain(
      'client_cancelled',
    );
    expect(sub('connects-mod', 'mute')?.options).toEqual([
      expect.objectContaining({
        name: 'channel',
        type: ApplicationCommandOptionType.Channel,
        required: true,
      }),
      expect.objectContaining({ name: 'hours', required: false, min_value: 1, max_value: 720 }),
    ]);
    expect(sub('connects-mod', 'unanswered')?.options).toEqual([]);
  });
});
