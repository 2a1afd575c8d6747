// Layout at the sizes people use: an operation's arrow stays on the line of the grid it points at, a refused edit's
// message does not widen its grid, the sparsity pattern's axis numbers stay inside the canvas, and the scrubber's
// phase names never run into each other.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');
const LESSONS = ['./', './?act=sigmoid', './?conv=column&loss=softmax-ce', './?B=4&N=5&T=3&act=relu', './?loss=upstream'];

/** Arrows that do not sit on the line of the grid after them, with where each is. */
const strandedArrows = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.pass .arrow')].flatMap((a) => {
      const next = a.nextElementSibling;
      const label = a.textContent;
      if (!next) return [`${label}: nothing after it`];
      const ab = a.getBoundingClientRect(), nb = next.getBoundingClientRect();
      const mid = (ab.top + ab.bottom) / 2;
      return mid > nb.top && mid < nb.bottom && ab.right <= nb.left + 0.5 ? [] : [`${label}: arrow ${JSON.stringify(ab)}, next ${JSON.stringify(nb)}`];
    }),
  );

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
  [1024, 768],
  [375, 800],
]) {
  test(`at ${width}×${height} every arrow is on the line of the grid it points at`, async ({ page, errors }) => {
    void errors;
    await page.setViewportSize({ width, height });
    for (const q of LESSONS) {
      await page.goto(q);
      await ready(page);
      expect(await strandedArrows(page), q).toEqual([]);
    }
  });
}

for (const [width, height] of [
  [1280, 720],
  [1366, 768],
]) {
  test(`at ${width}×${height} a refused edit’s message wraps inside x’s figure and moves no grid sideways`, async ({ page, errors }) => {
    void errors;
    await page.setViewportSize({ width, height });
    await page.goto('./');
    await ready(page);
    // KaTeX arrives after the first paint and may change a heading's height by a pixel: measure once it has typeset.
    await expect(page.locator('.pass.forward h2 .katex')).toBeVisible();
    const boxes = () =>
      page.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
        const [x, W, y] = ['.matrix-x', '.matrix-W', '.matrix-y'].map(box);
        return { xWidth: x.width, Wleft: W.left, Wtop: W.top, yLeft: y.left, yTop: y.top };
      });
    const cell = page.locator('[data-matrix="x"] [data-r="0"][data-c="1"]');
    await cell.focus();
    await page.keyboard.press('Enter');
    const before = await boxes();
    await cell.locator('input').fill('not a number, typed in by someone in a hurry');
    await page.keyboard.press('Enter');
    const message = page.locator('.matrix-x .edit-error');
    await expect(message).toBeVisible();
    const after = await boxes();
    expect(after.xWidth).toBeCloseTo(before.xWidth, 1);
    expect([after.Wleft, after.Wtop, after.yLeft]).toEqual([before.Wleft, before.Wtop, before.yLeft]);
    // y stays on its line: the message only makes the first line taller, below y's own top when they share it.
    if (before.yTop === before.Wtop) expect(after.yTop).toBe(before.yTop);
    const mb = (await message.boundingBox())!, fb = (await page.locator('.matrix-x').boundingBox())!;
    expect(mb.x + mb.width).toBeLessThanOrEqual(fb.x + fb.width + 0.5);
  });
}

/** Records every number drawn on a sparsity canvas with its inked box in canvas pixels. */
const recordCanvasText = () => {
  const w = window as unknown as { __texts: { text: string; box: number[]; size: number[] }[] };
  w.__texts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
    if (this.canvas.classList.contains('jac-canvas') && /^[\d,]+$/.test(text)) {
      const m = this.measureText(text);
      const squeeze = maxWidth !== undefined && m.width > maxWidth ? maxWidth / m.width : 1;
      const t = this.getTransform();
      const left = x - m.actualBoundingBoxLeft * squeeze, right = x + m.actualBoundingBoxRight * squeeze;
      const top = y - m.actualBoundingBoxAscent, bottom = y + m.actualBoundingBoxDescent;
      w.__texts.push({ text, box: [t.a * left + t.e, t.d * top + t.f, t.a * right + t.e, t.d * bottom + t.f], size: [this.canvas.width, this.canvas.height] });
    }
    return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth);
  };
};

for (const [width, height] of [
  [1280, 720],
  [375, 800],
]) {
  test(`at ${width}×${height} every axis number of the sparsity pattern is inside its canvas, for every preset`, async ({ page, errors }) => {
    void errors;
    await page.setViewportSize({ width, height });
    await page.addInitScript(recordCanvasText);
    await page.goto('./');
    await ready(page);
    // The Jacobian view loads as it comes into sight.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    for (const preset of [/MNIST layer/, /128×128 image, B=1\b/, /128×128 image, B=32/]) {
      await page.getByRole('radio', { name: preset }).check();
      await page.locator('.jac-canvas').scrollIntoViewIfNeeded();
      await page.evaluate(() => ((window as unknown as { __texts: unknown[] }).__texts = []));
      // Redrawn at a new width: the labels then land elsewhere.
      await page.setViewportSize({ width: width - 7, height });
      await expect.poll(() => page.evaluate(() => (window as unknown as { __texts: unknown[] }).__texts.length)).toBeGreaterThan(4);
      const texts = await page.evaluate(() => (window as unknown as { __texts: { text: string; box: number[]; size: number[] }[] }).__texts);
      const outside = texts.filter(({ box: [l, t, r, b], size: [w, h] }) => l < 0 || t < 0 || r > w || b > h);
      expect(outside, String(preset)).toEqual([]);
      await page.setViewportSize({ width, height });
    }
  });
}

/** Visible phase names that overlap each other or are cut by their marker. */
const clashingMarkers = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.scrubber .marker')].filter((m) => getComputedStyle(m.querySelector('.marker-name') ?? m).visibility !== 'hidden');
    const out: string[] = [];
    for (const m of shown) if (m.scrollWidth > m.clientWidth) out.push(`${m.textContent} is cut: ${m.scrollWidth} > ${m.clientWidth}`);
    const names = shown.map((m) => ({ t: m.textContent, b: (m.querySelector('.marker-name') ?? m).getBoundingClientRect() }));
    for (let k = 1; k < names.length; k++) if (names[k].b.left < names[k - 1].b.right) out.push(`${names[k - 1].t} runs into ${names[k].t}`);
    return out;
  });

test('at 375 px the scrubber’s phase names never overlap; a name with no room is hidden, the phase buttons still name it', async ({ page, errors }) => {
  void errors;
  await page.setViewportSize({ width: 375, height: 800 });
  let hid = 0;
  for (const q of [...LESSONS, './?B=4&T=3', './?B=8&N=6&T=5', './?B=12&N=12&T=12&grain=fine']) {
    await page.goto(q);
    await ready(page);
    expect(await clashingMarkers(page), q).toEqual([]);
    hid += await page.locator('.scrubber .marker.cramped').count();
    await expect(page.getByRole('group', { name: 'Jump to a phase' }).getByRole('button', { name: 'Backward' })).toBeVisible();
  }
  // Some lesson here has a phase too short for its name at this width.
  expect(hid).toBeGreaterThan(0);
});
