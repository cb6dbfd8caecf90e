/**
 * A question longer than this is refused rather than matched: real questions are a few sentences,
 * and a wall of text is usually a paste the bot cannot answer well. Discord's own message limit is 2000.
 */
export const MAX_QUESTION_CHARS = 2000;
