import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';
import { en } from '../../core/messages/en.js';
import type { ButtonRow } from '../../core/use-cases/services.js';

// What the core shows, as Discord message payloads: content within Discord's limits, the buttons
// that go under it, and mentions that never ping anyone.

/** Discord's limit for a message's content. */
export const MAX_CONTENT = 2000;
/** An answer longer than this many messages is trimmed: nobody reads a wall of bot posts. */
const MAX_MESSAGES = 3;
const TRIMMED = `\n${en.trimmed}`;

/** Nobody is pinged: not @everyone or @here, not roles, not users, not the member replied to. */
export const NO_PINGS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Splits at paragraph, then line, then word boundaries; never more than MAX_MESSAGES. */
export function splitContent(text: string, limit = MAX_CONTENT): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > limit / 2 ? cut : limit;
    chunks.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  if (chunks.length > MAX_MESSAGES) {
    const kept = chunks.slice(0, MAX_MESSAGES);
    const last = kept[MAX_MESSAGES - 1] as string;
    kept[MAX_MESSAGES - 1] = `${last.slice(0, limit - TRIMMED.length)}${TRIMMED}`;
    return kept;
  }
  return chunks.length === 0 ? [''] : chunks;
}

const STYLES = {
  plain: ButtonStyle.Secondary,
  positive: ButtonStyle.Success,
  primary: ButtonStyle.Primary,
} as const;

/** The core's rows of buttons as Discord components. */
export function componentsOf(rows: readonly ButtonRow[]): APIActionRowComponent<APIButtonComponent>[] {
  return rows.map((row) => ({
    type: ComponentType.ActionRow,
    components: row.map((button) => ({
      type: ComponentType.Button,
      style: STYLES[button.style],
      label: button.label,
      custom_id: button.id,
    })),
  }));
}
