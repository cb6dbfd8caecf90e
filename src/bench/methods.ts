import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLASSIFIER } from '../core/match/classifier.js';
import { Matcher } from '../core/match/matcher.js';
import { DEFAULT_METHOD, type MethodOptions } from '../core/match/model.js';
import { DEFAULT_READING } from '../core/match/reader.js';
import type { SoftmaxOptions } from '../core/match/softmax.js';
import { crossValidationReport } from '../eval/cross-validation.js';
import { type EvalReport, evalLineSchema, predictionOf, scoreEval } from '../eval/score.js';
import { loadKnowledge } from '../knowledge-files/load.js';

// `npm run eval:methods [FILE.jsonl …]`: the evidence for the matching method. Each variant is
// fitted from scratch (classifier and confidence, by grouped cross-validation over knowledge/) and
// scored on the cross-validation and on each question file: by default the tuning posts and short
// questions in eval/tuning/; give the held-out files to check the chosen method, never to tune it.

const ROOT = new URL('../../', import.meta.url);
const KNOWLEDGE_DIR = fileURLToPath(new URL('knowledge', ROOT));
const DEFAULT_FILES = [
  'eval/tuning/posts.jsonl',
  'eval/tuning/posts-2.jsonl',
  'eval/tuning/short.jsonl',
  'eval/tuning/short-2.jsonl',
  'eval/tuning/short-3.jsonl',
  'eval/tuning/short-4.jsonl',
  'eval/tuning/short-5.jsonl',
  'eval/tuning/short-6.jsonl',
  'eval/tuning/short-7.jsonl',
  'eval/tuning/short-8.jsonl',
].map((file) => fileURLToPath(new URL(file, ROOT)));

const words = { bigrams: false, negation: false, charNgrams: null, charWeight: 0 };
const postOnly = { ...DEFAULT_READING, postShare: 1 };

function withSoftmax(softmax: Partial<SoftmaxOptions>): MethodOptions {
  return {
    ...DEFAULT_METHOD,
    classifier: { ...DEFAULT_CLASSIFIER, softmax: { ...DEFAULT_CLASSIFIER.softmax, ...softmax } },
  };
}

const VARIANTS: ReadonlyArray<{ name: string; method: MethodOptions }> = [
  {
    name: 'logistic regression, words, whole post only',
    method: {
      ...DEFAULT_METHOD,
      bm25: false,
      reading: postOnly,
      classifier: { ...DEFAULT_CLASSIFIER, features: { ...DEFAULT_CLASSIFIER.features, ...words } },
    },
  },
  {
    name: '+ word pairs and negations',
    method: { ...DEFAULT_METHOD, bm25: false, reading: postOnly },
  },
  { name: '+ read sentence by sentence', method: { ...DEFAULT_METHOD, bm25: false } },
  { name: '+ BM25 evidence in the confidence (default)', method: DEFAULT_METHOD },
  {
    name: 'default, every question weighing the same',
    method: { ...DEFAULT_METHOD, reading: { ...DEFAULT_READING, laterAskDecay: 0 } },
  },
  {
    name: 'default, afterthoughts ("also…", "btw…") read like any other sentence',
    method: {
      ...DEFAULT_METHOD,
      reading: { ...DEFAULT_READING, followUpWeight: 1, gistWithoutFollowUps: false },
    },
  },
  ...[7, 8, 9].map((seed) => ({
    name: `one model of 30 passes, shuffled from seed ${seed}${seed === 7 ? ' (before averaging)' : ''}`,
    method: withSoftmax({ members: 1, epochs: 30, seed }),
  })),
  ...[8, 9].map((seed) => ({
    name: `default, shuffled from seed ${seed}`,
    method: withSoftmax({ seed }),
  })),
  {
    name: 'default + letter 3-5-grams',
    method: {
      ...DEFAULT_METHOD,
      classifier: {
        ...DEFAULT_CLASSIFIER,
        features: { ...DEFAULT_CLASSIFIER.features, charNgrams: { min: 3, max: 5 }, charWeight: 0.35 },
      },
    },
  },
];

const files = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES;
const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (loaded.kb === undefined) throw new Error('knowledge/ does not load; run helpbot knowledge check');
const kb = loaded.kb;
const questionFiles = files.map((file) => ({
  name: file.split('/').slice(-2).join('/'),
  lines: readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => evalLineSchema.parse(JSON.parse(line))),
}));

const columns = (report: EvalReport) =>
  `${report.inScope.accuracy.toFixed(3)} | ${report.outOfScope.abstention.toFixed(3)} | ${report.wrongAnswers.rate.toFixed(3)}`;
console.log(
  `method | fit ms | CV top-1 | ${['cross-validation', ...questionFiles.map((file) => file.name)]
    .map((name) => `${name}: right, off-topic abstained, wrong`)
    .join(' | ')}`,
);
for (const variant of VARIANTS) {
  const start = Date.now();
  const matcher = new Matcher(kb, { method: variant.method });
  const fitMs = Date.now() - start;
  const cv = crossValidationReport(matcher);
  const scored = questionFiles.map(({ lines }) =>
    scoreEval(
      lines,
      lines.map((line) => predictionOf(matcher.match(line.text))),
    ),
  );
  console.log(
    `${variant.name} | ${fitMs} | ${matcher.model.crossValidation.inScopeTopAccuracy.toFixed(3)} | ${[cv, ...scored].map(columns).join(' | ')}`,
  );
}

// The answer threshold, swept for the default method on the same files: what ANSWER_AT was chosen on.
const sweep = new Matcher(kb);
const calibration = sweep.model.calibration as { answerAt: number };
const chosen = calibration.answerAt;
console.log(
  `\nanswer threshold | ${questionFiles.map((file) => `${file.name}: right, off-topic abstained, wrong`).join(' | ')}`,
);
for (const answerAt of [0.6, 0.65, 0.7, 0.75, 0.8]) {
  calibration.answerAt = answerAt;
  const scored = questionFiles.map(({ lines }) =>
    scoreEval(
      lines,
      lines.map((line) => predictionOf(sweep.match(line.text))),
    ),
  );
  console.log(
    `${answerAt.toFixed(2)}${answerAt === chosen ? ' (default)' : ''} | ${scored.map(columns).join(' | ')}`,
  );
}
calibration.answerAt = chosen;
