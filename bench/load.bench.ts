// Page load against the floor of the stack: the app and a minimal app with the same libraries
// (bench/floor/), built fresh, served from 127.0.0.1 and loaded in headless Chromium in alternation,
// pair by pair, at normal speed and with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate).
// For each load: the JS fetched before the load event (raw and gzip), FCP, LCP and CLS.
// Run: npm run bench:load   (or npx tsx bench/load.bench.ts --rounds=15 --query='?B=4' --rates=4 --app-dist=/tmp/other-build)
// Target (DESIGN.md): initial JS no larger than the floor's, LCP at most 1.1× the floor's, CLS under 0.05.
import { readFileSync, mkdtempSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, HOW_TO_INSTALL, findChromium } from '../scripts/chromium.mjs';
import { median, quantile } from './browser.ts';
import { PROBE_INIT, readProbe } from './loadProbe.ts';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const ROUNDS = Number(arg('rounds', '15'));
const QUERY = arg('query', '');
const RATES = arg('rates', '1,4').split(',').map(Number);
/** A build of the app to measure instead of building one (for comparing builds). */
const APP_DIST = arg('app-dist', '');
const VIEWPORT = { width: 1366, height: 768 };
/** After the formulas are typeset and the fonts are in, how long to keep watching for late shifts and paints. */
const SETTLE_MS = 1000;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves a directory on 127.0.0.1 as it is (no compression, no caching headers). */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
    }),
  );
}

interface Sample {
  jsRaw: number;
  jsGzip: number;
  jsFiles: number;
  fcp: number;
  lcp: number;
  lcpElement: string;
  cls: number;
  katexAt: number;
}

/** One fresh load of a page (its own browser context, so nothing is cached) at a CPU slow-down. */
async function load(browser: Browser, url: string, dir: string, rate: number): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(PROBE_INIT);
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('.katex').first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(SETTLE_MS);
    const r = await readProbe(page);
    const js = r.resources.filter((x) => x.beforeLoad && x.path.endsWith('.js'));
    const gz = js.map((x) => gzipSync(readFileSync(join(dir, x.path.replace(/^\//, '')))).length);
    return {
      jsRaw: js.reduce((a, x) => a + x.bytes, 0),
      jsGzip: gz.reduce((a, b) => a + b, 0),
      jsFiles: js.length,
      fcp: r.fcp ?? NaN,
      lcp: r.lcp?.t ?? NaN,
      lcpElement: r.lcp?.element ?? '',
      cls: r.cls,
      katexAt: r.katexAt ?? NaN,
    };
  } finally {
    await context.close();
  }
}

const kb = (b: number) => `${(b / 1000).toFixed(1)} kB`;
const ms = (v: number) => v.toFixed(0);
const mostCommon = (xs: string[]) => [...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length] as const).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  const out = mkdtempSync(join(tmpdir(), 'load-bench-'));
  const appDir = APP_DIST ? resolve(APP_DIST) : resolve(out, 'app');
  const floorDir = resolve(out, 'floor');
  const started = loadavg()[0];
  if (!APP_DIST) await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
  await build({ configFile: 'bench/floor/vite.config.ts', build: { outDir: floorDir, emptyOutDir: true } });
  const app = await serve(appDir);
  const floor = await serve(floorDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const samples = new Map<string, Sample[]>();
  const push = (key: string, s: Sample) => samples.set(key, [...(samples.get(key) ?? []), s]);
  try {
    for (let k = 0; k < ROUNDS; k++) {
      for (const rate of RATES) {
        // Alternate which of the pair goes first, so neither always meets a warmer machine.
        const order = k % 2 === 0 ? (['app', 'floor'] as const) : (['floor', 'app'] as const);
        for (const which of order) {
          const s = which === 'app' ? await load(browser, app.url + QUERY, appDir, rate) : await load(browser, floor.url, floorDir, rate);
          push(`${which}@${rate}`, s);
        }
      }
      process.stderr.write(`round ${k + 1}/${ROUNDS}\n`);
    }
  } finally {
    await browser.close();
    app.server.close();
    floor.server.close();
  }
  const ended = loadavg()[0];
  console.log(
    `Page load, app${QUERY ? ` (${QUERY})` : ''} against the floor app: ${ROUNDS} pairs at each CPU rate, headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `served from 127.0.0.1 without compression, ${new Date().toISOString().slice(0, 10)}, load average ${started.toFixed(1)} at the start and ${ended.toFixed(1)} at the end on ${cpus().length} CPUs\n`,
  );
  console.log('| CPU | page | JS before load (files, raw, gzip) | FCP median (ms) | LCP median (ms) | LCP best (ms) | LCP element (most often) | CLS median / max | first formula typeset, median (ms) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const ratios: string[] = [];
  for (const rate of RATES) {
    for (const which of ['app', 'floor']) {
      const s = samples.get(`${which}@${rate}`) ?? [];
      const m = (f: (x: Sample) => number) => median(s.map(f));
      console.log(
        `| ${rate}× | ${which} | ${m((x) => x.jsFiles)}, ${kb(m((x) => x.jsRaw))}, ${kb(m((x) => x.jsGzip))} | ${ms(m((x) => x.fcp))} | ${ms(m((x) => x.lcp))} | ${ms(Math.min(...s.map((x) => x.lcp)))} | \`${mostCommon(s.map((x) => x.lcpElement))}\` | ${m((x) => x.cls).toFixed(4)} / ${Math.max(...s.map((x) => x.cls)).toFixed(4)} | ${ms(m((x) => x.katexAt))} |`,
      );
    }
    const a = samples.get(`app@${rate}`) ?? [];
    const f = samples.get(`floor@${rate}`) ?? [];
    const pair = (g: (x: Sample) => number) => a.map((x, i) => g(x) / g(f[i]));
    const lcp = pair((x) => x.lcp);
    const best = (xs: Sample[]) => Math.min(...xs.map((x) => x.lcp));
    ratios.push(
      `| ${rate}× | ${median(pair((x) => x.jsGzip)).toFixed(2)} | ${median(pair((x) => x.fcp)).toFixed(2)} | ${median(lcp).toFixed(2)} | ${quantile(lcp, 0.25).toFixed(2)}–${quantile(lcp, 0.75).toFixed(2)} | ${Math.min(...lcp).toFixed(2)}–${Math.max(...lcp).toFixed(2)} | ${(median(a.map((x) => x.lcp)) / median(f.map((x) => x.lcp))).toFixed(2)} | ${(best(a) / best(f)).toFixed(2)} | ${lcp.filter((r) => r <= 1.1).length} of ${lcp.length} |`,
    );
  }
  console.log('\nRatios app / floor, pair by pair (each app load over the floor load next to it), median of the pairs:\n');
  console.log('| CPU | JS gzip | FCP | LCP | LCP middle half | LCP range | LCP, ratio of medians | LCP, ratio of bests | pairs with LCP ≤ 1.1× |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of ratios) console.log(r);
  rmSync(out, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
