import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { Overview } from '../../core/dashboard/overview.js';
import { questionsChart } from './chart-config.js';

// The overview's main chart as a PNG, drawn by Chart.js on a server-side canvas (Skia, shipped as a
// prebuilt binary: nothing compiles at install), for the platforms that attach it to
// `/connects-mod stats`.

Chart.register(...registerables);

export const CHART_FILE_NAME = 'connects-questions-30-days.png';

/** The image's text for screen readers, and for chat clients that cannot show it. */
export function chartDescription(overview: Overview): string {
  const { total } = overview;
  return `Questions per day over the last ${overview.days.length} days: ${total.questions} in all, ${total.answered} answered, ${total.clarified} clarified, ${total.abstained} abstained, ${total.escalated} escalated.`;
}

const WIDTH = 900;
const HEIGHT = 420;

/** Chat clients show images on dark and light themes alike: the chart gets its own white ground. */
const whiteGround = {
  id: 'white-ground',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export function overviewPng(overview: Overview): Buffer {
  const canvas = createCanvas(WIDTH, HEIGHT);
  const config = questionsChart(overview);
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], {
    ...(config as unknown as ChartConfiguration),
    options: { ...config.options, responsive: false, devicePixelRatio: 1 },
    plugins: [whiteGround],
  });
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
