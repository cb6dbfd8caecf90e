import { type AttachmentPayload, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Overview } from '../../core/dashboard/overview.js';
import { en } from '../../core/messages/en.js';
import type { Shown } from '../../core/use-cases/services.js';
import { componentsOf, NO_PINGS, splitContent } from './render.js';

/** Discord drops an interaction not acknowledged within 3 s of its creation; defer well before that. */
export const DEFER_AFTER_MS = 1500;

/**
 * Answers one interaction however long the work takes: if it runs past DEFER_AFTER_MS the
 * interaction is deferred (privately, the safe choice) and the answer edits that reply. A deferred
 * reply keeps the visibility it was deferred with, so an answer of the other kind (a slow public
 * answer after a private deferral) follows up, and the placeholder says where it went. Discord
 * gives a follow-up its own visibility only once the deferred reply has been edited.
 */
export class Responder {
  private deferring: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly interaction: RepliableInteraction) {}

  /**
   * Starts the clock; call before the slow part. Timed from the interaction's creation (its id says
   * when), not from when this handler got the event loop: an event that waited behind others is
   * deferred sooner. A host clock behind Discord's never defers later than DEFER_AFTER_MS from now.
   */
  watch(ephemeral: boolean): void {
    const waited = Math.min(DEFER_AFTER_MS, Math.max(0, Date.now() - this.interaction.createdTimestamp));
    this.timer = setTimeout(() => {
      // The error boundary may have answered already (the work failed): then there is nothing to defer.
      if (this.interaction.replied || this.interaction.deferred) return;
      this.deferring = this.interaction
        .deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {})
        // A failed deferral surfaces when the answer is sent, inside the handler's error boundary.
        .catch(() => undefined);
    }, DEFER_AFTER_MS - waited);
    this.timer.unref();
  }

  /** What the core decided to show; an interaction always gets an answer, so never nothing. */
  async show(shown: Shown): Promise<void> {
    if (shown.kind === 'nothing') throw new Error('an interaction must be answered');
    const files = shown.chart === undefined ? [] : [await chartFile(shown.chart)];
    await this.send(splitContent(shown.text), componentsOf(shown.buttons), shown.private, files);
  }

  private async send(
    chunks: readonly string[],
    components: ReturnType<typeof componentsOf>,
    ephemeral: boolean,
    files: readonly AttachmentPayload[],
  ) {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.deferring !== null) await this.deferring;
    const interaction = this.interaction;
    // However it was deferred (here, or by a handler that always defers), discord.js records how.
    const elsewhere =
      interaction.deferred && !interaction.replied && (interaction.ephemeral ?? false) !== ephemeral;
    if (elsewhere)
      await interaction.editReply({ content: en.answeredElsewhere(ephemeral), allowedMentions: NO_PINGS });
    for (const [index, content] of chunks.entries()) {
      const last = index === chunks.length - 1;
      // The chart goes with the first message, beside the figures it draws.
      const body = {
        content,
        allowedMentions: NO_PINGS,
        components: last ? components : [],
        files: index === 0 ? [...files] : [],
      };
      const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
      if (index === 0 && (interaction.deferred || interaction.replied)) {
        if (interaction.replied || elsewhere)
          await interaction.followUp({ ...body, ...(flags ? { flags } : {}) });
        else await interaction.editReply(body);
      } else if (index === 0) {
        await interaction.reply({ ...body, ...(flags ? { flags } : {}) });
      } else {
        await interaction.followUp({ ...body, ...(flags ? { flags } : {}) });
      }
    }
  }
}

/** The stats chart as a PNG attachment (the drawing library loads only when a chart is asked for). */
async function chartFile(chart: Overview): Promise<AttachmentPayload> {
  const { overviewPng, CHART_FILE_NAME, chartDescription } = await import('../charts/overview-png.js');
  return { attachment: overviewPng(chart), name: CHART_FILE_NAME, description: chartDescription(chart) };
}
