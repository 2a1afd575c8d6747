// The Jacobian view's sparsity pattern at the largest preset (B=32,
// N=16384, T=100: dY/dW has 5.24·10⁹ entries) in a real browser: the time
// from picking the preset to the pattern on the canvas, the draw call alone
// at several zoom levels, and the memory it adds. Target: under 100 ms.
//
// Run: npm run build && npm run bench:jacobian        (prints a Markdown table)
//      npm run bench:jacobian -- --write              (also records it in bench/README.md)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { median, quantile, withPage } from './browser.ts';

const REPS = 15;
const TARGET_MS = 100;

/** After a full garbage collection: the JS heap in use and the ArrayBuffer backing stores (typed arrays, ImageData), in bytes. */
async function memory(page: Page): Promise<{ heap: number; buffers: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { heap: u.usedSize, buffers: u.backingStorageSize ?? 0 };
}

// In-page code is passed as strings: tsx would otherwise wrap functions in a helper the page lacks.
/** Checks a preset's radio and resolves with the ms until the canvas has drawn it, and the draw call's own ms. */
const pickAndWait = (preset: string) => `new Promise((resolve) => {
  const canvas = document.querySelector('[data-testid="sparsity-canvas"]');
  const before = Number(canvas.dataset.draws || 0);
  const input = document.querySelector('input[name="jac-size"][value="${preset}"]');
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (Number(canvas.dataset.draws) > before) {
      obs.disconnect();
      resolve({ total: performance.now() - t0, draw: Number(canvas.dataset.drawMs) });
    }
  });
  obs.observe(canvas, { attributes: true });
  input.click();
})`;

/** Presses a key on the canvas and resolves with the draw call's ms once it has redrawn. */
const keyAndWait = (key: string) => `new Promise((resolve) => {
  const canvas = document.querySelector('[data-testid="sparsity-canvas"]');
  const before = Number(canvas.dataset.draws || 0);
  const obs = new MutationObserver(() => {
    if (Number(canvas.dataset.draws) > before) {
      obs.disconnect();
      resolve(Number(canvas.dataset.drawMs));
    }
  });
  obs.observe(canvas, { attributes: true });
  canvas.focus();
  canvas.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));
})`;

interface Result {
  label: string;
  pickMedian: number;
  pickP95: number;
  drawMedian: number;
  drawP95: number;
  zoomDrawMedian: number;
  heapMiB: number;
  buffersMiB: number;
  canvas: string;
}

async function measure(page: Page, base: string, label: string, query: string, lin: 'row-major' | 'column-major'): Promise<Result> {
  await page.goto(base + query);
  await page.waitForSelector('[data-testid="sparsity-canvas"][data-draws]');
  await page.locator(`input[name="jac-lin"][value="${lin}"]`).check();
  await page.getByTestId('sparsity-view').scrollIntoViewIfNeeded();
  // Memory: heap before and after the first switch to the largest preset.
  const m0 = await memory(page);
  const first = await page.evaluate<{ total: number; draw: number }>(pickAndWait('image-b32'));
  const m1 = await memory(page);
  const picks: number[] = [first.total];
  const draws: number[] = [first.draw];
  for (let k = 1; k < REPS; k++) {
    await page.evaluate(pickAndWait('mnist'));
    const r = await page.evaluate<{ total: number; draw: number }>(pickAndWait('image-b32'));
    picks.push(r.total);
    draws.push(r.draw);
  }
  // Redraws while zooming in step by step, down to single entries, and back.
  const zoom: number[] = [];
  for (let k = 0; k < REPS; k++) {
    for (const key of ['+', '+', '+', '+', 'Enter', '0']) zoom.push(await page.evaluate<number>(keyAndWait(key)));
  }
  const canvas = await page.getByTestId('sparsity-canvas').evaluate((c) => `${(c as HTMLCanvasElement).width}×${(c as HTMLCanvasElement).height}`);
  return {
    label,
    pickMedian: median(picks),
    pickP95: quantile(picks, 0.95),
    drawMedian: median(draws),
    drawP95: quantile(draws, 0.95),
    zoomDrawMedian: median(zoom),
    heapMiB: (m1.heap - m0.heap) / 2 ** 20,
    buffersMiB: (m1.buffers - m0.buffers) / 2 ** 20,
    canvas,
  };
}

function table(results: Result[], when: string, chromium: string): string {
  const lines = [
    `### Jacobian sparsity view at the largest preset`,
    '',
    `dY/dW at B=32, N=16384, T=100 (3,200 × 1,638,400 = 5.24·10⁹ entries), drawn from its structure; headless Chromium ${chromium}, 1366×900, ${when}. ` +
      `${REPS} runs each. "Pick → drawn" is from checking the preset's radio to the pattern on the canvas (React render + draw); "draw" is the draw call alone ` +
      `(raster from structure, colours, labels). Zoom redraws cover four zoom-ins, the jump to single entries and the reset. Memory is measured after GC, after minus ` +
      `before the first switch: the JS heap, and ArrayBuffer backing stores (the reused density raster and ImageData), which live outside it. Target: under ${TARGET_MS} ms. Run: \`npm run build && npm run bench:jacobian\`.`,
    '',
    '| view | canvas (device px) | pick → drawn, median (ms) | p95 (ms) | draw, median (ms) | draw p95 (ms) | zoom redraw, median (ms) | JS heap added (MiB) | array buffers added (MiB) | under target |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.canvas} | ${r.pickMedian.toFixed(1)} | ${r.pickP95.toFixed(1)} | ${r.drawMedian.toFixed(1)} | ${r.drawP95.toFixed(1)} | ${r.zoomDrawMedian.toFixed(1)} | ${r.heapMiB.toFixed(2)} | ${r.buffersMiB.toFixed(2)} | ${r.pickP95 < TARGET_MS ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** Puts the table under "## Browser benchmarks" in bench/README.md, replacing only an earlier copy of this table. */
function record(text: string) {
  const path = 'bench/README.md';
  let md = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const head = '## Browser benchmarks';
  if (!md.includes(head)) md = `${md.trimEnd()}\n\n${head}\n`;
  const sub = '### Jacobian sparsity view at the largest preset';
  const start = md.indexOf(sub);
  if (start >= 0) {
    // The earlier copy runs to the next heading of level 2 or 3.
    const rest = md.slice(start + sub.length);
    const m = rest.match(/\n#{2,3} /);
    const end = m ? start + sub.length + (m.index ?? 0) + 1 : md.length;
    md = md.slice(0, start) + text + (end < md.length ? '\n' + md.slice(end) : '');
  } else {
    // Append at the end of the browser section.
    const at = md.indexOf(head) + head.length;
    const next = md.slice(at).search(/\n## /);
    const pos = next >= 0 ? at + next + 1 : md.length;
    const before = md.slice(0, pos).trimEnd();
    md = `${before}\n\n${text}${pos < md.length ? '\n' + md.slice(pos) : ''}`;
  }
  writeFileSync(path, md.endsWith('\n') ? md : md + '\n');
  console.log(`Recorded in ${path}.`);
}

async function main() {
  const results: Result[] = [];
  let version = '';
  await withPage(async (page, base) => {
    version = page.context().browser()?.version() ?? '';
    results.push(await measure(page, base, 'row convention, row-major', '?conv=row', 'row-major'));
    results.push(await measure(page, base, 'torch convention, column-major', '?conv=torch', 'column-major'));
    // A high-density screen: four times the pixels.
    const hidpi = await page.context().browser()!.newPage({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 2 });
    results.push(await measure(hidpi, base, 'row convention, row-major, 2× pixel density', '?conv=row', 'row-major'));
    await hidpi.close();
  });
  const when = new Date().toISOString().slice(0, 10);
  const text = table(results, when, version);
  console.log(text);
  if (process.argv.includes('--write')) record(text);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
