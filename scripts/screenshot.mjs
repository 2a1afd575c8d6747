// Takes a screenshot of the built app in headless Chromium, for looking at what was built.
// Usage: node scripts/screenshot.mjs <query> <out.png> [width] [height] [full=1] [hover-selector]
// Serves nothing itself: start `npm run preview` (127.0.0.1:4173) or set BASE. CLICK names an element to click first
// (the derivation's code toggle, say).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const [, , query = '', out = 'screenshot.png', w = '1366', h = '900', full = '1', hover = ''] = process.argv;
const base = process.env.BASE ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
const errors = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
await page.goto(`${base}${query}`);
// WAIT names what to wait for (the lesson's dX grid unless told): the training view has none.
await page.waitForSelector(process.env.WAIT ?? '[data-matrix="dX"]');
if (process.env.CLICK) await page.click(process.env.CLICK);
if (hover) {
  await page.hover(hover);
  await page.waitForTimeout(300);
}
await page.waitForTimeout(Number(process.env.SETTLE ?? 300));
await page.screenshot({ path: out, fullPage: full === '1' });
console.log(errors.length ? `errors: ${errors.join('\n')}` : 'no console errors');
await browser.close();
