import type { RawArgs } from '../../core/commands/arguments.js';
import type { Command } from '../../core/commands/command.js';

/** A slash command's text as words. */
export function commandWords(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * Slack's references made the core's, for the parameters that name one: `<@U123|name>` becomes the
 * identity `slack:U123`, `<#C123|general>` the channel id `C123`. Free text is left as typed.
 */
export function withSlackReferences(command: Command, values: RawArgs): RawArgs {
  const resolved: Record<string, string | number | undefined> = { ...values };
  for (const parameter of command.parameters) {
    const value = resolved[parameter.name];
    if (typeof value !== 'string') continue;
    if (parameter.kind === 'member')
      resolved[parameter.name] = value.replace(/^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/, 'slack:$1');
    else if (parameter.kind === 'channel')
      resolved[parameter.name] = value.replace(/^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/, '$1');
  }
  return resolved;
}
