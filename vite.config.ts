import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/{core,store,ui,embed}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // The slowest test takes about 1.5 s on an idle 2-core machine: ten times under this, so load never makes one fail.
    testTimeout: 15_000,
  },
});
