import type { WebClient } from '@slack/web-api';
import type { Overview } from '../../core/dashboard/overview.js';

// The stats chart on Slack. A slash command's answer (through its response_url) carries no files,
// and a file is never ephemeral, so the PNG goes to the moderator's direct messages with the bot.

export async function sendChartPrivately(client: WebClient, userId: string, chart: Overview): Promise<void> {
  const { overviewPng, CHART_FILE_NAME, chartDescription } = await import('../charts/overview-png.js');
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (channel === undefined) throw new Error('Slack opened no direct message channel');
  await client.files.uploadV2({
    channel_id: channel,
    file: overviewPng(chart),
    filename: CHART_FILE_NAME,
    title: `Questions per day, last ${chart.days.length} days`,
    alt_text: chartDescription(chart),
  });
}
