// Layout: the lesson fits a laptop screen, reflows to a phone without horizontal scrolling,
// and every number fits its cell.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 740 };

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Cells whose number is wider than the cell, with both widths. */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.lesson [role="gridcell"]')].flatMap((c) => {
      const span = c.querySelector('span');
      if (!span) return [];
      const inner = span.getBoundingClientRect().width;
      return inner > c.clientWidth + 0.5 ? [`${c.getAttribute('aria-label')}: ${inner.toFixed(1)} > ${c.clientWidth}`] : [];
    }),
  );

test.describe('phone width, 375 px', () => {
  test.use({ viewport: PHONE });
  for (const [what, q] of [
    ['the default lesson', './'],
    ['the default lesson with a derivation', './?focus=dW:1,0'],
    ['the loss derivation', './?focus=L:0,0&B=4&T=3'],
    ['12×12×12', './?B=12&N=12&T=12'],
    ['12×12×12 with a derivation', './?B=12&N=12&T=12&focus=y:11,11'],
    ['12×12×12 column, explaining the loss', './?B=12&N=12&T=12&conv=column&focus=L:0,0'],
    ['notices', './?B=40&conv=foo&x=1,2;3&W=1e999&focus=dW:99,99'],
  ]) {
    test(`no horizontal scrolling: ${what}`, async ({ page, errors }) => {
      void errors;
      await page.goto(q);
      await ready(page);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
    });
  }

  test('a hovered number’s derivation is on screen', async ({ page, errors }) => {
    void errors;
    await page.goto('./');
    await ready(page);
    const cell = page.locator('[data-matrix="dW"] [data-r="1"][data-c="0"]');
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await expect(page.locator('.derivation-body')).toHaveAttribute('data-cell', 'dW:1,0');
    // The panel's result line can be read without scrolling away from the grid.
    await expect(page.locator('.derivation [data-line="result"]')).toBeInViewport();
    await expect(cell).toBeInViewport();
  });

  test('every number fits its cell at 12×12×12', async ({ page, errors }) => {
    void errors;
    await page.goto('./?B=12&N=12&T=12&loss=softmax-ce');
    await ready(page);
    expect(await overflowing(page)).toEqual([]);
  });
});

test.describe('laptop, 1366×768', () => {
  test.use({ viewport: LAPTOP });
  for (const conv of ['row', 'torch', 'column']) {
    test(`${conv}: the default lesson's grids are all above the fold, with a derivation showing`, async ({ page, errors }) => {
      void errors;
      await page.goto(`./?conv=${conv}&focus=dW:0,0`);
      await ready(page);
      await expect(page.locator('.derivation [data-line="result"]')).toBeVisible();
      const bottoms = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.lesson [role="grid"]')].map((g) => [g.dataset.matrix, Math.round(g.getBoundingClientRect().bottom)] as const),
      );
      expect(bottoms.length).toBe(10);
      for (const [m, bottom] of bottoms) expect(bottom, `${m} ends at ${bottom}px`).toBeLessThanOrEqual(LAPTOP.height);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      // The whole derivation panel is on screen too.
      const panel = await page.locator('.derivation').boundingBox();
      expect(panel!.y + panel!.height).toBeLessThanOrEqual(LAPTOP.height);
    });
  }

  test('every number fits its cell at 12×12×12', async ({ page, errors }) => {
    void errors;
    for (const q of ['./?B=12&N=12&T=12', './?B=12&N=12&T=12&loss=softmax-ce&seed=3']) {
      await page.goto(q);
      await ready(page);
      expect(await overflowing(page)).toEqual([]);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
    }
  });
});

test('grids off screen are skipped until they come near it, and keep their size meanwhile: nothing moves as they are drawn', async ({ page, errors }) => {
  void errors;
  await page.setViewportSize(LAPTOP);
  await page.goto('./?B=12&N=12&T=12&act=tanh');
  await ready(page);
  // The backward pass starts below the fold, so its grids are not drawn yet.
  const skipped = await page.evaluate(() => getComputedStyle(document.querySelector('.pass .grid')!).contentVisibility);
  expect(skipped).toBe('auto');
  const boxes = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.pass .grid')].map((g) => ({ m: g.dataset.matrix, w: Math.round(g.getBoundingClientRect().width), h: Math.round(g.getBoundingClientRect().height) })));
  const before = await boxes();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // Scroll through the page, a screen at a time, so every grid is drawn.
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const after = await boxes();
  // Each grid keeps the size it held, to the pixel (rounding aside): the estimate is its content box, the grid's
  // padding comes on top of it. (Six pixels too many, the padding counted twice, moved the backward pass on load.)
  for (const [k, b] of before.entries()) {
    expect(after[k].m).toBe(b.m);
    expect(Math.abs(after[k].h - b.h), `${b.m} changed height: ${b.h} → ${after[k].h}`).toBeLessThanOrEqual(1);
    expect(Math.abs(after[k].w - b.w), `${b.m} changed width: ${b.w} → ${after[k].w}`).toBeLessThanOrEqual(1);
  }
});
