import { JOB_OUTCOMES, type JobOutcome } from '../ledger/types.js';
import { MOD_ACTIONS, type ModCommand } from './commands.js';

// A moderator's command as words (`grant slack:U1 10 goodwill`), as the terminal's `/mod` lines and
// Slack's `/connects-mod` text give it, parsed into the core's moderator commands.

/** The command, or a one-line reason it cannot be one. */
export function parseModWords(words: readonly string[]): ModCommand | string {
  const [action, ...args] = words;
  const rest = (from: number) => args.slice(from).join(' ').trim();
  const number = (value: string | undefined) =>
    value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
  const usage = (shape: string) => `Usage: /mod ${action} ${shape}`;
  switch (action) {
    case 'teach':
      return args.length >= 2
        ? { action, intent: args[0] as string, question: rest(1) }
        : usage('INTENT QUESTION…');
    case 'notice': {
      const hours = number(args[1]);
      return args.length >= 3 && Number.isFinite(hours)
        ? { action, intent: args[0] as string, hours, text: rest(2) }
        : usage('INTENT HOURS TEXT…');
    }
    case 'grant':
    case 'adjust': {
      const amount = number(args[1]);
      return args.length >= 3 && Number.isFinite(amount)
        ? { action, user: args[0] as string, amount, reason: rest(2) }
        : usage('IDENTITY AMOUNT REASON…');
    }
    case 'outcome': {
      const outcome = args[2];
      if (args.length !== 3 || !JOB_OUTCOMES.includes(outcome as JobOutcome)) {
        return usage(`IDENTITY PROPOSAL OUTCOME (${JOB_OUTCOMES.join(', ')})`);
      }
      return { action, user: args[0] as string, proposal: args[1] as string, outcome: outcome as JobOutcome };
    }
    case 'lookup':
      return args.length === 1 ? { action, user: args[0] as string } : usage('IDENTITY');
    case 'mute': {
      if (args.length === 1) return { action, channel: args[0] as string };
      const hours = number(args[1]);
      return args.length === 2 && Number.isFinite(hours)
        ? { action, channel: args[0] as string, hours }
        : usage('CHANNEL [HOURS]');
    }
    case 'unmute':
      return args.length === 1 ? { action, channel: args[0] as string } : usage('CHANNEL');
    case 'unanswered':
    case 'stats':
    case 'audit':
      return args.length === 0 ? { action } : usage('');
    case 'preview':
      return args.length >= 1 ? { action, topic: rest(0) } : usage('INTENT');
    default:
      return `Unknown moderator action "${action ?? ''}"; one of: ${MOD_ACTIONS.join(', ')}.`;
  }
}
