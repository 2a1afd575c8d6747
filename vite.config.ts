import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { CSP, cspPlugin } from './build/csp.ts';
import { devEmbedClient } from './build/devEmbed.ts';
import { noInlineFonts } from './build/fonts.ts';
import { mnistDigits } from './build/mnist.ts';
import { prerenderPlugin } from './build/prerender.ts';

export default defineConfig({
  plugins: [react(), cspPlugin(), devEmbedClient(), mnistDigits(), prerenderPlugin()],
  base: './',
  server: { host: '127.0.0.1' },
  // The build's policy as a header too, so the e2e suite runs the app under it (build/csp.ts).
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CSP } },
  // Fonts stay files on the app's origin, never data: URIs (build/fonts.ts).
  build: {
    target: 'es2022',
    sourcemap: true,
    assetsInlineLimit: noInlineFonts,
    // Code shared by several chunks in one chunk, not one per set of importers: the first screen then loads a few
    // files that compress well, rather than many small ones that each compress alone (load.spec.ts's budget).
    // The exporters are left out of it: only lazily loaded views share them, and in the shared chunk they would come
    // with the first screen. So are the catalogue's later parts (src/ui/strings/en/lazy/), which only later views bring.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2, test: /^(?!.*[\\/]src[\\/]((core|ui)[\\/]export|ui[\\/]strings[\\/]en[\\/]lazy)[\\/])/ }] } } },
  },
  test: {
    include: ['tests/{core,store,tour,train,ui,embed,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // The slowest ordinary test takes about 3 s on an idle 2-core machine and 13 s with that machine's load average at
    // 12; the exhaustive sweeps (every cell's LaTeX through KaTeX) set their own, longer timeouts.
    testTimeout: 60_000,
  },
});
