import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrate } from '../core/match/calibrate.js';
import { DEFAULT_RANKING, type RankingOptions } from '../core/match/faq-index.js';
import { Matcher, type MatcherOptions } from '../core/match/matcher.js';
import { evalLineSchema, predictionOf, scoreEval } from '../eval/score.js';
import { loadKnowledge } from '../knowledge/load.js';

// `npm run eval:methods [FILE.jsonl]`: the evidence for the matching method. Each variant is
// refitted (leave-one-out over the knowledge base) and then scored on the question file, so the
// comparison is between methods, not between calibrations.

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
const off = Number.POSITIVE_INFINITY;

const VARIANTS: ReadonlyArray<{ name: string; options: MatcherOptions }> = [
  {
    name: 'BM25 nearest example, no stemming',
    options: { stemming: false, ranking: { ...DEFAULT_RANKING, topK: 1, profileWeight: 0 } },
  },
  { name: 'BM25 nearest example', options: { ranking: { ...DEFAULT_RANKING, topK: 1, profileWeight: 0 } } },
  { name: 'BM25 best 3 examples', options: { ranking: { ...DEFAULT_RANKING, profileWeight: 0 } } },
  { name: 'intent profiles only', options: { ranking: { ...DEFAULT_RANKING, topK: 0 } } },
  { name: 'best 3 examples + profiles (default)', options: {} },
  {
    name: 'default + MiniSearch fuzzy (0.2, len>=5)',
    options: { ranking: { ...DEFAULT_RANKING, fuzzyFrom: 5 } satisfies RankingOptions },
  },
  {
    name: 'default + MiniSearch prefix (len>=5)',
    options: { ranking: { ...DEFAULT_RANKING, prefixFrom: 5, fuzzyFrom: off } },
  },
];

const file = process.argv[2];
const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (loaded.kb === undefined) throw new Error('knowledge/ does not load; run helpbot knowledge check');
const kb = { ...loaded.kb, calibration: null };
const lines =
  file === undefined
    ? []
    : readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => evalLineSchema.parse(JSON.parse(line)));

console.log(
  'method | LOO top-1 | LOO answered precision | LOO answered share | in-scope acc | out-of-scope abst | case acc',
);
for (const variant of VARIANTS) {
  const report = calibrate(new Matcher(kb, variant.options), 'comparison');
  const matcher = new Matcher({ ...kb, calibration: report.calibration }, variant.options);
  const scored = scoreEval(
    lines,
    lines.map((line) => predictionOf(matcher.match(line.text))),
  );
  const m = report.measured;
  const dev =
    lines.length === 0
      ? '- | - | -'
      : `${scored.inScope.accuracy.toFixed(3)} | ${scored.outOfScope.abstention.toFixed(3)} | ${scored.cases.accuracy.toFixed(3)}`;
  console.log(
    `${variant.name} | ${m.inScopeTopAccuracy.toFixed(3)} | ${m.answeredPrecision.toFixed(3)} | ${m.answeredShare.toFixed(3)} | ${dev}`,
  );
}
