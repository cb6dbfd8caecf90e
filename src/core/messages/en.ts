// What the bot says around its answers, in English: to members (buttons, guards, hand-overs) and
// to moderators (why a question reached them). One place, so a wording change or a translation is
// one edit; a new language is a file like this one with the same keys (the type says which).

export const en = {
  buttonRetired: 'That button is no longer in use.',
  questionExpired: 'That question is too old for me to find; please ask again.',
  thanksHelpful: 'Thanks, glad it helped.',
  thanksNotHelpful:
    'Thanks for telling me. A moderator will see it; use "Ask a moderator" if you need an answer now.',
  passedToModerators: 'Thanks, I have passed your question to the moderators. Someone will look at it soon.',
  moderatorsUnreachable: 'I could not reach the moderators from here; please ask in the help channel.',
  emptyMention: 'Ask me a question about Connects, e.g. "when do my free Connects arrive?"',
  emptyMessage: 'That message has no text I can answer.',
  cooldown: (seconds: number) => `One moment please: you can ask again in ${seconds} s.`,
  sorry: 'Sorry, something went wrong on my side. Please try again in a moment, or ask a moderator.',
  /** Why a question reached the moderators. */
  alertFlagged: 'The bot flagged something on this member’s account for a moderator.',
  alertAsked: 'A member asked for a moderator.',
  helpfulButton: 'Helpful',
  notHelpfulButton: 'Not helpful',
  moderatorButton: 'Ask a moderator',
  /** A button under the unanswered list: teach this question as this topic. */
  teachButton: (intent: string, question: string) => `Teach as ${intent}: ${question}`,
} as const;

export type Messages = typeof en;
