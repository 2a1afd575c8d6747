// Does training in the worker leave the main thread free? Builds bench/trainWorker/ (a page with the app's digits
// asset and Content-Security-Policy), serves it from 127.0.0.1 with the policy as a header too, and in the system
// Chromium trains MNIST 3 epochs in chunks of 25 updates, in the worker and then in the page, while a 4 ms timer
// ticks on the main thread. Run with `npx tsx bench/trainWorker.bench.ts` (see bench/README.md, Training).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, HOW_TO_INSTALL, findChromium } from '../scripts/chromium.mjs';
import type { FrameProbe } from './trainWorker/probe.ts';

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 3);

interface Probe extends FrameProbe {
  testAccuracy: number | null;
}
interface Result {
  error?: string;
  digits: number;
  loadMs: number;
  progressReports: number;
  postMs: number;
  startPostMs: number;
  startWorkerMs: number;
  startInPageMs: number;
  inWorker: Probe;
  inPage: Probe;
  bitIdentical: boolean;
  refused: string;
  violations: string[];
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  const outDir = mkdtempSync(join(tmpdir(), 'bench-train-worker-'));
  await build({ configFile: 'bench/trainWorker/vite.config.ts', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile: 'bench/trainWorker/vite.config.ts', build: { outDir }, preview: { port: 0, strictPort: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 4173}/`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const [l1, l5] = loadavg();
  console.log(`${new Date().toISOString()}  load average ${l1.toFixed(2)} ${l5.toFixed(2)}  Chromium ${browser.version()}  ${ROUNDS} fresh pages\n`);
  console.log('| page | where | ms for 3 epochs | longest gap between 4 ms ticks | p99 gap | long tasks | their ms | test accuracy |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  const notes: string[] = [];
  try {
    for (let k = 1; k <= ROUNDS; k++) {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 300_000 });
      const r = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Result;
      await page.close();
      if (r.error) throw new Error(`page ${k}: ${r.error}`);
      for (const [where, p] of [['worker', r.inWorker], ['page', r.inPage]] as const) {
        console.log(`| ${k} | ${where} | ${p.ms.toFixed(0)} | ${p.maxGapMs.toFixed(1)} | ${p.p99GapMs.toFixed(1)} | ${p.longTasks} | ${p.longTaskMs.toFixed(0)} | ${p.testAccuracy} |`);
      }
      notes.push(
        `page ${k}: ${r.digits} digits fetched in ${r.loadMs.toFixed(0)} ms (${r.progressReports} progress reports); sending the dataset to the worker took ${r.postMs.toFixed(1)} ms of the page; ` +
          `the seeded start: ${r.startInPageMs.toFixed(0)} ms of the page in the page, against ${r.startPostMs.toFixed(2)} ms of the page to ask the worker (answered after ${r.startWorkerMs.toFixed(0)} ms); ` +
          `worker and page runs bit-identical: ${r.bitIdentical}; a bad learning rate: ${r.refused}; CSP violations: ${r.violations.length ? r.violations.join(', ') : 'none'}; uncaught errors: ${errors.length ? errors.join(', ') : 'none'}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`\n${notes.join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
