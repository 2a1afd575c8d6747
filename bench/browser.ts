// Shared harness for browser benchmarks: serves the production build on
// 127.0.0.1 and opens it in the system Chromium.
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, HOW_TO_INSTALL, findChromium } from '../scripts/chromium.mjs';

/**
 * Runs fn with a page on the built app; builds nothing itself (run `npm run build` first). BENCH_DIST serves
 * another build than dist/ (as E2E_DIST does for the browser tests).
 */
export async function withPage<T>(fn: (page: Page, baseUrl: string) => Promise<T>, viewport = { width: 1366, height: 900 }): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  const outDir = process.env.BENCH_DIST ?? 'dist';
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`npm run build\` first.`);
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'silent' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport });
    return await fn(page, `http://127.0.0.1:${port}/`);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
