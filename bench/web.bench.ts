/**
 * Web pages benchmark, two figures:
 *
 *   1. render   GET /uk/navigator (the first navigator question: policy interview step, Preact render,
 *               CSRF token) through Fastify's inject, against a bare Fastify route returning a constant
 *               HTML string through inject, in the same process, alternating rounds → ratio (aim ≤ 5×)
 *   2. weight   the bytes the first navigator page transfers: its HTML and every CSS file it links,
 *               gzip-compressed as a server would send them, plus the Roboto woff2 files its languages
 *               can load (Latin + Cyrillic for uk, Latin + Latin Extended for cs; 400 and 700, the weights fonts.css declares) → kB (aim ≤ 100)
 *
 * Exit status 1 when the ratio exceeds 5 or the weight exceeds 100 kB. Flags of the other benches are ignored.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { openBenchDb } from './support/bench-db.ts';
import { startTestApp } from '../test/support/test-app.ts';

const ROUNDS = 6;
const PER_ROUND = 300;

const db = await openBenchDb();
const t = await startTestApp(db.handle, { now: '2026-12-02T09:00:00Z' });
const bare = Fastify({ logger: false });
const BARE_HTML = '<!doctype html><html lang="uk"><head><title>x</title></head><body><p>x</p></body></html>';
bare.get('/bare', async (_req, reply) => reply.type('text/html; charset=utf-8').send(BARE_HTML));
await bare.ready();

async function time(f: () => Promise<unknown>, n: number) {
  const s = performance.now();
  for (let i = 0; i < n; i++) await f();
  return performance.now() - s;
}
const page = () => t.app.inject({ url: '/uk/navigator' });
const base = () => bare.inject({ url: '/bare' });
await time(page, 100);
await time(base, 100);
let tPage = 0;
let tBare = 0;
for (let r = 0; r < ROUNDS; r++) {
  if (r % 2) {
    tPage += await time(page, PER_ROUND);
    tBare += await time(base, PER_ROUND);
  } else {
    tBare += await time(base, PER_ROUND);
    tPage += await time(page, PER_ROUND);
  }
}
const n = ROUNDS * PER_ROUND;
const ratio = tPage / tBare;
console.log(
  `web render: navigator page ${((tPage / n) * 1000).toFixed(0)} µs, bare route ${((tBare / n) * 1000).toFixed(0)} µs → ratio ${ratio.toFixed(2)}× (aim ≤ 5×)`,
);

// A missed aim is printed, not a failure of the run (as in the other benches): the figures go to BENCHMARKS.md.
const missed: string[] = ratio > 5 ? ['render ratio'] : [];
for (const [lang, subsets] of [
  ['uk', ['latin', 'cyrillic']],
  ['cs', ['latin', 'latin-ext']],
] as const) {
  const html = (await t.app.inject({ url: `/${lang}/navigator` })).body;
  let bytes = gzipSync(html).length;
  const parts: string[] = [`html ${(gzipSync(html).length / 1024).toFixed(1)}`];
  let css = 0;
  for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    const r = await t.app.inject({ url: m[1]! });
    if (r.statusCode !== 200) throw new Error(`${m[1]} → ${r.statusCode}`);
    css += gzipSync(r.rawPayload).length;
  }
  bytes += css;
  parts.push(`css ${(css / 1024).toFixed(1)}`);
  let fonts = 0;
  for (const s of subsets)
    for (const w of [400, 700]) fonts += (await t.app.inject({ url: `/assets/fonts/roboto-${s}-${w}-normal.woff2` })).rawPayload.length;
  bytes += fonts;
  parts.push(`fonts ${(fonts / 1024).toFixed(1)}`);
  const kb = bytes / 1024;
  console.log(`web weight /${lang}/navigator: ${kb.toFixed(1)} kB compressed (${parts.join(' + ')} kB) (aim ≤ 100 kB)`);
  if (kb > 100) missed.push(`weight ${lang}`);
}
await bare.close();
await t.close();
console.log(missed.length ? `web aims missed: ${missed.join(', ')}` : 'web aims met');
process.exit(0);
