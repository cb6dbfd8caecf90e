import type { Overview } from '../../core/dashboard/overview.js';

// The overview's charts as Chart.js configurations: plain data (no functions), so that the same
// configuration is drawn by Chart.js in the moderator's browser and, on the server, into the PNG
// that `/connects-mod stats` attaches in Discord and Slack.

export interface ChartConfig {
  readonly type: 'bar' | 'line';
  readonly data: {
    readonly labels: readonly string[];
    readonly datasets: readonly Record<string, unknown>[];
  };
  readonly options: Record<string, unknown>;
}

/** Colours that stay apart for colour-blind readers (Okabe-Ito). */
const COLOURS = {
  answered: '#009E73',
  clarified: '#56B4E9',
  abstained: '#E69F00',
  escalated: '#D55E00',
  helpful: '#0072B2',
  topic: '#CC79A7',
};

/** "11-27" for a day: the month and day, enough on a 30-day axis. */
const shortDay = (day: string) => day.slice(5);

/** A topic's title short enough for an axis label on a phone. */
const shortTitle = (title: string) => (title.length > 32 ? `${title.slice(0, 31)}…` : title);

/** Questions per day, each bar split by what the bot did (escalations drawn as a line over them). */
export function questionsChart(overview: Overview): ChartConfig {
  const days = overview.days;
  const bar = (label: string, colour: string, values: number[]) => ({
    type: 'bar',
    label,
    data: values,
    backgroundColor: colour,
    stack: 'outcome',
  });
  return {
    type: 'bar',
    data: {
      labels: days.map((day) => shortDay(day.day)),
      datasets: [
        bar(
          'answered',
          COLOURS.answered,
          days.map((day) => day.answered),
        ),
        bar(
          'clarified',
          COLOURS.clarified,
          days.map((day) => day.clarified),
        ),
        bar(
          'abstained',
          COLOURS.abstained,
          days.map((day) => day.abstained),
        ),
        {
          type: 'line',
          label: 'escalated',
          data: days.map((day) => day.escalated),
          borderColor: COLOURS.escalated,
          backgroundColor: COLOURS.escalated,
          pointRadius: 2,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: `Questions per day, last ${days.length} days` } },
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
}

/** The share of "helpful" among members' votes, day by day (gaps on days without votes). */
export function helpfulChart(overview: Overview): ChartConfig {
  const days = overview.days;
  return {
    type: 'line',
    data: {
      labels: days.map((day) => shortDay(day.day)),
      datasets: [
        {
          label: 'helpful votes, %',
          data: days.map((day) => {
            const votes = day.helpful + day.notHelpful;
            return votes === 0 ? null : Math.round((100 * day.helpful) / votes);
          }),
          borderColor: COLOURS.helpful,
          backgroundColor: COLOURS.helpful,
          spanGaps: true,
          pointRadius: 3,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { title: { display: true, text: 'Helpful ratio' } },
      scales: { y: { min: 0, max: 100 } },
    },
  };
}

/** The topics answered most often over the period. */
export function topicsChart(overview: Overview): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: overview.topTopics.map((topic) => shortTitle(topic.title)),
      datasets: [
        {
          label: 'answers',
          data: overview.topTopics.map((topic) => topic.count),
          backgroundColor: COLOURS.topic,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      indexAxis: 'y',
      plugins: { title: { display: true, text: 'Top topics' }, legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}
