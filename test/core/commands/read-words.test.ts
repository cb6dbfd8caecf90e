import { describe, expect, it } from 'vitest';
import { choice, integer, optional, text, topic } from '../../../src/core/commands/arguments.js';
import { CONNECTS } from '../../../src/core/commands/connects.js';
import { CONNECTS_MOD } from '../../../src/core/commands/connects-mod.js';
import { readCommandWords, readParameters, usageOf } from '../../../src/core/commands/read-words.js';

const words = (line: string) => line.split(' ');

describe('readParameters', () => {
  const teach = [
    topic('intent', { description: '', label: 'INTENT' }),
    text('question', { description: '', label: 'QUESTION', maxLength: 10 }),
  ];

  it('gives a last text or topic parameter the rest of the line, and any other one word', () => {
    expect(readParameters(teach, words('refunds why did I not get my connects back'))).toEqual({
      intent: 'refunds',
      question: 'why did I not get my connects back',
    });
    const preview = [topic('intent', { description: '', label: 'INTENT' })];
    expect(readParameters(preview, words('How long Connects stay valid'))).toEqual({
      intent: 'How long Connects stay valid',
    });
  });

  it('reads whole numbers, signed or not, and refuses anything else where a number is declared', () => {
    const amount = [integer('amount', { description: '', label: 'AMOUNT', min: -5, max: 5 })];
    expect(readParameters(amount, ['-3'])).toEqual({ amount: -3 });
    expect(readParameters(amount, ['+4'])).toEqual({ amount: 4 });
    expect(readParameters(amount, ['4.5'])).toBeNull();
    expect(readParameters(amount, ['ten'])).toBeNull();
  });

  it('leaves out an optional parameter not given, and refuses a missing required one or extra words', () => {
    const mute = [
      text('channel', { description: '', label: 'CHANNEL', maxLength: 20 }),
      optional(integer('hours', { description: '', label: 'HOURS', min: 1, max: 9 })),
    ];
    expect(readParameters(mute, ['C1'])).toEqual({ channel: 'C1' });
    expect(readParameters(mute, ['C1', '3'])).toEqual({ channel: 'C1', hours: 3 });
    expect(readParameters(mute, ['C1', '3', 'more'])).toBeNull();
    expect(readParameters(mute, [])).toBeNull();
    expect(readParameters(teach, ['refunds'])).toBeNull();
  });

  it('lets a command that takes nothing ignore what follows it', () => {
    expect(readParameters([], words('please, quickly'))).toEqual({});
  });

  it('accepts only a declared choice', () => {
    const outcome = [choice('outcome', { description: '', label: 'OUTCOME', choices: ['hired', 'expired'] })];
    expect(readParameters(outcome, ['hired'])).toEqual({ outcome: 'hired' });
    expect(readParameters(outcome, ['won'])).toBeNull();
  });
});

describe('readCommandWords', () => {
  it('finds the command by its first word and reads the rest as its values', () => {
    const read = readCommandWords(CONNECTS_MOD, words('grant slack:U1 10 outage compensation'), '/mod ');
    expect(typeof read === 'string' ? read : { name: read.command.name, values: read.values }).toEqual({
      name: 'grant',
      values: { user: 'slack:U1', amount: 10, reason: 'outage compensation' },
    });
  });

  it('answers a malformed line with how to type it, and an unknown command with the known ones', () => {
    expect(readCommandWords(CONNECTS_MOD, words('grant someone'), '/connects-mod ')).toBe(
      'Usage: /connects-mod grant IDENTITY AMOUNT REASON…',
    );
    expect(readCommandWords(CONNECTS_MOD, words('outcome slack:U1 p-1 won'), '/mod ')).toBe(
      'Usage: /mod outcome IDENTITY PROPOSAL OUTCOME (open, client_cancelled, platform_removed, expired, withdrawn, declined, hired)',
    );
    expect(readCommandWords(CONNECTS, ['dance'], '/connects ')).toBe(
      'Unknown command "dance"; one of: ask, balance, refunds, faq.',
    );
  });

  it('writes usage with the rest-of-line mark, optional parts in brackets', () => {
    const usages = CONNECTS_MOD.commands.map((command) => usageOf(command, '/mod '));
    expect(usages).toContain('/mod mute CHANNEL [HOURS]');
    expect(usages).toContain('/mod teach INTENT QUESTION…');
    expect(usages).toContain('/mod notice INTENT HOURS TEXT…');
    expect(usages).toContain('/mod stats');
  });
});

describe('the command groups', () => {
  it('declare required parameters before optional ones, and a rest-of-line parameter only last', () => {
    // Discord refuses a required option after an optional one; words could not tell where a text ends.
    for (const group of [CONNECTS, CONNECTS_MOD]) {
      for (const command of group.commands) {
        const required = command.parameters.map((parameter) => parameter.required);
        expect(required, `${group.name} ${command.name}`).toEqual(
          [...required].sort((a, b) => Number(b) - Number(a)),
        );
        const names = command.parameters.map((parameter) => parameter.name);
        expect(new Set(names).size, `${group.name} ${command.name}`).toBe(names.length);
      }
    }
  });
});
