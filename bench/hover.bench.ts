// Hover (and keyboard focus) to derivation latency in a real browser, with performance marks.
// Run: npm run bench:hover   (builds, then measures in the system Chromium)
//
// For each hover, in the page: mark at dispatch of `mouseover` on a cell; a MutationObserver on the
// derivation panel marks the moment its DOM names that cell (data-cell on .derivation-body), then forces
// style and layout and marks again ("ready": all the main-thread work before the browser can paint it);
// a requestAnimationFrame followed by a message marks the end of the next frame ("painted").
// Target (DESIGN.md): within one frame, 16 ms.
import { median, quantile, withPage } from './browser.ts';

interface Run {
  label: string;
  query: string;
  mode: 'hover' | 'focus';
}

const RUNS: Run[] = [
  { label: 'default 2×3×2', query: '', mode: 'hover' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'hover' },
  { label: 'default 2×3×2', query: '', mode: 'focus' },
  { label: '12×12×12', query: '?B=12&N=12&T=12', mode: 'focus' },
];
const HOVERS = 50;
const WARMUP = 5;
const MATRICES = ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX'];

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

async function main() {
  const rows: string[] = [];
  const slowest: string[] = [];
  await withPage(async (page, base) => {
    for (const run of RUNS) {
      await page.goto(base + run.query);
      await page.locator('.lesson [data-matrix="dX"]').waitFor();
      const cells = await page.evaluate<[string, number, number][]>(CELLS);
      const plan = pick(cells, WARMUP + HOVERS);
      const ready: number[] = [], dom: number[] = [], painted: number[] = [];
      const perMatrix = new Map<string, number[]>();
      for (const [k, cell] of plan.entries()) {
        const [rd, dm, pt] = await page.evaluate<[number, number, number]>(`(${MEASURE})(${JSON.stringify([...cell, run.mode])})`);
        if (k < WARMUP) continue;
        ready.push(rd);
        perMatrix.set(cell[0], [...(perMatrix.get(cell[0]) ?? []), rd]);
        dom.push(dm);
        painted.push(pt);
        // Let the page settle for two frames, as between two real pointer moves.
        await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      }
      const over = ready.filter((v) => v > 16).length;
      slowest.push(
        `${run.label}, ${run.mode}: ` +
          [...perMatrix].map(([m, v]) => `${m} ${fmt(median(v))}`).join(', '),
      );
      rows.push(
        `| ${run.label} | ${run.mode} | ${ready.length} | ${fmt(median(dom))} | ${fmt(median(ready))} | ${fmt(quantile(ready, 0.95))} | ${fmt(Math.max(...ready))} | ${over} | ${fmt(median(painted))} | ${fmt(quantile(painted, 0.95))} |`,
      );
    }
  });
  console.log(`Hover and focus to derivation, ${HOVERS} cells per run after ${WARMUP} warm-up (headless Chromium, production build, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| lesson | event | n | DOM median (ms) | ready median (ms) | ready p95 (ms) | ready max (ms) | ready > 16 ms | next paint median (ms) | next paint p95 (ms) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\nMedian "ready" by matrix (ms):\n');
  for (const r of slowest) console.log(`- ${r}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
