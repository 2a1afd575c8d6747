// Hover (and keyboard focus) to derivation latency in a real browser, with performance marks.
// Run: npm run bench:hover   (builds, then measures in the system Chromium)
//
// For each hover, in the page: mark at dispatch of `mouseover` on a cell; a MutationObserver on the
// derivation panel marks the moment its DOM names that cell (data-cell on .derivation-body), then forces
// style and layout and marks again ("ready": all the main-thread work before the browser can paint it);
// a requestAnimationFrame followed by a message marks the end of the next frame ("painted").
// Target (DESIGN.md): within one frame, 16 ms.
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { median, quantile, withPage } from './browser.ts';

interface Run {
  label: string;
  query: string;
  mode: 'hover' | 'focus';
  /** 'spread': a different cell of each matrix in turn; 'sweep': along the rows of dW, as a pointer moves. */
  path: 'spread' | 'sweep';
}

const RUNS: Run[] = [
  { label: 'default 2×3×2', query: '', mode: 'hover', path: 'spread' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'hover', path: 'spread' },
  { label: 'default 2×3×2', query: '', mode: 'focus', path: 'spread' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'focus', path: 'spread' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'hover', path: 'sweep' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'focus', path: 'sweep' },
  { label: '12×12×12, sigmoid', query: '?B=12&N=12&T=12&act=sigmoid', mode: 'hover', path: 'spread' },
  { label: '12×12×12, sigmoid', query: '?B=12&N=12&T=12&act=sigmoid', mode: 'focus', path: 'spread' },
  { label: '12×12×12, upstream', query: '?B=12&N=12&T=12&loss=upstream', mode: 'hover', path: 'spread' },
];
const HOVERS = 50;
const WARMUP = 5;
/** Each run is repeated on a fresh page and the round with the lowest median kept: other load on the machine only adds time. */
const ROUNDS = 3;
const MATRICES = ['x', 'W', 'b', 'z', 'y', 'L', 'target', 'dY', 'dZ', 'dW', 'db', 'dX'];

/** In-page: measures one hover or focus of the cell, resolving with [ready, dom, painted] in ms. */
const MEASURE = `async ([m, r, c, mode]) => {
  const el = document.querySelector('.lesson [role="grid"][data-matrix="' + m + '"] [data-r="' + r + '"][data-c="' + c + '"]');
  const panel = document.querySelector('.derivation');
  const want = m + ':' + r + ',' + c;
  return await new Promise((resolve) => {
    let dom = 0;
    const mo = new MutationObserver(() => {
      const body = panel.querySelector('.derivation-body');
      if (!body || body.dataset.cell !== want || dom) return;
      mo.disconnect();
      dom = performance.measure('dom', 'start').duration;
      panel.getBoundingClientRect(); // style and layout of the new derivation
      const ready = performance.measure('ready', 'start').duration;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve([ready, dom, performance.measure('painted', 'start').duration]);
        ch.port2.postMessage(0);
      });
    });
    mo.observe(panel, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-cell'] });
    performance.mark('start');
    if (mode === 'hover') el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, view: window }));
    else el.focus();
  });
}`;

/** In-page: every cell of every lesson grid, as [matrix, r, c]. */
const CELLS = `[...document.querySelectorAll('.lesson [role="grid"][data-matrix] [role="gridcell"]')].map((c) => [
  c.closest('[role="grid"]').dataset.matrix, Number(c.dataset.r), Number(c.dataset.c)])`;

/** Cells to visit along the rows of dW, left to right and back, one cell at a time (as a pointer or the arrow keys go). */
function sweep(cells: [string, number, number][], n: number): [string, number, number][] {
  const dW = cells.filter((c) => c[0] === 'dW');
  const cols = Math.max(...dW.map((c) => c[2])) + 1;
  const out: [string, number, number][] = [];
  for (let k = 0; out.length < n; k++) {
    const r = Math.floor(k / cols) % (dW.length / cols);
    const c = r % 2 === 0 ? k % cols : cols - 1 - (k % cols);
    out.push(['dW', r, c]);
  }
  return out;
}

/** Cells to visit: round-robin over the matrices, a different cell of each every time. */
function pick(cells: [string, number, number][], n: number): [string, number, number][] {
  const by = MATRICES.map((m) => cells.filter((c) => c[0] === m)).filter((l) => l.length > 0);
  const out: [string, number, number][] = [];
  for (let k = 0; out.length < n; k++) {
    const list = by[k % by.length];
    const round = Math.floor(k / by.length);
    out.push(list[(round * 7 + 3) % list.length]);
  }
  return out;
}

const fmt = (v: number) => v.toFixed(1);

interface Round {
  ready: number[];
  painted: number[];
  perMatrix: Map<string, number[]>;
}

/** One round of a run: a fresh page, a warm-up, then HOVERS measured hovers or focuses. */
async function round(page: Page, base: string, run: Run): Promise<Round> {
  await page.goto(base + run.query);
  await page.locator('.lesson [data-matrix="dX"]').waitFor();
  const cells = await page.evaluate<[string, number, number][]>(CELLS);
  const plan = run.path === 'sweep' ? sweep(cells, WARMUP + HOVERS) : pick(cells, WARMUP + HOVERS);
  const out: Round = { ready: [], painted: [], perMatrix: new Map() };
  for (const [k, cell] of plan.entries()) {
    const [ready, , painted] = await page.evaluate<[number, number, number]>(`(${MEASURE})(${JSON.stringify([...cell, run.mode])})`);
    if (k >= WARMUP) {
      out.ready.push(ready);
      out.painted.push(painted);
      out.perMatrix.set(cell[0], [...(out.perMatrix.get(cell[0]) ?? []), ready]);
    }
    // Let the page settle: two frames between spread hovers, and 100 ms a cell on a sweep, as a hand moves.
    if (run.path === 'sweep') await page.waitForTimeout(100);
    else await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  }
  return out;
}

async function main() {
  const rows: string[] = [];
  const byMatrix: string[] = [];
  await withPage(async (page, base) => {
    for (const run of RUNS) {
      const rounds: Round[] = [];
      for (let k = 0; k < ROUNDS; k++) rounds.push(await round(page, base, run));
      const best = rounds.reduce((a, b) => (median(b.ready) < median(a.ready) ? b : a));
      const { ready, painted } = best;
      const over = ready.filter((v) => v > 16).length;
      rows.push(
        `| ${run.label} | ${run.mode}, ${run.path} | ${ready.length} | ${fmt(median(ready))} | ${fmt(quantile(ready, 0.95))} | ${fmt(Math.max(...ready))} | ${over} | ${fmt(median(painted))} | ${fmt(quantile(painted, 0.95))} | ${rounds.map((r) => fmt(median(r.ready))).join(' / ')} |`,
      );
      byMatrix.push(`${run.label}, ${run.mode}, ${run.path}: ` + [...best.perMatrix].map(([m, v]) => `${m} ${fmt(median(v))}`).join(', '));
    }
  });
  const load = loadavg()[0].toFixed(1);
  console.log(
    `Hover and focus to derivation: ${HOVERS} cells a round after ${WARMUP} warm-up, best of ${ROUNDS} rounds by median (headless Chromium, production build, 1366×900, load average ${load} on ${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)})\n`,
  );
  console.log('| lesson | event, path | n | ready median (ms) | ready p95 (ms) | ready max (ms) | ready > 16 ms | next paint median (ms) | next paint p95 (ms) | median of each round (ms) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\nMedian "ready" by matrix, best round (ms):\n');
  for (const r of byMatrix) console.log(`- ${r}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
