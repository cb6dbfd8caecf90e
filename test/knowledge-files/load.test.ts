import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge-files/load.js';
import { formatProblem } from '../../src/knowledge-files/problem.js';
import { editFile, KNOWLEDGE_DIR, knowledgeCopy } from '../helpers/knowledge.js';

/** Loads a copy of knowledge/ after one edit and returns every problem as text. */
function problemsAfter(edit: (dir: string) => void): string[] {
  const dir = knowledgeCopy();
  edit(dir);
  const loaded = loadKnowledge(dir);
  return [...loaded.problems, ...loaded.warnings].map(formatProblem);
}

describe('loadKnowledge', () => {
  it('loads the real knowledge base with no problem and no warning', () => {
    const loaded = loadKnowledge(KNOWLEDGE_DIR);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.kb?.entries.length).toBeGreaterThanOrEqual(13);
    const refunds = loaded.kb?.entries.find((entry) => entry.id === 'refunds');
    expect(refunds?.parts.every((part) => part.examples.length >= 5)).toBe(true);
  });

  it('reports malformed YAML with its file and line', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'refunds.yaml'), (text) => text.replace('title:', 'title: [unclosed')),
    );
    expect(problems.some((problem) => /^faq\/refunds\.yaml:\d+: malformed YAML/.test(problem))).toBe(true);
  });

  it('names the entry and line of an unknown fact id', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'connects.expiry.yaml'), (text) =>
        text.replace('facts:\n  - expiry.one-year', 'facts:\n  - expiry.two-years'),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^faq\/connects\.expiry\.yaml:\d+ \[connects\.expiry\]: unknown fact id "expiry\.two-years"/,
      ),
    );
  });

  it('reports a duplicate entry id', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
        text.replace('id: proposals.tips', 'id: support.contact'),
      ),
    );
    expect(problems.join('\n')).toMatch(/duplicate entry id/);
  });

  it('reports an example used twice, across entries', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
        text.replace('examples:\n', 'examples:\n  - when do connects expire\n'),
      ),
    );
    expect(problems.join('\n')).toMatch(
      /duplicate example "when do connects expire" \(already in connects\.expiry\)/,
    );
  });

  it('reports a missing contract intent', () => {
    const problems = problemsAfter((dir) => rmSync(join(dir, 'faq', 'payments.milestone-review.yaml')));
    expect(problems.join('\n')).toMatch(/missing contract intent "payments\.milestone-review"/);
  });

  it('reports an empty answer', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'support.contact.yaml'), (text) =>
        text.replace(/answer: >-\n(?: {2}.*\n)+/, "answer: ''\n"),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/support\.contact\.yaml:\d+ \[support\.contact\]: answer: must not be empty/),
    );
  });

  it('reports an unknown policy number placeholder', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'connects.expiry.yaml'), (text) =>
        text.replace('{{validityMonths}}', '{{validityDecades}}'),
      ),
    );
    expect(problems.join('\n')).toMatch(/unknown policy number \{\{validityDecades\}\}/);
  });

  it('requires one refund part per refund case', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'refunds.yaml'), (text) =>
        text.replace('  - case: refund.hired', '  - case: refund.hired-not'),
      ),
    );
    const joined = problems.join('\n');
    expect(joined).toMatch(/unknown fact id "refund\.hired-not"/);
    expect(joined).toMatch(/refund case "refund\.hired" has no part/);
  });

  it('reports a bad signal phrase', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'refunds.yaml'), (text) =>
        text.replace('      - scam\n', '      - ... scam\n'),
      ),
    );
    expect(problems.join('\n')).toMatch(/needs a word on each side/);
  });

  it('reports a variant given two meanings in the synonyms file', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'synonyms.yaml'), (text) => text.replace('  free:\n', '  free:\n    - coins\n')),
    );
    expect(problems.join('\n')).toMatch(/variant "coins" is already a variant of "connects"/);
  });

  it('loads after a moderator adds an example: nothing else goes stale', () => {
    const dir = knowledgeCopy();
    editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
      text.replace('examples:\n', 'examples:\n  - a brand new example about boosting bids\n'),
    );
    const loaded = loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.kb?.entries.find((entry) => entry.id === 'proposals.tips')?.examples).toContain(
      'a brand new example about boosting bids',
    );
  });

  it('takes a long, several-line post as an example', () => {
    const dir = knowledgeCopy();
    const post = `Hi all,\n\n${'I applied to many jobs this month and heard nothing back. '.repeat(10)}\nWhat am I doing wrong?`;
    editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
      text.replace('examples:\n', `examples:\n  - ${JSON.stringify(post)}\n`),
    );
    const loaded = loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.kb?.entries.find((entry) => entry.id === 'proposals.tips')?.examples).toContain(post);
  });

  it('refuses an example over 2,000 characters, naming the entry and line', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'proposals.tips.yaml'), (text) =>
        text.replace('examples:\n', `examples:\n  - ${'word '.repeat(401)}\n`),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^faq\/proposals\.tips\.yaml:\d+ \[proposals\.tips\]: examples\.0: is longer than 2,000 characters/,
      ),
    );
  });

  it('asks for one list style: items one per line, not in brackets (a warning, not a failure)', () => {
    const dir = knowledgeCopy();
    editFile(join(dir, 'faq', 'connects.expiry.yaml'), (text) =>
      text.replace('facts:\n  - expiry.one-year\n', 'facts: [expiry.one-year]\n'),
    );
    const loaded = loadKnowledge(dir);
    expect(loaded.problems).toEqual([]);
    expect(loaded.kb).toBeDefined();
    expect(loaded.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^faq\/connects\.expiry\.yaml:\d+: write this list one item per line/),
    ]);
  });

  it('reports a duplicate case example, naming the case', () => {
    const problems = problemsAfter((dir) =>
      editFile(join(dir, 'faq', 'refunds.yaml'), (text) =>
        text.replace('    examples:\n', '    examples:\n      - the position was filled by someone else\n'),
      ),
    );
    expect(problems.join('\n')).toMatch(/duplicate example "the position was filled by someone else"/);
  });

  it('reports every problem at once, across files', () => {
    const problems = problemsAfter((dir) => {
      editFile(join(dir, 'faq', 'connects.expiry.yaml'), (text) =>
        text.replace('facts:\n  - expiry.one-year', 'facts:\n  - nope.one'),
      );
      editFile(join(dir, 'faq', 'connects.about.yaml'), (text) =>
        text.replace('followups:\n', 'followups:\n  - nowhere.at-all\n'),
      );
    });
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});
