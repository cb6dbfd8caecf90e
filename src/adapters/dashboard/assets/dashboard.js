// The dashboard's only script (the Content-Security-Policy allows no other): draws each
// <canvas data-chart="…"> with Chart.js from the configuration the server wrote into it.
/* global Chart */

function drawCharts() {
  if (typeof Chart === 'undefined') return;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const config = JSON.parse(canvas.dataset.chart);
    new Chart(canvas, config);
    canvas.dataset.drawn = 'true';
  }
}

document.addEventListener('DOMContentLoaded', drawCharts);
