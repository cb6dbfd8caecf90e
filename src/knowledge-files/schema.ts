import { z } from 'zod';

// The shapes of the files in knowledge/. Cross-file rules (fact ids exist, intents are unique,
// contract intents are present) live in validate.ts; these only say what one file may hold.

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'must be lower-case words joined by dots or dashes');
const text = z.string().trim().min(1, 'must not be empty');
const phrase = z.string().trim().min(1, 'must not be empty').max(300, 'is longer than 300 characters');
// Examples are members' posts, which may run to several paragraphs (the bot reads up to 2,000 characters).
const post = z.string().trim().min(1, 'must not be empty').max(2000, 'is longer than 2,000 characters');

export const policyFileSchema = z.strictObject({
  facts: z
    .array(
      z.strictObject({
        id,
        title: text,
        text,
        effective: z.iso.date().or(z.date().transform((date) => date.toISOString().slice(0, 10))),
      }),
    )
    .min(1),
  numbers: z.record(
    z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'must be a camelCase name'),
    z.strictObject({ value: z.number().positive(), fact: id, unit: text }),
  ),
});

export const synonymsFileSchema = z.strictObject({
  synonyms: z.record(text, z.array(phrase).min(1)),
  misspellings: z.record(
    z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word'),
    z.string().regex(/^[a-z0-9 ]+$/, 'must be lower-case words'),
  ),
});

export const faqPartSchema = z.strictObject({
  case: id,
  text,
  signals: z.array(phrase).default([]),
  examples: z.array(phrase).default([]),
});

export const faqEntrySchema = z.strictObject({
  id,
  title: text,
  answer: text,
  facts: z.array(id).min(1, 'must cite at least one fact'),
  keywords: z.array(phrase).min(1),
  examples: z.array(post).min(8, 'needs at least 8 example questions to be matched reliably'),
  followups: z.array(id).default([]),
  parts: z.array(faqPartSchema).default([]),
});

export const outOfScopeFileSchema = z.strictObject({
  examples: z.array(post).min(1),
});

export type PolicyFile = z.infer<typeof policyFileSchema>;
export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
export type FaqEntryFile = z.infer<typeof faqEntrySchema>;
export type OutOfScopeFile = z.infer<typeof outOfScopeFileSchema>;
