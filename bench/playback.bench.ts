// Playback smoothness in a real browser: frames per second while a step
// animates, and main-thread tasks over 50 ms. Run: npm run build && npm run bench:playback
import { median, quantile, withPage } from './browser.ts';

interface Run {
  label: string;
  query: string;
}

const RUNS: Run[] = [
  { label: 'default 2×3×2, fine', query: '?step=0' },
  { label: '12×12×12, coarse', query: '?B=12&N=12&T=12&step=0' },
  { label: '12×12×12, fine', query: '?B=12&N=12&T=12&step=0' },
];
const STEPS = 12;

async function main() {
  const rows: string[] = [];
  await withPage(async (page, base) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    for (const run of RUNS) {
      await page.goto(base + run.query);
      await page.getByTestId('narration').waitFor();
      if (run.label.endsWith('fine')) await page.selectOption('.grain select', 'fine');
      await page.evaluate(`window.__long = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });`);
      const fps: number[] = [];
      const gaps: number[] = [];
      for (let k = 0; k < STEPS; k++) {
        // Record frame times for the whole animation of one step (0.72 s at speed 1).
        // In-page code is passed as a string: tsx would otherwise wrap named functions in a helper the page lacks.
        const frames = page.evaluate<number[]>(`new Promise((resolve) => {
          const t = [];
          const t0 = performance.now();
          const tick = (now) => { t.push(now); if (now - t0 < 800) requestAnimationFrame(tick); else resolve(t); };
          requestAnimationFrame(tick);
        })`);
        await page.keyboard.press('ArrowRight');
        const t = await frames;
        fps.push(((t.length - 1) * 1000) / (t[t.length - 1] - t[0]));
        for (let i = 1; i < t.length; i++) gaps.push(t[i] - t[i - 1]);
      }
      const long = await page.evaluate<number[]>('window.__long');
      rows.push(
        `| ${run.label} | ${median(fps).toFixed(1)} | ${Math.min(...fps).toFixed(1)} | ${quantile(gaps, 0.95).toFixed(1)} | ${Math.max(...gaps).toFixed(1)} | ${long.length} | ${long.length ? Math.max(...long).toFixed(0) : '–'} |`,
      );
    }
  });
  console.log(`Playback smoothness over ${STEPS} animated steps each (headless Chromium, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| lesson | median fps | worst step fps | p95 frame gap (ms) | max frame gap (ms) | long tasks > 50 ms | longest (ms) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
