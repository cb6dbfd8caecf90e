import { readFileSync } from 'node:fs';
import { entrySchema } from '/work/main/dist/accounts/import-schema.js';
const raw = JSON.parse(readFileSync('/tmp/big.json', 'utf8'));
const entries = raw.accounts.flatMap((a) => a.ledger).slice(0, 100000);
for (let r = 0; r < 3; r++) { const t = performance.now(); for (const e of entries) entrySchema.parse(e); console.log('entrySchema', (performance.now() - t).toFixed(0)); }
