// The Jacobian view in a real browser: entries linked to the lesson, the
// sparsity pattern at the largest preset within a memory budget, zoom down to
// entries, the shortcut walkthrough ending on dL/dW, axe, and phone layout.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axe, expect, openJacobian, test } from './fixtures.ts';

const view = (page: Page) => page.getByTestId('jacobian-view');
const entry = (page: Page, r: number, c: number) => page.locator(`[data-testid="jacobian-table"] td[data-r="${r}"][data-c="${c}"]`);
const lessonCell = (page: Page, m: string, r: number, c: number) => page.locator(`[role="grid"][data-matrix="${m}"] [data-r="${r}"][data-c="${c}"]`);
const draws = (page: Page) => page.getByTestId('sparsity-canvas').evaluate((c) => Number((c as HTMLCanvasElement).dataset.draws ?? 0));

async function ready(page: Page, url = './') {
  await page.goto(url);
  await openJacobian(page);
  await page.waitForSelector('[data-testid="sparsity-canvas"][data-draws]');
}

/** WCAG 2.2 AA violations inside the Jacobian view, and the checks axe could not finish on its grids. */
const axeJacobian = (page: Page) => axe(page, { include: '.jacobian' });
/** Waits for the walkthrough's entrance animations to finish (axe measures contrast on what is painted). */
const settled = (page: Page) => page.getByTestId('shortcut-walk').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));

/** Memory in use after a full garbage collection: JS heap plus ArrayBuffer backing stores, in bytes. */
async function memoryAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return u.usedSize + (u.backingStorageSize ?? 0);
}

test.describe('Jacobian view', () => {
  test('hovering an entry explains it and outlines its y and W cells in the lesson', async ({ page, errors }) => {
    void errors;
    await ready(page);
    // Row-major, row convention: row 1 is y[0,1]; column 5 is W[2,1].
    await entry(page, 1, 5).hover();
    await expect(lessonCell(page, 'y', 0, 1)).toHaveClass(/\bterm\b/);
    await expect(lessonCell(page, 'W', 2, 1)).toHaveClass(/\bterm\b/);
    await expect(page.locator('[role="grid"][data-matrix="y"] .term')).toHaveCount(1);
    await expect(page.locator('[role="grid"][data-matrix="W"] .term')).toHaveCount(1);
    const explain = page.getByTestId('jacobian-explain');
    await expect(explain.locator('h3')).toContainText('∂y[0,1]/∂W[2,1]');
    await expect(explain.locator('.katex').first()).toBeVisible();
    await expect(explain).toContainText('δ');
    // The number in the explanation is x[0,2] from the lesson.
    const x02 = await lessonCell(page, 'x', 0, 2).getAttribute('data-value');
    expect(Number(await entry(page, 1, 5).getAttribute('data-value'))).toBe(Number(x02));
    // Leaving clears the outlines.
    await page.mouse.move(5, 5);
    await expect(page.locator('[role="grid"][data-matrix="y"] .term')).toHaveCount(0);
    await expect(page.locator('[role="grid"][data-matrix="W"] .term')).toHaveCount(0);
  });

  test('labels follow the convention and the linearisation; the highlight follows too', async ({ page, errors }) => {
    void errors;
    await ready(page, './?conv=torch');
    await page.locator('input[data-choice="jac-lin"][value="column-major"]').check();
    // torch W is [T,N]; column-major reads it column after column: W[0,0], W[1,0], W[0,1], ...
    const heads = await page.locator('[data-testid="jacobian-table"] thead th').allTextContents();
    expect(heads.slice(1)).toEqual(['0W[0,0]', '1W[1,0]', '2W[0,1]', '3W[1,1]', '4W[0,2]', '5W[1,2]']);
    await entry(page, 3, 4).hover(); // y[1,1] by W[0,2]: different outputs, a zero
    await expect(page.getByTestId('jacobian-explain').locator('h3')).toContainText('∂y[1,1]/∂W[0,2] = 0');
    await expect(lessonCell(page, 'y', 1, 1)).toHaveClass(/\bterm\b/);
    await expect(lessonCell(page, 'W', 0, 2)).toHaveClass(/\bterm\b/);
  });

  test('the keyboard reaches every entry, and the pattern at the teaching size links the same cells', async ({ page, errors }) => {
    void errors;
    await ready(page);
    await entry(page, 0, 0).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect(entry(page, 1, 5)).toBeFocused();
    await expect(lessonCell(page, 'y', 0, 1)).toHaveClass(/\bterm\b/);
    await expect(lessonCell(page, 'W', 2, 1)).toHaveClass(/\bterm\b/);
    await page.keyboard.press('Tab');
    await expect(page.locator('[role="grid"][data-matrix="y"] .term')).toHaveCount(0);
    // On the canvas the teaching-size matrix is drawn 48 px an entry, after 76 px and 30 px of labels.
    const box = (await page.getByTestId('sparsity-canvas').boundingBox())!;
    await page.mouse.move(box.x + 76 + 3 * 48 + 24, box.y + 30 + 2 * 48 + 24);
    await expect(page.getByTestId('jacobian-explain').locator('h3')).toContainText('∂y[1,0]/∂W[1,1]');
    await expect(lessonCell(page, 'y', 1, 0)).toHaveClass(/\bterm\b/);
    await expect(lessonCell(page, 'W', 1, 1)).toHaveClass(/\bterm\b/);
  });

  test('the largest preset draws from structure without the heap growing by 50 MB, and zooms down to entries', async ({ page, errors }) => {
    void errors;
    await ready(page);
    await view(page).scrollIntoViewIfNeeded();
    const before = await memoryAfterGc(page);
    const n = await draws(page);
    await page.locator('input[data-choice="jac-size"][value="image-b32"]').check();
    await expect.poll(() => draws(page)).toBeGreaterThan(n);
    await expect(page.getByTestId('sparsity-view')).toContainText('3,200 rows');
    await expect(page.getByTestId('sparsity-view')).toContainText('1,638,400 columns');
    const after = await memoryAfterGc(page);
    expect(after - before, `heap and buffers grew by ${((after - before) / 2 ** 20).toFixed(1)} MiB`).toBeLessThan(50 * 2 ** 20);
    // Something is drawn: the pattern area is neither blank nor one flat colour of the background.
    const inked = await page.getByTestId('sparsity-canvas').evaluate((c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(Math.round(cv.width / 2), Math.round(cv.height / 2), 40, 40).data;
      let dark = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k] < 240) dark++;
      return dark;
    });
    expect(inked).toBeGreaterThan(0);
    // The cost panel has the article's figures.
    const cost = page.getByTestId('cost-table');
    await expect(cost).toContainText('5.24 billion');
    await expect(cost).toContainText('19.5 GiB');
    // Keyboard: zoom, then straight down to single entries centred on a non-zero.
    const canvas = page.getByTestId('sparsity-canvas');
    await canvas.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('sparsity-readout')).toContainText(/^Rows [\d,]+–[\d,]+ and columns/);
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + 76 + (box.width - 76) / 2, box.y + 30 + (box.height - 30) / 2);
    await expect(page.getByTestId('jacobian-explain').locator('h3')).toContainText(/∂y\[\d+,\d+\]\/∂W\[\d+,\d+\]/);
    await expect(page.locator('.jac-readout[aria-live]')).toContainText('non-zero');
    await page.keyboard.press('0');
    await expect(page.getByTestId('sparsity-readout')).toContainText('The whole matrix is in view');
  });

  test('the wheel scrolls the page past the pattern until it is clicked, then zooms around the pointer', async ({ page, errors }) => {
    void errors;
    await ready(page);
    await page.locator('input[data-choice="jac-size"][value="mnist"]').check();
    const canvas = page.getByTestId('sparsity-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const y0 = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y0);
    await expect(page.getByTestId('sparsity-readout')).toContainText('The whole matrix is in view');
    const b = (await canvas.boundingBox())!;
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.wheel(0, -300);
    await expect(page.getByTestId('sparsity-readout')).toContainText(/^Rows [\d,]+–[\d,]+ and columns/);
  });

  test('the shortcut walkthrough plays to the end and equals dL/dW in the lesson', async ({ page, errors }) => {
    void errors;
    await ready(page, './?B=3&N=2&T=2&seed=4');
    const walk = page.getByTestId('shortcut-walk');
    await walk.scrollIntoViewIfNeeded();
    await page.getByTestId('walk-play').click();
    await expect(walk).toHaveAttribute('data-step', '3', { timeout: 15_000 });
    await expect(page.getByTestId('walk-verdict')).toHaveAttribute('data-agrees', 'true');
    await expect(page.getByTestId('walk-verdict')).toContainText('The same numbers as dL/dW in the lesson view');
    const got = await page.locator('[data-testid="walk-final"] td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)));
    const want = await page.locator('[role="grid"][data-matrix="dW"] [role="gridcell"]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    expect(got.length).toBe(4); // W is [N,T] = [2,2]
    expect(got.length).toBe(want.length);
    got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(1e-12));
  });

  test('with an activation, dy/dz is diagonal: each entry is the slope at its own z, and the product lands on dL/dz', async ({ page, errors }) => {
    void errors;
    await ready(page, './?act=sigmoid&jac=z&B=2&N=3&T=2');
    await expect(page.locator('input[data-choice="jac-kind"][value="dY/dZ"]')).toBeChecked();
    // Off the diagonal every entry is a structural zero; on it, the slope y(1 − y) of the same cell.
    const values = await page.locator('[data-testid="jacobian-table"] td[data-r]').evaluateAll((tds) =>
      tds.map((td) => ({ r: Number((td as HTMLElement).dataset.r), c: Number((td as HTMLElement).dataset.c), v: Number((td as HTMLElement).dataset.value) })),
    );
    expect(values).toHaveLength(16);
    const ys = await page.locator('[role="grid"][data-matrix="y"] [role="gridcell"]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    for (const { r, c, v } of values) expect(v, `${r},${c}`).toBeCloseTo(r === c ? ys[r] * (1 - ys[r]) : 0, 12);
    // Hovering a diagonal entry outlines its y cell and its z cell in the lesson.
    await entry(page, 2, 2).hover();
    await expect(lessonCell(page, 'y', 1, 0)).toHaveClass(/\bterm\b/);
    await expect(lessonCell(page, 'z', 1, 0)).toHaveClass(/\bterm\b/);
    await expect(page.getByTestId('jacobian-explain').locator('h3')).toContainText('∂y[1,0]/∂z[1,0]');
    expect(await axeJacobian(page)).toEqual([]);
    // The walkthrough multiplies dL/dy by it and ends on the lesson's dL/dz.
    for (let k = 0; k < 3; k++) await page.getByTestId('walk-next').click();
    await expect(page.getByTestId('walk-verdict')).toHaveAttribute('data-agrees', 'true');
    await expect(page.getByTestId('walk-verdict')).toContainText('dL/dz');
    const got = await page.locator('[data-testid="walk-final"] td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.value)));
    const want = await page.locator('[role="grid"][data-matrix="dZ"] [role="gridcell"]').evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));
    expect(got).toHaveLength(want.length);
    got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(1e-12));
    // Taking the activation away goes back to dy/dW, the only Jacobians left being the dense layer's.
    await page.getByLabel('activation').selectOption('identity');
    await expect(page.locator('input[data-choice="jac-kind"][value="dY/dW"]')).toBeChecked();
    await expect(page.locator('input[data-choice="jac-kind"][value="dY/dZ"]')).toHaveCount(0);
  });

  test('under reduced motion each step appears in its final state, with nothing moving', async ({ page, errors }) => {
    void errors;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await ready(page);
    const walk = page.getByTestId('shortcut-walk');
    await expect(walk).toHaveAttribute('data-motion', 'off');
    await expect(page.getByTestId('walk-play')).toBeDisabled();
    await walk.scrollIntoViewIfNeeded();
    const next = page.getByTestId('walk-next');
    for (const step of ['1', '2', '3']) {
      await next.click();
      await expect(walk).toHaveAttribute('data-step', step);
      const running = await walk.evaluate((el) => el.getAnimations({ subtree: true }).length);
      expect(running).toBe(0);
      const faded = await walk.evaluate((el) => [...el.querySelectorAll('.jac-walk-body *')].filter((e) => getComputedStyle(e).opacity !== '1').length);
      expect(faded).toBe(0);
    }
    await expect(page.getByTestId('walk-verdict')).toHaveAttribute('data-agrees', 'true');
    // Arrow keys step back and forth.
    await page.getByRole('button', { name: '◀ Back' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(walk).toHaveAttribute('data-step', '2');
    await page.keyboard.press('End');
    await expect(walk).toHaveAttribute('data-step', '3');
  });

  test('axe finds no WCAG 2.2 AA violations in the view, in any of its states', async ({ page, errors }) => {
    void errors;
    await ready(page);
    expect(await axeJacobian(page)).toEqual([]);
    await entry(page, 1, 2).hover();
    expect(await axeJacobian(page)).toEqual([]);
    await page.locator('input[data-choice="jac-kind"][value="dY/dX"]').check();
    await page.locator('input[data-choice="jac-size"][value="image-b32"]').check();
    expect(await axeJacobian(page)).toEqual([]);
    await page.locator('input[data-choice="jac-size"][value="teaching"]').check();
    await page.getByTestId('walk-next').click();
    await page.getByTestId('walk-next').click();
    await page.getByTestId('walk-next').click();
    await expect(page.getByTestId('walk-verdict')).toBeVisible();
    await settled(page);
    expect(await axeJacobian(page)).toEqual([]);
  });

  test('on a 375 px phone nothing scrolls sideways, in any state of the view', async ({ page, errors }) => {
    void errors;
    await page.setViewportSize({ width: 375, height: 740 });
    await ready(page);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.locator('input[data-choice="jac-size"][value="mnist"]').check();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.locator('input[data-choice="jac-size"][value="teaching"]').check();
    for (let k = 0; k < 3; k++) await page.getByTestId('walk-next').click();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await settled(page);
    expect(await axeJacobian(page)).toEqual([]);
  });

  test('the keyboard selects and explains single entries on the canvas at any size', async ({ page, errors }) => {
    void errors;
    await ready(page, './?jac=W');
    await page.locator('input[data-choice="jac-size"][value="image-b32"]').check();
    await expect(page.getByTestId('sparsity-view')).toContainText('1,638,400 columns');
    const canvas = page.getByTestId('sparsity-canvas');
    await canvas.focus();
    await page.keyboard.press('Enter');
    const readout = page.locator('.jac-readout[aria-live="polite"]');
    await expect(readout).toContainText(/Entry at row [\d,]+ \(y\[\d+,\d+\]\), column [\d,]+ \(W\[\d+,\d+\]\): non-zero/);
    await expect(page.getByTestId('jacobian-explain')).toContainText('∂y[');
    const first = await readout.innerText();
    await page.keyboard.press('ArrowRight');
    await expect(readout).not.toHaveText(first);
    const col = (t: string) => Number(/column ([\d,]+)/.exec(t)![1].replace(/,/g, ''));
    expect(col(await readout.innerText())).toBe(col(first) + 1);
    // The player ignores the arrows while the canvas has them.
    await expect(page.getByTestId('narration')).toContainText('Complete');
    await page.keyboard.press('Escape');
    await expect(readout).toHaveText('');
  });
});

test('Download PNG saves the sparsity pattern as drawn: a PNG the size of the canvas, named for the Jacobian and the layer', async ({ page, errors }) => {
  void errors;
  await ready(page, './?B=3&N=4&T=2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('jacobian-dy-dW-3x4x2.png');
  const png = await readFile(await download.path());
  // The PNG signature, then the IHDR chunk's width and height: the canvas's own pixels.
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const canvas = await page.getByTestId('sparsity-canvas').evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
  expect([w, h]).toEqual(canvas);
  await expect(page.getByRole('status').filter({ hasText: 'Saved as jacobian-dy-dW-3x4x2.png.' })).toBeVisible();
});
