import { ABSTAINED, CHOICES, type EvalReport, OFF_TOPIC } from './score.js';

// The evaluation report as people read it: the headline figures, then per intent precision and
// recall, then the confusion table (rows: what the line expected; columns: what the bot did).

export function formatReport(report: EvalReport, options: { readonly confusions?: boolean } = {}): string {
  const out: string[] = [];
  if (options.confusions !== false && report.confusions.length > 0) {
    out.push('Confusions (expected -> got, confidence):');
    for (const confusion of report.confusions) {
      const text = confusion.text.replace(/\s+/g, ' ');
      out.push(
        `  ${confusion.expected} -> ${confusion.got} (${confusion.confidence.toFixed(2)}): ${text.length > 140 ? `${text.slice(0, 140)}…` : text}`,
      );
    }
    out.push('');
  }
  out.push(`questions: ${report.questions}`);
  out.push(
    `in-scope answered right: ${report.inScope.accuracy.toFixed(3)} (${report.inScope.correct}/${report.inScope.total}; ${report.inScope.clarified} offered choices, ${report.inScope.wrong} answered wrong)`,
  );
  out.push(
    `out-of-scope abstention: ${report.outOfScope.abstention.toFixed(3)} (${report.outOfScope.abstained}/${report.outOfScope.total})`,
  );
  out.push(
    `wrong answers (confident wrong topic or off-topic answered): ${report.wrongAnswers.rate.toFixed(3)} (${report.wrongAnswers.count}/${report.questions})`,
  );
  if (report.cases.total > 0) {
    out.push(
      `refund case named first: ${report.cases.accuracy.toFixed(3)} (${report.cases.correct}/${report.cases.total})`,
    );
  }
  if (report.caseOrder.total > 0) {
    out.push(
      `several cases in the post's order: ${report.caseOrder.accuracy.toFixed(3)} (${report.caseOrder.correct}/${report.caseOrder.total})`,
    );
  }
  if (report.secondQuestions.total > 0) {
    out.push(
      `second questions answered or offered: ${report.secondQuestions.recall.toFixed(3)} (${report.secondQuestions.found}/${report.secondQuestions.total})`,
    );
  }
  out.push('', perIntentTable(report), '', confusionTable(report));
  return out.join('\n');
}

function perIntentTable(report: EvalReport): string {
  const width = Math.max(...report.perIntent.map((row) => row.intent.length), 6);
  const lines = [`${'intent'.padEnd(width)}  expected  answered  right  precision  recall`];
  for (const row of report.perIntent) {
    lines.push(
      `${row.intent.padEnd(width)}  ${String(row.expected).padStart(8)}  ${String(row.predicted).padStart(8)}  ${String(row.right).padStart(5)}  ${row.precision.toFixed(3).padStart(9)}  ${row.recall.toFixed(3).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

/**
 * Short column names, at most 8 letters: "connects.monthly-free" -> "monthly-", "agency.connects" ->
 * "agency"; offered choices "?" and abstentions "-".
 */
function shortName(label: string): string {
  if (label === CHOICES) return '?';
  if (label === ABSTAINED) return '-';
  if (label === OFF_TOPIC) return 'off';
  const name = label.startsWith('connects.')
    ? label.slice('connects.'.length)
    : (label.split('.')[0] ?? label);
  return name.slice(0, 8);
}

function confusionTable(report: EvalReport): string {
  const rows = Object.keys(report.confusionTable).sort(byLabel);
  const columns = [
    ...new Set([...rows, ...rows.flatMap((row) => Object.keys(report.confusionTable[row] ?? {}))]),
  ].sort(byLabel);
  const names = columns.map(shortName);
  const cell = Math.max(3, ...names.map((name) => name.length));
  const rowWidth = Math.max(...rows.map((row) => row.length), 8);
  const lines = [
    'confusion (rows: expected, columns: answered; ? = offered choices, - = abstained)',
    `${''.padEnd(rowWidth)} ${names.map((name) => name.padStart(cell)).join(' ')}`,
  ];
  for (const row of rows) {
    const counts = columns.map((column) => {
      const count = report.confusionTable[row]?.[column] ?? 0;
      return (count === 0 ? '.' : String(count)).padStart(cell);
    });
    lines.push(`${row.padEnd(rowWidth)} ${counts.join(' ')}`);
  }
  return lines.join('\n');
}

const LAST = [OFF_TOPIC, CHOICES, ABSTAINED];

function byLabel(a: string, b: string): number {
  const rank = (label: string) => LAST.indexOf(label);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** A report in one line: the figures the issue's bars are set on. */
export function headline(report: EvalReport): string {
  const parts = [
    `answered right ${report.inScope.accuracy.toFixed(3)} (${report.inScope.correct}/${report.inScope.total})`,
    `off-topic abstained ${report.outOfScope.abstention.toFixed(3)} (${report.outOfScope.abstained}/${report.outOfScope.total})`,
    `wrong ${report.wrongAnswers.rate.toFixed(3)} (${report.wrongAnswers.count}/${report.questions})`,
  ];
  if (report.cases.total > 0) {
    parts.push(
      `refund case first ${report.cases.accuracy.toFixed(3)} (${report.cases.correct}/${report.cases.total})`,
    );
  }
  return parts.join(', ');
}
