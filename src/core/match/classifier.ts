import {
  type AnalysedText,
  DEFAULT_FEATURES,
  type FeatureOptions,
  FeatureSpace,
  type RawVector,
} from './features.js';
import {
  DEFAULT_SOFTMAX,
  predictSoftmax,
  type SoftmaxModel,
  type SoftmaxOptions,
  trainSoftmax,
} from './softmax.js';

/** One labelled training text, as its analysed sentences (one for a one-line question). */
export interface LabelledText {
  readonly sentences: readonly AnalysedText[];
  readonly label: string;
  readonly weight?: number;
}

export interface ClassifierOptions {
  readonly features: FeatureOptions;
  readonly softmax: SoftmaxOptions;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = { features: DEFAULT_FEATURES, softmax: DEFAULT_SOFTMAX };

/**
 * What a fitted classifier is saved as: its labels, its feature names (one a line) and its weights
 * as float32 in base64, so a model of a few hundred thousand weights loads in milliseconds.
 */
export interface SavedClassifier {
  readonly labels: readonly string[];
  readonly features: string;
  readonly weights: string;
  readonly bias: readonly number[];
}

/** A text -> probability per label, learned from labelled texts (multinomial logistic regression). */
export class TextClassifier {
  private constructor(
    readonly labels: readonly string[],
    private readonly space: FeatureSpace,
    private readonly model: SoftmaxModel,
  ) {}

  static train(
    examples: readonly LabelledText[],
    options: ClassifierOptions = DEFAULT_CLASSIFIER,
  ): TextClassifier {
    const labels = [...new Set(examples.map((example) => example.label))].sort();
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const space = new FeatureSpace(options.features);
    for (const example of examples) for (const sentence of example.sentences) space.grow(sentence);
    const samples = examples.map((example) => ({
      x: space.finish(space.merge(example.sentences.map((sentence) => space.sentence(sentence)))),
      label: labelIndex.get(example.label) as number,
      ...(example.weight === undefined ? {} : { weight: example.weight }),
    }));
    const model = trainSoftmax(samples, labels.length, space.size, options.softmax);
    return new TextClassifier(labels, space, model);
  }

  static restore(saved: SavedClassifier, features: FeatureOptions = DEFAULT_FEATURES): TextClassifier {
    const space = new FeatureSpace(features, saved.features === '' ? [] : saved.features.split('\n'));
    const bytes = Buffer.from(saved.weights, 'base64');
    const weights = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    if (weights.length !== space.size * saved.labels.length || saved.bias.length !== saved.labels.length) {
      throw new Error('saved classifier does not fit its labels and features');
    }
    const model: SoftmaxModel = {
      classes: saved.labels.length,
      features: space.size,
      weights,
      bias: Float32Array.from(saved.bias),
    };
    return new TextClassifier(saved.labels, space, model);
  }

  save(): SavedClassifier {
    const weights = this.model.weights;
    return {
      labels: this.labels,
      features: this.space.names().join('\n'),
      weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64'),
      bias: Array.from(this.model.bias),
    };
  }

  /** One sentence's features. */
  sentence(text: AnalysedText): RawVector {
    return this.space.sentence(text);
  }

  /** Several sentences' features as one text. */
  merge(parts: readonly RawVector[]): RawVector {
    return this.space.merge(parts);
  }

  /** How many of the features the classifier has weights for (0 = it knows none of it). */
  known(raw: RawVector): number {
    return raw.columns.length;
  }

  /** Probability per label, in the order of `labels`. */
  probabilitiesOf(raw: RawVector): number[] {
    return predictSoftmax(this.model, { indices: raw.columns, values: raw.weights }, this.space.scaleOf(raw));
  }

  /** Probability per label of a one-sentence text. */
  probabilities(text: AnalysedText): number[] {
    return this.probabilitiesOf(this.sentence(text));
  }
}
