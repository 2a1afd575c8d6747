// Tour latency in a real browser: from a key press (PageDown, as a clicker sends it) to the next stop fully drawn.
// Run: npm run bench:tour   (builds, then measures in the system Chromium; BENCH_DIST=dir serves another build)
//
// For each press, in the page: mark at dispatch of the keydown on window; a MutationObserver on the tour bar marks
// the moment its counter names the next stop, then forces style and layout ("ready": all the main-thread work
// before the browser can paint it, the lesson's grids included, which change in the same commit); a
// requestAnimationFrame followed by a message marks the end of the next frame ("painted"). For a stop one step on,
// which the player animates, the frames of the animation are timed too. Target: within 100 ms, or 60 fps animating.
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { encodeTour } from '../src/tour/codec.ts';
import type { Tour } from '../src/tour/format.ts';
import { median, quantile, withPage } from './browser.ts';

const STOPS = 25;
const WARMUP = 3;
const ROUNDS = 3;

interface Run {
  label: string;
  kind: string;
  tour: Tour;
}

/** A tour of STOPS stops made by `state(k)`. */
const tourOf = (state: (k: number) => Record<string, string>): Tour => ({ title: 'Bench', stops: Array.from({ length: STOPS }, (_, k) => ({ state: state(k), caption: `Stop ${k + 1}: $\\partial L/\\partial W_{${k % 3},0}$` })) });

function runs(size: Record<string, string>, label: string, cells: [number, number]): Run[] {
  return [
    { label, kind: 'cut (another lesson: seed)', tour: tourOf((k) => ({ ...size, seed: String(k + 1) })) },
    { label, kind: 'focus only', tour: tourOf((k) => ({ ...size, focus: `dW:${k % cells[0]},${(k * 7) % cells[1]}` })) },
    { label, kind: 'one step on (animated)', tour: tourOf((k) => ({ ...size, step: String(k), grain: 'fine' })) },
  ];
}

const RUNS: Run[] = [...runs({}, 'default 2×3×2', [3, 2]), ...runs({ B: '12', N: '12', T: '12' }, '12×12×12', [12, 12])];

/** In-page: presses PageDown and resolves with [ready, painted, frames (ms), longest frame (ms)] for stop `want`. */
const MEASURE = `async (want) => {
  const bar = document.querySelector('[data-testid="tour-bar"]');
  const count = () => bar.querySelector('[data-testid="tour-count"]').textContent;
  return await new Promise((resolve) => {
    let ready = 0;
    const mo = new MutationObserver(() => {
      if (ready || count() !== want) return;
      mo.disconnect();
      document.body.getBoundingClientRect();
      ready = performance.measure('ready', 'start').duration;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const painted = performance.measure('painted', 'start').duration;
          // The frames of the step's animation, if any: 800 ms of requestAnimationFrame.
          const t0 = performance.now();
          let last = t0, longest = 0, frames = 0;
          const tick = (now) => {
            longest = Math.max(longest, now - last);
            last = now;
            frames++;
            if (now - t0 < 800) requestAnimationFrame(tick);
            else resolve([ready, painted, frames, longest]);
          };
          requestAnimationFrame(tick);
        };
        ch.port2.postMessage(0);
      });
    });
    mo.observe(bar, { subtree: true, childList: true, characterData: true });
    performance.mark('start');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }));
  });
}`;

const fmt = (v: number) => v.toFixed(1);

async function round(page: Page, base: string, run: Run): Promise<{ ready: number[]; painted: number[]; longest: number[]; animating: boolean }> {
  await page.goto(`${base}?tour=${encodeTour(run.tour)}`);
  await page.locator('[data-testid="tour-bar"]').waitFor();
  await page.locator('.lesson [data-matrix="dX"]').waitFor();
  // KaTeX arrives after the first paint; wait for it so every caption is typeset as a class would see it.
  await page.locator('[data-testid="tour-caption"] .katex').waitFor();
  const out = { ready: [] as number[], painted: [] as number[], longest: [] as number[], animating: false };
  for (let k = 1; k < STOPS; k++) {
    const [ready, painted, , longest] = await page.evaluate<[number, number, number, number]>(`(${MEASURE})(${JSON.stringify(`stop ${k + 1} of ${STOPS}`)})`);
    if (k > WARMUP) {
      out.ready.push(ready);
      out.painted.push(painted);
      out.longest.push(longest);
    }
  }
  out.animating = run.kind.includes('animated');
  return out;
}

async function main() {
  const rows: string[] = [];
  await withPage(async (page, base) => {
    for (const run of RUNS) {
      const rounds = [];
      for (let k = 0; k < ROUNDS; k++) rounds.push(await round(page, base, run));
      const best = rounds.reduce((a, b) => (median(b.painted) < median(a.painted) ? b : a));
      const over = best.painted.filter((v) => v > 100).length;
      const frames = best.animating ? `${fmt(quantile(best.longest, 0.95))}` : '–';
      rows.push(`| ${run.label} | ${run.kind} | ${best.ready.length} | ${fmt(median(best.ready))} | ${fmt(median(best.painted))} | ${fmt(quantile(best.painted, 0.95))} | ${fmt(Math.max(...best.painted))} | ${over} | ${frames} |`);
    }
  });
  console.log(`Tour: key press to the next stop drawn (ms), Chromium ${cpus()[0]?.model ?? ''}, load ${loadavg()[0].toFixed(1)}`);
  console.log('| lesson | move | presses | ready median | painted median | painted p95 | painted max | over 100 ms | longest frame p95 while animating |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

void main();
