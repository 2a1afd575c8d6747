// Export (issue 13): the header's button opens the lesson as a Python program; Download saves the very program shown,
// and running it with Debian's Python prints the numbers the grids show; export= opens it from a link; Escape closes
// it and the link forgets it; axe finds nothing with it open.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';

/** A grid's exact values, row by row, as its cells carry them. */
const grid = (page: Page, m: string) =>
  page.evaluate((name) => [...document.querySelectorAll(`[data-matrix="${name}"] [role="row"]`)].map((row) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => Number(c.dataset.value))), m);

test('Download saves the program shown, and the program prints the numbers the grids show', async ({ page, errors }) => {
  void errors;
  await page.goto('./?conv=torch&act=sigmoid&B=3');
  await page.getByRole('button', { name: /^Export: the lesson as a Python program/ }).click();
  const code = page.locator('[data-export-code="numpy"]');
  await expect(code).toContainText('dW = dZ.T @ X');
  await page.locator('input[data-choice="export"][value="pytorch"]').check();
  const torch = page.locator('[data-export-code="pytorch"]');
  await expect(torch).toContainText('loss.backward()');
  await expect(page).toHaveURL(/[?&]export=pytorch/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download backprop-torch-mse-sigmoid-pytorch\.py$/ }).click()]);
  expect(download.suggestedFilename()).toBe('backprop-torch-mse-sigmoid-pytorch.py');
  const file = await download.path();
  const saved = await readFile(file, 'utf8');
  expect(saved).toBe(await torch.textContent());
  await expect(page.getByRole('status').filter({ hasText: 'Saved as backprop-torch-mse-sigmoid-pytorch.py.' })).toBeVisible();
  // The program, run: what it prints is what the grids show (dW in torch's layout, T×N).
  const run = spawnSync(PYTHON, [file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, `${PYTHON} ${file}: ${run.stderr}`).toBe(0);
  const out = JSON.parse(run.stdout) as Record<string, number[][] | number[] | number>;
  for (const m of ['dW', 'dX', 'y', 'z', 'dZ'] as const) {
    const want = await grid(page, m === 'dW' ? 'dW' : m);
    const got = out[m] as number[][];
    expect(got.length, m).toBe(want.length);
    got.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - want[r][c]), `${m}[${r},${c}]`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[r][c])))));
  }
});

test('export= opens the dialog from a link; Copy says it copied; Escape closes it and the link forgets it; axe finds nothing', async ({ page, errors, context }) => {
  void errors;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?export=numpy&conv=column&loss=softmax-ce');
  const dialog = page.getByRole('dialog', { name: 'Take this lesson with you: Python' });
  await expect(dialog).toBeVisible();
  const code = page.locator('[data-export-code="numpy"]');
  await expect(code).toContainText('dX = W.T @ dY');
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.textContent());
  expect(await axe(page, { include: '.export-dialog' })).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/export=/);
});

test('a flavour the link does not know is named in a notice, and the page opens without the dialog', async ({ page, errors }) => {
  void errors;
  await page.goto('./?export=fortran');
  await expect(page.locator('.notices')).toContainText('fortran');
  await expect(page.locator('.export-dialog')).toBeHidden();
});
