import { renderAccountFacts } from '../../core/personal/account-summary.js';
import { accountFacts } from '../../core/rules/account-facts.js';
import { accountJson } from '../account-json.js';
import { parseCommandArgs, parseIdentity, parseNow } from '../args.js';
import { EXIT_OK, type Io, UsageError, writeLine } from '../io.js';
import { loadRuntimeWithLedger } from '../runtime.js';

/** `helpbot balance IDENTITY [--now TIME] [--json]`: one member's account facts, as staff look them up. */
export async function balanceCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('balance', args, {
    now: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const [raw, extra] = positionals;
  if (raw === undefined)
    throw new UsageError('balance: missing the identity, e.g. helpbot balance console:faraz');
  if (extra !== undefined) throw new UsageError(`balance: unexpected argument "${extra}"`);
  const identity = parseIdentity(raw);
  const now = parseNow(values.now);
  const runtime = await loadRuntimeWithLedger(io);
  try {
    const account = await runtime.ledger.accountForIdentity(identity);
    const facts = account ? accountFacts(account, runtime.desk.policy, now) : null;
    if (values.json) writeLine(io.stdout, JSON.stringify(accountJson(facts)));
    else
      writeLine(
        io.stdout,
        facts === null ? `No account is linked to ${identity}.` : renderAccountFacts(facts),
      );
  } finally {
    await runtime.close();
  }
  return EXIT_OK;
}
