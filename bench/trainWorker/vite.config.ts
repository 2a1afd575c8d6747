// The page of bench/trainWorker.bench.ts: the app's digits asset and its Content-Security-Policy (meta tag in the
// build, header from preview), so the worker is started and the file fetched under the app's rules.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { CSP, cspPlugin } from '../../build/csp.ts';
import { mnistDigits } from '../../build/mnist.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [cspPlugin(), mnistDigits()],
  base: './',
  logLevel: 'warn',
  // Its own dependency cache, so a dev server of this page never replaces the app's (node_modules/.vite).
  cacheDir: join(tmpdir(), 'vite-bench-train-worker'),
  build: { target: 'es2022' },
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
});
