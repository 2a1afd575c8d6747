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
