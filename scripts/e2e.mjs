// Runs the end-to-end tests in headless Chromium, failing loudly when there is none.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, HOW_TO_INSTALL } from './chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}
if (!existsSync('dist/index.html')) {
  console.error('dist/index.html is missing: run `npm run build` before the browser tests (npm test does).');
  process.exit(1);
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(r.status ?? 1);
