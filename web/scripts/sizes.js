// Prints the gzipped size of what the first page load fetches (index.html's scripts and styles)
// and fails the build when JavaScript and CSS together pass the 150 KB budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET = 150 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const assets = readdirSync(join(dist, 'assets')).map((name) => `assets/${name}`);
let total = 0;
for (const file of [...new Set([...referenced, ...assets.filter((a) => /\.(js|css)$/.test(a))])]) {
  const bytes = readFileSync(join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(`${file.padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  ${(gzipped / 1024).toFixed(1).padStart(6)} KB gzipped`);
}
console.log(`first load, JS + CSS: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (total > BUDGET) {
  console.error('Over the first-load budget of 150 KB gzipped JS + CSS.');
  process.exit(1);
}
