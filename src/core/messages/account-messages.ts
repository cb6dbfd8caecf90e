import { en, type Messages } from './en.js';
import { esAccount } from './es.js';

/** The sentences about a member's own account, in one language. */
export type AccountMessages = Messages['account'];

/** The languages the core itself speaks about an account, by primary language subtag. */
const BY_LANGUAGE: Readonly<Record<string, AccountMessages>> = {
  en: en.account,
  es: esAccount,
};

/** The account sentences for a BCP 47 tag ("es", "es-MX"), or null when the catalogue lacks it. */
export function accountMessagesIn(language: string): AccountMessages | null {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(BY_LANGUAGE, primary) ? (BY_LANGUAGE[primary] ?? null) : null;
}
