// Formula boxes fit their formulas: a box scrolls sideways (and becomes a Tab stop announced as scrolling) only when
// its formula really is wider than the box, and no part of a formula is clipped, the loss's ² included.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Every box that holds KaTeX and clips what overflows it. */
const BOXES = '.derivation .line-tex, .derivation .matrix-form, .loss-formula, .narration-tex';

/** For each formula box: the problems with it, measured against its KaTeX. */
const problems = (page: Page) =>
  page.evaluate((sel) => {
    const out: string[] = [];
    for (const box of document.querySelectorAll<HTMLElement>(sel)) {
      const k = box.querySelector('.katex');
      if (!k) continue;
      const b = box.getBoundingClientRect(), kb = k.getBoundingClientRect();
      const name = `${box.className} in ${box.closest('[data-line]')?.getAttribute('data-line') ?? box.parentElement?.className}`;
      // A formula narrower than its box must not make it scroll, nor be cut at either side.
      // (Against the box's own width: clientWidth is rounded to whole pixels, and a box sized to its formula is as wide.)
      const wider = kb.width > b.width + 0.5;
      if (!wider && box.scrollWidth > box.clientWidth) out.push(`${name}: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}`);
      if (!wider && (kb.left < b.left - 0.5 || kb.right > b.right + 0.5)) out.push(`${name}: KaTeX ${kb.left}–${kb.right} outside ${b.left}–${b.right}`);
      // (A linked notation's parts group is a Tab stop of its own: the arrow keys walk its parts.)
      if (!wider && box.tabIndex === 0 && !box.classList.contains('parts')) out.push(`${name}: a Tab stop though it does not scroll`);
      // Nothing is cut off above or below, at any width.
      if (box.scrollHeight > box.clientHeight) out.push(`${name}: scrollHeight ${box.scrollHeight} > clientHeight ${box.clientHeight}`);
      if (kb.top < b.top - 0.5 || kb.bottom > b.bottom + 0.5) out.push(`${name}: KaTeX ${kb.top}–${kb.bottom} outside ${b.top}–${b.bottom}`);
    }
    return out;
  }, BOXES);

const CELLS = ['dW:1,0', 'y:0,1', 'L:0,0', 'dX:1,2', 'x:0,0', 'db:0,1', 'dY:1,1'];

for (const [width, height] of [
  [1366, 768],
  [1280, 720],
  [375, 800],
]) {
  test(`at ${width}×${height} every formula box fits its formula, for ${CELLS.length} cells in two lessons`, async ({ page, errors }) => {
    void errors;
    await page.setViewportSize({ width, height });
    for (const lesson of ['', '&act=sigmoid&loss=softmax-ce']) {
      for (const cell of CELLS) {
        await page.goto(`./?focus=${cell}${lesson}`);
        await page.waitForSelector('[role="grid"][data-matrix="dX"]');
        await expect(page.locator('.derivation .derivation-body')).toHaveAttribute('data-cell', cell);
        // KaTeX may arrive after the first paint: measure once it has typeset the panel and the loss.
        await expect(page.locator('.derivation [data-line="general"] .katex').first()).toBeVisible();
        await expect(page.locator('.loss-formula .katex, .loss-box .muted-text:not(.loss-formula)').first()).toBeVisible();
        await expect(page.locator('.derivation .line-tex').first()).toBeVisible();
        expect(await problems(page), `${cell}${lesson}`).toEqual([]);
      }
    }
  });
}
