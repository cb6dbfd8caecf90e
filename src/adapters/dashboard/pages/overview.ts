import type { Overview } from '../../../core/dashboard/overview.js';
import { type ChartConfig, helpfulChart, questionsChart, topicsChart } from '../../charts/chart-config.js';
import { type Html, html } from '../html.js';
import { type PageFrame, page } from './layout.js';

// Questions per day by outcome, the helpful ratio and the top topics over the last 30 days, as
// charts (drawn by Chart.js from each canvas's data-chart) with the figures as a table beside them.

function chart(config: ChartConfig, label: string): Html {
  return html`<div class="chart"><canvas role="img" aria-label="${label}" data-chart="${JSON.stringify(config)}"></canvas></div>`;
}

const percent = (ratio: number | null) => (ratio === null ? 'no votes yet' : `${Math.round(ratio * 100)}%`);

export function overviewPage(frame: PageFrame, overview: Overview): Html {
  const { total } = overview;
  const figures: [string, string | number][] = [
    ['Questions', total.questions],
    ['Answered', total.answered],
    ['Clarified', total.clarified],
    ['Abstained', total.abstained],
    ['Escalated', total.escalated],
    ['Helpful ratio', percent(overview.helpfulRatio)],
  ];
  return page(
    `Last ${overview.days.length} days`,
    '/',
    frame,
    html`<section class="figures">${figures.map(
      ([label, value]) =>
        html`<div class="figure"><span class="value">${value}</span><span class="label">${label}</span></div>`,
    )}</section>
${chart(questionsChart(overview), 'Questions per day by outcome')}
<div class="two">
${chart(helpfulChart(overview), 'Helpful ratio per day')}
${chart(topicsChart(overview), 'Top topics')}
</div>
<details><summary>The figures day by day</summary>
<table><thead><tr><th>Day</th><th>Asked</th><th>Answered</th><th>Clarified</th><th>Abstained</th><th>Escalated</th><th>Helpful</th><th>Not helpful</th></tr></thead>
<tbody>${[...overview.days]
      .reverse()
      .map(
        (day) =>
          html`<tr><td>${day.day}</td><td>${day.questions}</td><td>${day.answered}</td><td>${day.clarified}</td><td>${day.abstained}</td><td>${day.escalated}</td><td>${day.helpful}</td><td>${day.notHelpful}</td></tr>`,
      )}</tbody></table>
</details>`,
  );
}
