// Button ids carry what the click means and the question it is about; Discord allows 100 characters.

export type ButtonAction =
  | { readonly kind: 'feedback'; readonly verdict: 'helpful' | 'not-helpful'; readonly questionId: string }
  | { readonly kind: 'moderator'; readonly questionId: string }
  | { readonly kind: 'pick'; readonly intent: string; readonly questionId: string }
  /** A moderator teaches an unanswered question to the entry the bot guessed. */
  | { readonly kind: 'teach'; readonly intent: string; readonly questionId: string };

/** The first part of every button id: a platform listens for ids that start with one of these. */
export const BUTTON_ID_PREFIXES = ['fb', 'mod', 'pick', 'teach'] as const;

export function buttonId(action: ButtonAction): string {
  switch (action.kind) {
    case 'feedback':
      return `fb:${action.verdict}:${action.questionId}`;
    case 'moderator':
      return `mod:${action.questionId}`;
    case 'pick':
      return `pick:${action.intent}:${action.questionId}`;
    case 'teach':
      return `teach:${action.intent}:${action.questionId}`;
  }
}

export function parseButtonId(id: string): ButtonAction | undefined {
  const [kind, first, second] = id.split(':');
  if (kind === 'fb' && (first === 'helpful' || first === 'not-helpful') && second) {
    return { kind: 'feedback', verdict: first, questionId: second };
  }
  if (kind === 'mod' && first) return { kind: 'moderator', questionId: first };
  if (kind === 'pick' && first && second) return { kind: 'pick', intent: first, questionId: second };
  if (kind === 'teach' && first && second) return { kind: 'teach', intent: first, questionId: second };
  return undefined;
}
