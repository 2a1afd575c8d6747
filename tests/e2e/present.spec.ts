// Presentation mode, as an instructor uses it: turned on by the header's button, by P and by present=1; type large
// enough for a lecture hall at 1280×720 and using the width at 1920×1080; a clicker's keys never scroll the page;
// blank, spotlight, size, fullscreen and Escape's layers; forced colours; axe.
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

/** Opens a link and waits for the stage and the typeset narration. */
async function open(page: Page, q: string) {
  await page.goto(q);
  await page.waitForSelector('[data-testid="present"] [role="grid"]');
  await expect(page.locator('.narration-tex .katex')).toBeVisible();
}

/**
 * Every visible text node of the page: its font size, whether it is a grid's number, and where it lies. Hidden
 * text (display none, visibility hidden, a closed layer, text clipped away for screen readers) is left out.
 */
const texts = (page: Page) =>
  page.evaluate(() => {
    const out: { text: string; size: number; grid: boolean; box: { l: number; t: number; r: number; b: number } }[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (el.closest('.sr-only, .katex-mathml, script, style, option')) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible') continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      out.push({ text: n.textContent.trim().slice(0, 30), size: parseFloat(cs.fontSize), grid: el.closest('[role="gridcell"]') !== null, box: { l: r.left, t: r.top, r: r.right, b: r.bottom } });
    }
    return out;
  });

/** Elements in presentation mode that clip or scroll what they hold (their content is larger than their box). */
const clipped = (page: Page) =>
  page.evaluate(() =>
    [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('[data-testid="present"], [data-testid="present"] *')].flatMap((el) => {
      if (el.closest('.sr-only, .katex-mathml, .katex')) return [];
      const cs = getComputedStyle(el);
      const scrolls = el === document.scrollingElement || cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
      const wide = el.scrollWidth > el.clientWidth + 1, tall = el.scrollHeight > el.clientHeight + 1;
      return scrolls && (wide || tall) ? [`${el.className || el.tagName}: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`] : [];
    }),
  );

/** Grid numbers wider than their cells. */
const squeezed = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="present"] [role="gridcell"]')].flatMap((c) => {
      const span = c.querySelector('span');
      const w = span?.getBoundingClientRect().width ?? 0;
      return w > c.clientWidth + 0.5 ? [`${c.getAttribute('aria-label')}: ${w.toFixed(1)} > ${c.clientWidth}`] : [];
    }),
  );

const scrolled = (page: Page) => page.evaluate(() => [window.scrollX, window.scrollY, document.querySelector('[data-testid="present"]')!.scrollTop]);

test.describe('type sizes', () => {
  for (const [w, h, grid, other] of [
    [1280, 720, 28, 20],
    [1920, 1080, 42, 30],
  ] as const) {
    test(`at ${w}×${h} with the default lesson: grid numbers ≥ ${grid} px, all else ≥ ${other} px, nothing clipped`, async ({ page, errors }) => {
      void errors;
      await page.setViewportSize({ width: w, height: h });
      await open(page, './?present=1');
      const all = await texts(page);
      const nums = all.filter((x) => x.grid);
      expect(nums.length).toBeGreaterThanOrEqual(16);
      expect(nums.filter((x) => x.size < grid - 0.01).map((x) => `${x.text} ${x.size}px`)).toEqual([]);
      expect(all.filter((x) => !x.grid && x.size < other - 0.01).map((x) => `${x.text} ${x.size}px`)).toEqual([]);
      // Every text on the screen, none past its edges; no box scrolls or clips, and every number fits its cell.
      expect(all.filter((x) => x.box.l < -0.5 || x.box.t < -0.5 || x.box.r > w + 0.5 || x.box.b > h + 0.5).map((x) => x.text)).toEqual([]);
      expect(await clipped(page)).toEqual([]);
      expect(await squeezed(page)).toEqual([]);
      // It uses the width: the stage and the derivation reach from edge to edge.
      const body = (await page.locator('.present-main').boundingBox())!;
      expect(body.width).toBeGreaterThan(w - 40);
      const derivation = (await page.locator('.derivation').boundingBox())!;
      expect(derivation.x + derivation.width).toBeGreaterThan(w - 30);
    });
  }
});

test('at 1280×720 a focused cell’s whole derivation fits beside the stage: nothing scrolls, clips or leaves the screen', async ({ page, errors }) => {
  void errors;
  await page.setViewportSize({ width: 1280, height: 720 });
  // The longest derivations: weight and input gradients (two-term sums with a matrix form and its shapes, the
  // transposed one in torch), through an activation, and the loss.
  for (const q of ['focus=dW:1,0', 'conv=torch&focus=dW:1,0', 'conv=column&focus=dX:1,0', 'act=relu&focus=dZ:0,1', 'act=sigmoid&focus=dW:0,1', 'focus=y:0,1', 'loss=softmax-ce&focus=L:0,0']) {
    await open(page, `./?present=1&${q}`);
    await expect(page.locator('.derivation .katex').first()).toBeVisible();
    await expect(page.locator('.derivation .tex-text')).toHaveCount(0);
    expect(await clipped(page), q).toEqual([]);
    const off = (await texts(page)).filter((x) => x.box.b > 720.5 || x.box.r > 1280.5).map((x) => x.text);
    expect(off, q).toEqual([]);
  }
});

test('with the code shown, nothing in the derivation scrolls sideways or passes the screen’s right edge: long lines wrap', async ({ page, errors }) => {
  void errors;
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The longest code: softmax cross-entropy's lines in column, PyTorch's statements and its check against autograd, an einsum.
    for (const q of ['conv=column&loss=softmax-ce&focus=L:0,0', 'conv=column&loss=softmax-ce&focus=dY:1,0', 'conv=torch&act=sigmoid&focus=dW:1,0', 'conv=column&focus=dX:1,0', 'update=0.1&focus=Wn:0,1']) {
      await open(page, `./?present=1&${q}`);
      await page.locator('.derivation .code-toggle').click();
      await expect(page.locator('.derivation [data-line="code"] .code-line').first()).toBeVisible();
      const sideways = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.derivation, .derivation *')].flatMap((el) => {
          if (el.closest('.sr-only, .katex-mathml')) return [];
          const x = getComputedStyle(el).overflowX;
          return x !== 'visible' && el.scrollWidth > el.clientWidth + 1 ? [`${el.className || el.tagName}: ${el.scrollWidth} in ${el.clientWidth}`] : [];
        }),
      );
      expect(sideways, `${w}×${h} ${q}`).toEqual([]);
      const past = (await texts(page)).filter((x) => x.box.r > w + 0.5).map((x) => x.text);
      expect(past, `${w}×${h} ${q}`).toEqual([]);
      // At 1280×720 softmax cross-entropy's long lines do not fit the panel: they wrap onto a second line.
      if (w === 1280 && q.endsWith('L:0,0')) {
        const wrapped = await page.locator('.derivation [data-line="code"] .code-line').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(e).lineHeight)).length);
        expect(wrapped).toBeGreaterThan(0);
      }
    }
  }
});

test('the header’s button, P, Escape and the Leave button turn the mode on and off, and the link says present=1', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
  await page.getByRole('button', { name: /^Present/ }).click();
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page).toHaveURL(/[?&]present=1/);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present')).toHaveCount(0);
  await expect(page).not.toHaveURL(/present=/);
  await page.keyboard.press('p');
  await expect(page.getByTestId('present')).toBeVisible();
  await page.getByRole('button', { name: /Leave presentation/ }).click();
  await expect(page.getByTestId('present')).toHaveCount(0);
  await page.keyboard.press('Shift+P');
  await expect(page.getByTestId('present')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('present')).toHaveCount(0);
});

test('a clicker steps the player and never scrolls the page, wherever the focus is', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1&step=3');
  const count = page.locator('.step-count');
  await expect(count).toHaveText(/Step 3 of 13/);
  for (const [key, after] of [
    ['PageDown', 4],
    ['ArrowRight', 5],
    ['PageUp', 4],
    ['ArrowLeft', 3],
  ] as const) {
    await page.keyboard.press(key);
    await expect(count).toHaveText(new RegExp(`Step ${after} of 13`));
    expect(await scrolled(page), key).toEqual([0, 0, 0]);
  }
  // On a grid, the step keys the grid does not use (Space, the page keys) still never scroll.
  await page.locator('[data-matrix="x"] [role="gridcell"]').first().focus();
  for (const key of ['Space', 'PageDown', 'PageUp', 'Space']) {
    await page.keyboard.press(key);
    expect(await scrolled(page), key).toEqual([0, 0, 0]);
  }
  // '.' and B blank and unblank, on the grid too (an editable grid would take '.' to start an edit).
  await page.keyboard.press('.');
  await expect(page.getByTestId('present-blank')).toBeVisible();
  await expect(page.locator('[data-matrix] input')).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(page.getByTestId('present-blank')).toHaveCount(0);
  expect(await scrolled(page)).toEqual([0, 0, 0]);
});

test('B or . blanks the whole screen and brings it back; Escape does too', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1');
  for (const key of ['b', '.', 'B']) {
    await page.keyboard.press(key);
    const blank = page.getByTestId('present-blank');
    await expect(blank).toBeVisible();
    expect(await blank.boundingBox()).toEqual({ x: 0, y: 0, width: 1366, height: 900 });
    expect(await blank.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(0, 0, 0)');
    // Nothing behind it can be reached by Tab or a screen reader while it is blank.
    expect(await page.locator('.present-main').getAttribute('inert')).not.toBeNull();
    await page.keyboard.press(key === 'B' ? 'Escape' : key);
    await expect(blank).toHaveCount(0);
  }
  await expect(page.getByTestId('present')).toBeVisible();
});

test('S spotlights the explained cell, the cells it depends on and the derivation; Escape leaves one layer at a time', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1&focus=dW:1,0');
  await page.keyboard.press('s');
  const opacity = (sel: string) => page.locator(sel).evaluateAll((els) => els.map((e) => Number(getComputedStyle(e).opacity)));
  await expect.poll(() => opacity('[data-testid="present"] [role="gridcell"]:not(.active, .dep)')).toEqual(expect.arrayContaining([0.15]));
  expect(new Set(await opacity('[data-testid="present"] [role="gridcell"]:not(.active, .dep)'))).toEqual(new Set([0.15]));
  // Lit: dL/dW[1,0] and the x and dL/dy it is made from (two each), and the derivation.
  expect(await opacity('[data-testid="present"] [role="gridcell"]:is(.active, .dep)')).toEqual([1, 1, 1, 1, 1]);
  expect(await opacity('.derivation')).toEqual([1]);
  // Escape leaves the spotlight first, then the blank screen, then the mode.
  await page.keyboard.press('b');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-blank')).toBeVisible();
  await expect(page.getByRole('button', { name: /Spotlight/ })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present-blank')).toHaveCount(0);
  await expect(page.getByTestId('present')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present')).toHaveCount(0);
});

test('+ and − size the mode, and so do its two buttons', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1');
  const cell = page.locator('[data-testid="present"] [role="gridcell"]').first();
  const size = () => cell.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const at100 = await size();
  await page.keyboard.press('+');
  await expect(page.locator('.present-scale')).toHaveText('Size 115 %');
  expect(await size()).toBeCloseTo(at100 * 1.15, 1);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.locator('.present-scale')).toHaveText('Size 90 %');
  await page.getByRole('button', { name: 'A+ larger (+)' }).click();
  await expect(page.locator('.present-scale')).toHaveText('Size 100 %');
  await page.getByRole('button', { name: 'A− smaller (−)' }).click();
  await expect(page.locator('.present-scale')).toHaveText('Size 90 %');
});

test('F goes fullscreen (or says why not), and Escape leaves fullscreen before the mode', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1');
  await page.keyboard.press('f');
  const full = () => page.evaluate(() => document.fullscreenElement !== null);
  await expect.poll(async () => (await full()) || (await page.locator('.present-status').textContent())).toBeTruthy();
  if (await full()) {
    await page.keyboard.press('Escape');
    await expect.poll(full).toBe(false);
    await expect(page.getByTestId('present')).toBeVisible();
  } else {
    await expect(page.locator('.present-status')).toContainText(/fullscreen/i);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('present')).toHaveCount(0);
});

test('the keys do nothing while typing into a cell', async ({ page, errors }) => {
  void errors;
  await open(page, './?present=1&step=1');
  await page.locator('[data-matrix="x"] [role="gridcell"]').first().focus();
  await page.keyboard.press('Enter');
  const input = page.locator('[data-matrix="x"] input');
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('p b s f . + - 2');
  await expect(input).toHaveValue('p b s f . + - 2');
  await expect(page.getByTestId('present-blank')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(page.getByTestId('present')).toBeVisible();
});

test('reduced motion: nothing fades, and Space steps instead of playing', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page, './?present=1&step=2');
  const durations = await page.locator('[data-testid="present"] [role="gridcell"]').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).transitionDuration))]);
  expect(durations).toEqual(['0s']);
  await page.keyboard.press('Space');
  await expect(page.locator('.step-count')).toHaveText(/Step 3 of 13/);
});

test('axe finds nothing in presentation mode, with and without an explained cell', async ({ page, errors }) => {
  void errors;
  for (const q of ['./?present=1', './?present=1&focus=dW:1,0', './?present=1&step=4']) {
    await open(page, q);
    expect(await axe(page), q).toEqual([]);
  }
});

test('forced colours: the explained cell, its inputs and the pressed buttons are told apart by more than colour', async ({ page, errors }, info) => {
  void errors;
  await page.emulateMedia({ forcedColors: 'active' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, './?present=1&focus=dW:1,0');
  await expect(page.locator('.derivation .frac-line').first()).toBeVisible();
  await page.keyboard.press('s');
  const style = (sel: string) => page.locator(sel).first().evaluate((e) => `${getComputedStyle(e).outlineStyle} ${getComputedStyle(e).outlineWidth}`);
  expect(await style('[data-testid="present"] .cell.active')).toBe('solid 4px');
  expect(await style('[data-testid="present"] .cell.dep')).toMatch(/^dashed/);
  expect(await style('.present-bar button[aria-pressed="true"]')).toMatch(/^solid/);
  // KaTeX's fraction bars keep their rule.
  const bar = await page.locator('.derivation .frac-line').first().evaluate((e) => getComputedStyle(e).borderBottomStyle);
  expect(bar).toBe('solid');
  await page.screenshot({ path: info.outputPath('present-forced-colors.png') });
});
