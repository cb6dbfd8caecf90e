// What the load benches ask, in turn: short questions on the topics members ask most.
export const QUESTIONS = [
  'do connects expire?',
  'how do I buy connects',
  'when do my free monthly connects arrive',
  'the client cancelled the job, do I get my connects back?',
  'my agency has zero connects, why?',
] as const;
