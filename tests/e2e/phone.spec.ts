// On a phone: a tap explains a number wherever it is on the screen, the panel's Edit button edits it, hints speak of
// tapping rather than keys, and the player's icons are drawn, not taken from fonts that may lack them.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PHONE = { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true };
const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');
const cellLoc = (page: Page, m: string, r: number, c: number) => page.locator(`.lesson [role="grid"][data-matrix="${m}"] [data-r="${r}"][data-c="${c}"]`);

/** Scrolls the page so the element's top is at `y` in the viewport. */
const scrollTo = (el: Locator, y: number) => el.evaluate((e, y) => window.scrollBy(0, e.getBoundingClientRect().top - y), y);

/** Taps the middle of an element where it is, without the scrolling into view that Locator.tap does first. */
async function tapInPlace(page: Page, el: Locator) {
  const b = (await el.boundingBox())!;
  await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
}

/** Opens the default lesson, scrolls the cell to `y` px down the screen and taps it there; returns the cell. */
async function tapCellAt(page: Page, m: string, r: number, c: number, y: number) {
  await page.goto('./');
  await ready(page);
  const cell = cellLoc(page, m, r, c);
  await scrollTo(cell, y);
  await tapInPlace(page, cell);
  return cell;
}

/** Whether the element's middle is what a tap there reaches (nothing, such as the sticky panel, lies over it). */
const reachable = (el: Locator) =>
  el.evaluate((e) => {
    const b = e.getBoundingClientRect();
    const top = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return !!top && e.contains(top);
  });

test.describe('a 375×800 touch screen', () => {
  test.use(PHONE);

  for (const [m, r, c] of [
    ['x', 1, 1],
    ['dY', 1, 0],
    ['dX', 1, 2],
  ] as const) {
    test(`tapping ${m}[${r},${c}] in the lower part of the screen explains it and keeps it in sight`, async ({ page, errors }) => {
      void errors;
      // 650 px down an 800 px screen: where the panel, sticking to the bottom, opens.
      const cell = await tapCellAt(page, m, r, c, 650);
      await expect(page.locator('.derivation .derivation-body')).toHaveAttribute('data-cell', `${m}:${r},${c}`);
      await expect(cell).toBeFocused();
      // The tapped cell scrolls clear of the panel, so its outlined inputs and the explanation are seen together.
      await expect.poll(() => reachable(cell)).toBe(true);
    });
  }

  test('the panel’s Edit button edits the tapped cell; the new value is used', async ({ page, errors }) => {
    void errors;
    const cell = await tapCellAt(page, 'x', 1, 1, 650);
    const edit = page.locator('.derivation').getByRole('button', { name: 'Edit x[1,1]' });
    await expect(edit).toBeVisible();
    await tapInPlace(page, edit);
    const input = cell.locator('input');
    await expect(input).toBeFocused();
    // The old value is selected, so typing replaces it.
    expect(await input.evaluate((e: HTMLInputElement) => [e.selectionStart, e.selectionEnd, e.value.length])).toEqual([0, 2, 2]);
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    await expect(cell).toHaveAttribute('data-value', '2.5');
    await expect(page.locator('.derivation [data-testid="derivation-value"]')).toHaveText('2.5');
    await expect(cell).toBeFocused();
  });

  test('cells that cannot be edited offer no Edit button', async ({ page, errors }) => {
    void errors;
    await tapCellAt(page, 'y', 0, 0, 300);
    await expect(page.locator('.derivation .derivation-body')).toHaveAttribute('data-cell', 'y:0,0');
    await expect(page.locator('.derivation').getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  });

  test('hints and button names say tap, never a key', async ({ page, errors }) => {
    void errors;
    await page.goto('./?step=0');
    await ready(page);
    const keys = /\b(Press|Enter|Tab|Home|End|Space|PageUp|PageDown)\b|[←→]/;
    await expect(page.locator('[data-testid="narration"] .narration-text')).toHaveText(/^Tap Play/);
    await expect(page.locator('.derivation .hint')).toHaveText(/^Tap any number/);
    const said = await page.evaluate(() => [
      document.querySelector('[data-testid="narration"]')!.textContent!,
      document.querySelector('.derivation')!.textContent!,
      ...[...document.querySelectorAll('.player button, [role="grid"]')].map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''),
    ]);
    expect(said.filter((s) => keys.test(s))).toEqual([]);
    await page.getByRole('button', { name: 'Jump to end' }).tap();
    await expect(page.locator('[data-testid="narration"] .narration-text')).toHaveText(/Tap the first button of the player/);
  });
});

test('with a mouse and keyboard, the hints name the keys', async ({ page, errors }) => {
  void errors;
  await page.goto('./?step=0');
  await ready(page);
  await expect(page.locator('[data-testid="narration"] .narration-text')).toHaveText(/^Press → or Play/);
  await expect(page.locator('.derivation .hint')).toHaveText(/Tab and the arrow keys/);
  await expect(page.getByRole('button', { name: 'Jump to start (Home)' })).toBeAttached();
});

/** Characters of Unicode's media-control block (⏩ to ⏺), which the shipped fonts do not cover. */
const MEDIA_CONTROLS = /[\u23E9-\u23FA]/u;

for (const [what, use] of [
  ['a laptop', { viewport: { width: 1366, height: 768 } }],
  ['a phone', PHONE],
] as const) {
  test.describe(`on ${what}`, () => {
    test.use(use);
    test('no text or accessible name uses a media-control character; the player’s icons are aria-hidden SVG', async ({ page, errors }) => {
      void errors;
      const found = () =>
        page.evaluate((re) => {
          const rx = new RegExp(re, 'u');
          const out: string[] = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) if (rx.test(n.nodeValue ?? '')) out.push(n.nodeValue!);
          for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
            for (const a of ['aria-label', 'title', 'placeholder']) if (rx.test(el.getAttribute(a) ?? '')) out.push(`${a}: ${el.getAttribute(a)}`);
          return out;
        }, MEDIA_CONTROLS.source);
      for (const q of ['./?step=0', './?step=3', './', './?lang=en-XA&step=0', './?lang=en-XA']) {
        await page.goto(q);
        await ready(page);
        expect(await found(), q).toEqual([]);
      }
      const icons = page.locator('.player-controls button svg');
      expect(await icons.count()).toBeGreaterThanOrEqual(5);
      for (const svg of await icons.all()) await expect(svg).toHaveAttribute('aria-hidden', 'true');
      // Every icon-only button is named from the catalogue.
      for (const b of await page.locator('.player-controls button:has(svg)').all()) expect((await b.getAttribute('aria-label')) ?? (await b.textContent())!.trim()).not.toBe('');
    });
  });
}
