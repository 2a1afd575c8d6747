// A training run exported as Python (issue 13): the training view's "Export run as Python" shows the run's
// script, Download saves the very script shown, and running it with Debian's Python prints the loss history
// the app's run reports: its last update's loss, the last epoch's training loss and its test accuracy. Axe
// finds nothing with the script open.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

const metric = async (page: Page, name: string) => Number(await page.locator(`[data-metric="${name}"]`).getAttribute('data-value'));
/** Within a relative 1e-9 of the app's number: the script sums in BLAS's order, not core's (tests/core/trainScript.test.ts says why). */
const close = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.abs(want);

interface Printed {
  losses: number[];
  epochs: { epoch: number; updates: number; trainLoss: number; testLoss: number | null; trainAccuracy: number | null; testAccuracy: number | null }[];
  W: number[][];
  b: number[];
}

test('the script of an iris run downloads as shown and, run, prints the loss history the app reports', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=iris&epochs=10&conv=column&act=tanh');
  await page.waitForSelector('[data-metric="epoch"]');
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.locator('.train-progress-text')).toHaveText(/^Finished/, { timeout: 30_000 });
  const [loss, trainLoss, accuracy] = [await metric(page, 'loss'), await metric(page, 'trainLoss'), await metric(page, 'accuracy')];
  const open = page.getByRole('button', { name: 'Export run as Python: a script that reproduces this run’s loss history' });
  await expect(open).toHaveAttribute('aria-expanded', 'false');
  await open.click();
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const code = page.locator('[data-export-code="train-numpy"]');
  await expect(code).toContainText('Z = W @ X + b[:, None], then Y = tanh(Z)');
  await expect(code).toContainText('epochs = 10');
  expect(await axe(page)).toEqual([]);
  const name = 'backprop-train-iris-column-softmax-ce-tanh-numpy.py';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()]);
  expect(download.suggestedFilename()).toBe(name);
  const file = await download.path();
  expect(await readFile(file, 'utf8')).toBe(await code.textContent());
  await expect(page.getByRole('status').filter({ hasText: `Saved as ${name}.` })).toBeVisible();
  // The script, run: 10 epochs of 12 updates (120 training flowers, batches of 10), ending where the app's run ended.
  const run = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, `${PYTHON} ${file}: ${run.stderr}`).toBe(0);
  const out = JSON.parse(run.stdout) as Printed;
  expect(out.losses).toHaveLength(120);
  expect(out.epochs.map((e) => e.updates)).toEqual(Array.from({ length: 11 }, (_, k) => 12 * k));
  const last = out.epochs[10];
  expect(close(out.losses[119], loss), `last loss ${out.losses[119]}, app ${loss}`).toBe(true);
  expect(close(last.trainLoss, trainLoss), `training loss ${last.trainLoss}, app ${trainLoss}`).toBe(true);
  expect(last.testAccuracy).toBe(accuracy);
  expect(out.W).toHaveLength(3);
});

test('the script of a digits run packs its data, downloads as shown and, run, prints the loss history the app reports', async ({ page, errors }) => {
  void errors;
  test.setTimeout(180_000);
  await page.goto('./?train=mnist&epochs=1&batch=500&conv=row');
  await page.waitForSelector('[data-metric="epoch"]', { timeout: 60_000 });
  await expect(page.locator('[data-preparing]')).toHaveCount(0, { timeout: 60_000 });
  await page.getByRole('button', { name: /^Train/ }).click();
  await expect(page.locator('.train-progress-text')).toHaveText(/^Finished/, { timeout: 90_000 });
  const [loss, trainLoss, accuracy] = [await metric(page, 'loss'), await metric(page, 'trainLoss'), await metric(page, 'accuracy')];
  // The script is written in a worker of its own, which the page starts when the panel opens, and says so meanwhile.
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.getByRole('button', { name: 'Export run as Python: a script that reproduces this run’s loss history' }).click();
  await expect(page.locator('[data-script-status="writing"]')).toHaveText('Writing the NumPy script of 10,000 samples…');
  const code = page.locator('[data-export-code="train-numpy"]');
  await expect(code).toContainText('def unpack(text, dtype):', { timeout: 30_000 });
  await expect(page.locator('[data-script-status="written"]')).toHaveText('The NumPy script is written, below.');
  expect(workers.filter((u) => /scriptWorker/.test(u))).toHaveLength(1);
  const name = 'backprop-train-mnist-row-softmax-ce-identity-numpy.py';
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${name}` }).click()]);
  const file = await download.path();
  const text = await readFile(file, 'utf8');
  expect(text).toBe(await code.textContent());
  expect(text).toMatch(/^features = unpack\("[A-Za-z0-9_-]+", "u1"\)\.astype\(np\.float64\)\.reshape\(10000, 784\) \* 0\.00392156862745098\d*$/m);
  // 8,000 training digits in batches of 500: 16 updates, ending where the app's run ended.
  const run = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  expect(run.status, `${PYTHON} ${file}: ${run.stderr}`).toBe(0);
  const out = JSON.parse(run.stdout) as Printed;
  expect(out.losses).toHaveLength(16);
  const last = out.epochs[1];
  expect(close(out.losses[15], loss), `last loss ${out.losses[15]}, app ${loss}`).toBe(true);
  expect(close(last.trainLoss, trainLoss), `training loss ${last.trainLoss}, app ${trainLoss}`).toBe(true);
  expect(last.testAccuracy).toBe(accuracy);
  expect(out.W).toHaveLength(784);
});
