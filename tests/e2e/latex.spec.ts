// The LaTeX export (issue 13) in a real browser: a focused cell's Copy as LaTeX puts the derivation the panel shows
// on the clipboard as an align* block (its rule, result and matrix form the very TeX the panel typesets); the Export
// dialog's Download LaTeX (.tex) saves the lesson as a document whose bmatrices hold the numbers the grids show; axe
// finds nothing with the dialog open.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

/** The panel's TeX without the linked notation's marks: each \htmlData{part=…}{body} is its body (the copy carries none). */
function unlinked(tex: string): string {
  let out = '';
  let depth = 0;
  const marks: number[] = [];
  for (let i = 0; i < tex.length; ) {
    const mark = /^\\htmlData\{[^}]*\}\{/.exec(tex.slice(i));
    if (mark) {
      marks.push(++depth);
      i += mark[0].length;
      continue;
    }
    const ch = tex[i++];
    if (ch === '{') depth++;
    if (ch === '}') {
      if (marks.at(-1) === depth) {
        marks.pop();
        depth--;
        continue;
      }
      depth--;
    }
    out += ch;
  }
  return out;
}


/** A grid's exact values, row by row, as its cells carry them. */
const grid = (page: Page, m: string) =>
  page.evaluate((name) => [...document.querySelectorAll(`[data-matrix="${name}"] [role="row"]`)].map((row) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => Number(c.dataset.value))), m);

/** A number as the document writes it, read back: '1.5 \times 10^{-7}' is 1.5e-7. */
const readNumber = (s: string): number => Number(s.trim().replace(/ \\times 10\^\{(-?\d+)\}$/, 'e$1'));

/** The bmatrix of the display that starts with `name`, row by row. */
function bmatrixOf(doc: string, name: string): number[][] {
  const at = doc.indexOf(`\\[\n${name} = `);
  expect(at, `a display of ${name}`).toBeGreaterThan(0);
  const body = doc.slice(doc.indexOf('\\begin{bmatrix}\n', at) + '\\begin{bmatrix}\n'.length, doc.indexOf('\n\\end{bmatrix}', at));
  return body.split(' \\\\\n').map((row) => row.split('&').map(readNumber));
}

test('Copy as LaTeX puts the focused cell’s derivation on the clipboard, as the panel writes it', async ({ page, errors, context }) => {
  void errors;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?conv=row&B=3');
  await page.locator('[data-matrix="dW"] [role="gridcell"][data-r="1"][data-c="0"]').focus();
  const panel = page.getByTestId('derivation');
  await expect(panel.locator('.derivation-title')).toHaveText(/^dL\/dW\[1,0\] = /);
  await expect(panel.locator('[data-line="result"] annotation')).toHaveCount(1, { timeout: 15_000 });
  await panel.getByRole('button', { name: 'Copy as LaTeX' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied: the derivation as an align* block (amsmath).');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('\\begin{align*}\n')).toBe(true);
  expect(copied.trimEnd().endsWith('\\end{align*}')).toBe(true);
  for (const line of ['general', 'result'] as const) expect(copied).toContain(unlinked((await panel.locator(`[data-line="${line}"] annotation`).first().textContent()) ?? ''));
  expect(copied).toContain(unlinked((await panel.locator('[data-line="matrix-form"] annotation').first().textContent()) ?? ''));
  expect(copied).toContain('\\underset{[N\\times B]}{X^{\\top}}');
});

test('Download LaTeX (.tex) saves the lesson as a document holding the grids’ numbers; axe finds nothing with the dialog open', async ({ page, errors }) => {
  void errors;
  await page.goto('./?export=numpy&conv=column&act=sigmoid&B=3');
  const dialog = page.getByRole('dialog', { name: 'Take this lesson with you: Python' });
  await expect(dialog).toBeVisible();
  const code = page.locator('[data-export-code="numpy"]');
  await expect(code).toContainText('dW = dZ @ X.T');
  const program = await code.textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download LaTeX (.tex)' }).click()]);
  expect(download.suggestedFilename()).toBe('backprop-column-mse-sigmoid.tex');
  const doc = await readFile(await download.path(), 'utf8');
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved as backprop-column-mse-sigmoid.tex.' })).toBeVisible();
  expect(doc.startsWith('\\documentclass{article}\n\\usepackage{amsmath}\n')).toBe(true);
  expect(doc).toContain('\\begin{document}');
  expect(doc).toContain('\\begin{bmatrix}');
  // dL/dW [T×N] and y [T×B] in the column convention, to the last digit the grids carry.
  expect(bmatrixOf(doc, '\\underset{[T\\times N]}{\\frac{\\partial L}{\\partial W}} = \\underset{[T\\times B]}{\\frac{\\partial L}{\\partial Z}}\\,\\underset{[B\\times N]}{X^{\\top}}')).toEqual(await grid(page, 'dW'));
  expect(bmatrixOf(doc, '\\underset{[T\\times B]}{Y} = \\sigma(\\underset{[T\\times B]}{Z})')).toEqual(await grid(page, 'y'));
  expect(bmatrixOf(doc, '\\underset{[N\\times B]}{X}')).toEqual(await grid(page, 'x'));
  // The Python part is untouched.
  expect(await code.textContent()).toBe(program);
  expect(await axe(page, { include: '.export-dialog' })).toEqual([]);
});
