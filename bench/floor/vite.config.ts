// The floor app's build (bench/load.bench.ts): Vite's defaults with React, as a new project gets them,
// and the app's own target and font rule so only the code differs.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { noInlineFonts } from '../../build/fonts.ts';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  // One chunk on purpose: the floor is what the libraries cost unsplit (Vite would warn it is over 500 kB).
  build: { target: 'es2022', chunkSizeWarningLimit: 1000, assetsInlineLimit: noInlineFonts },
});
