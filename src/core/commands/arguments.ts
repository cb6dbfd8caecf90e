import { en } from '../messages/en.js';

// What a command takes, declared once for every platform. Discord turns each parameter into an
// option of the right type (with its limits and autocomplete); Slack's command text and the
// terminal's lines read the same parameters from words, in the order they are declared.

interface Common<N extends string, R extends boolean> {
  readonly name: N;
  /** Shown by Discord under the option, and in usage lines' place on other platforms. */
  readonly description: string;
  readonly required: R;
  /** How a usage line names it: `QUESTION`, `IDENTITY`. */
  readonly label: string;
}

/** Free text. Declared last, it takes the rest of a line of words; elsewhere, one word. */
export interface TextParameter<N extends string = string, R extends boolean = boolean> extends Common<N, R> {
  readonly kind: 'text';
  readonly maxLength: number;
}

export interface IntegerParameter<N extends string = string, R extends boolean = boolean>
  extends Common<N, R> {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}

/** A member of the platform: the value is their identity, `platform:id`. */
export interface MemberParameter<N extends string = string, R extends boolean = boolean>
  extends Common<N, R> {
  readonly kind: 'member';
}

/** A channel: the value is its platform id. */
export interface ChannelParameter<N extends string = string, R extends boolean = boolean>
  extends Common<N, R> {
  readonly kind: 'channel';
}

/** An FAQ entry, by id or title (Discord suggests them as one types). Last, it takes the rest of the line. */
export interface TopicParameter<N extends string = string, R extends boolean = boolean> extends Common<N, R> {
  readonly kind: 'topic';
}

export interface ChoiceParameter<
  N extends string = string,
  R extends boolean = boolean,
  V extends string = string,
> extends Common<N, R> {
  readonly kind: 'choice';
  readonly choices: readonly V[];
}

export type Parameter =
  | TextParameter
  | IntegerParameter
  | MemberParameter
  | ChannelParameter
  | TopicParameter
  | ChoiceParameter;

/** What one parameter's value is, once read. */
export type ValueOf<P extends Parameter> = P extends IntegerParameter
  ? number
  : P extends ChoiceParameter<string, boolean, infer V>
    ? V
    : string;

/** A command's arguments as its parameters declare them: names, types, and which may be left out. */
export type ArgsOf<Ps extends readonly Parameter[]> = {
  readonly [P in Ps[number] as P['required'] extends true ? P['name'] : never]: ValueOf<P>;
} & {
  readonly [P in Ps[number] as P['required'] extends true ? never : P['name']]?: ValueOf<P>;
};

/** Values as a platform read them, before they are checked against the parameters. */
export type RawArgs = Readonly<Record<string, string | number | undefined>>;

type Described = { readonly description: string; readonly label: string };

export function text<N extends string>(
  name: N,
  options: Described & { readonly maxLength: number },
): TextParameter<N, true> {
  return { kind: 'text', name, required: true, ...options };
}

export function integer<N extends string>(
  name: N,
  options: Described & { readonly min: number; readonly max: number },
): IntegerParameter<N, true> {
  return { kind: 'integer', name, required: true, ...options };
}

export function member<N extends string>(name: N, options: Described): MemberParameter<N, true> {
  return { kind: 'member', name, required: true, ...options };
}

export function channel<N extends string>(name: N, options: Described): ChannelParameter<N, true> {
  return { kind: 'channel', name, required: true, ...options };
}

export function topic<N extends string>(name: N, options: Described): TopicParameter<N, true> {
  return { kind: 'topic', name, required: true, ...options };
}

export function choice<N extends string, V extends string>(
  name: N,
  options: Described & { readonly choices: readonly V[] },
): ChoiceParameter<N, true, V> {
  return { kind: 'choice', name, required: true, ...options };
}

/** The same parameter, which may be left out (platforms must list it after the required ones). */
export function optional<P extends Parameter>(
  parameter: P,
): Omit<P, 'required'> & { readonly required: false } {
  return { ...parameter, required: false };
}

/** Does this parameter, in this place, take the rest of a line of words? */
export function takesRestOfLine(parameters: readonly Parameter[], index: number): boolean {
  const parameter = parameters[index];
  return index === parameters.length - 1 && (parameter?.kind === 'text' || parameter?.kind === 'topic');
}

/**
 * The arguments, checked against the parameters: present when required, numbers where numbers are
 * declared, one of the choices. Ranges and wording are the use case's to judge; this is only the
 * shape. A one-line reason when it does not fit.
 */
export function argsFrom<Ps extends readonly Parameter[]>(
  parameters: Ps,
  values: RawArgs,
): ArgsOf<Ps> | string {
  const args: Record<string, string | number> = {};
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (value === undefined) {
      if (parameter.required) return en.argumentMissing(parameter.label);
      continue;
    }
    const wanted = parameter.kind === 'integer' ? 'number' : 'string';
    if (typeof value !== wanted)
      return wanted === 'number'
        ? en.argumentNotNumber(parameter.label)
        : en.argumentNotText(parameter.label);
    if (parameter.kind === 'choice' && !parameter.choices.some((one) => one === value))
      return en.argumentNotChoice(parameter.label, parameter.choices);
    args[parameter.name] = value;
  }
  // Each value was checked against its parameter just above, which is what ArgsOf says of it.
  return args as ArgsOf<Ps>;
}
