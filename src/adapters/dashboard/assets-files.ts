import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The dashboard's static files: its own script and stylesheet (src/adapters/dashboard/assets, shipped
// with the package) and Chart.js's browser build from node_modules. Read once, served from memory.

export interface Asset {
  readonly type: string;
  readonly body: Buffer;
}

/** This file sits three folders below the package root, in src/adapters/dashboard/ and dist/adapters/dashboard/. */
const OWN_ASSETS = fileURLToPath(new URL('../../../src/adapters/dashboard/assets/', import.meta.url));

export function loadAssets(): ReadonlyMap<string, Asset> {
  const chartJs = createRequire(import.meta.url).resolve('chart.js');
  const chartUmd = chartJs.replace(/chart\.c?js$/, 'chart.umd.min.js');
  return new Map([
    [
      'dashboard.js',
      { type: 'text/javascript; charset=utf-8', body: readFileSync(`${OWN_ASSETS}dashboard.js`) },
    ],
    ['dashboard.css', { type: 'text/css; charset=utf-8', body: readFileSync(`${OWN_ASSETS}dashboard.css`) }],
    ['chart.umd.min.js', { type: 'text/javascript; charset=utf-8', body: readFileSync(chartUmd) }],
  ]);
}
