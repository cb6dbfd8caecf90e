import { describe, expect, it } from 'vitest';
import { TextClassifier } from '../../../src/core/match/classifier.js';
import { analysePost, DEFAULT_READING, readSentences } from '../../../src/core/match/reader.js';
import { Analyzer } from '../../../src/core/text/analyzer.js';
import { realKnowledge } from '../../helpers/knowledge.js';

const analyzer = new Analyzer(realKnowledge());
const example = (text: string, label: string) => ({ sentences: analysePost(text, analyzer).analyses, label });
const classifier = TextClassifier.train([
  example('when do the free monthly connects arrive', 'monthly'),
  example('my monthly connects did not come this month', 'monthly'),
  example('monthly free connects missing again', 'monthly'),
  example('the client cancelled the job, do i get my connects back', 'refunds'),
  example('will the connects come back if the post expires', 'refunds'),
  example('refund my connects please, the job was closed', 'refunds'),
  example('how do i change my password', 'other'),
  example('thanks a lot everyone', 'other'),
]);
const column = (label: string) => classifier.labels.indexOf(label);

describe('readSentences', () => {
  const post =
    'The client cancelled the job yesterday. Do I get my connects back? Also, when do the monthly free connects arrive?';

  it('marks an afterthought and weighs it less than the question before it', () => {
    const reading = readSentences(analysePost(post, analyzer), classifier);
    const [story, question, afterthought] = reading.sentences;
    expect(story?.sentence.followUp).toBe(false);
    expect(question?.sentence.followUp).toBe(false);
    expect(afterthought?.sentence.followUp).toBe(true);
    expect(afterthought?.weight).toBeLessThan(question?.weight as number);
  });

  it('reads the post as what it asks first, not as its afterthought', () => {
    const reading = readSentences(analysePost(post, analyzer), classifier);
    expect(reading.probabilities[column('refunds')]).toBeGreaterThan(
      reading.probabilities[column('monthly')] as number,
    );
  });

  it('leaves afterthoughts out of the whole post’s view only when asked to', () => {
    const analysed = analysePost(post, analyzer);
    const without = readSentences(analysed, classifier);
    const withThem = readSentences(analysed, classifier, { ...DEFAULT_READING, gistWithoutFollowUps: false });
    expect(without.probabilities[column('monthly')]).toBeLessThan(
      withThem.probabilities[column('monthly')] as number,
    );
  });

  it('reads a one-sentence question as that sentence', () => {
    const reading = readSentences(analysePost('do i get my connects back', analyzer), classifier);
    expect(reading.sentences).toHaveLength(1);
    expect([...reading.probabilities]).toEqual([...(reading.sentences[0]?.probabilities ?? [])]);
  });
});
