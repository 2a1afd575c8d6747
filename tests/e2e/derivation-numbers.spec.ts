// The numbers line of a derivation, as a learner reads it in the browser, adds up to the result as shown
// (issue 9's examples, seed 7), and a line that cannot add up says so.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The visible text of a derivation line: without the screen-reader names of the terms, KaTeX's MathML, the tag, spaces and KaTeX's zero-width struts. */
function seen(page: Page, line: string): Promise<string> {
  return page.evaluate((line) => {
    const el = document.querySelector(`.derivation [data-line="${line}"]`)?.cloneNode(true) as HTMLElement | undefined;
    if (!el) return '';
    el.querySelectorAll('.sr-only, .katex-mathml, .line-tag').forEach((n) => n.remove());
    return (el.textContent ?? '').replace(/[\s\u200b]+/g, '');
  }, line);
}

const cases = [
  { name: 'sum loss, L', q: '?loss=sum&focus=L:0,0', numbers: '=0.307+(−1.605)+(−0.453)+(−0.8)', result: '=−2.551' },
  { name: 'mse, dL/db[1]', q: '?focus=db:0,1', numbers: '=(−0.4525)+(−0.1)', result: '=−0.5525' },
  // KaTeX's text puts a fraction's denominator first and a square's 2 after its bracket: 1/4 ((0.307 − 0.6)² + …).
  { name: 'mse, L', q: '?focus=L:0,0', numbers: '=41((0.307−0.6)2+(−1.605−(−0.7))2+(−0.453−(−0.9))2+(−0.8−(−0.6))2)', result: '=0.286171' },
  { name: 'sigmoid, dL/dz[1,0] (rounded numbers)', q: '?act=sigmoid&focus=dZ:1,0', numbers: '=0.644⋅0.389(1−0.389)', result: '=0.153' },
];

test.describe('the numbers line adds up as shown', () => {
  for (const c of cases)
    test(`${c.name}: the line reads as core wrote it and adds up`, async ({ page, errors }) => {
      await page.goto(`/${c.q}`);
      await expect(page.locator('.derivation [data-line="result"] .katex-html')).toBeVisible();
      expect(await seen(page, 'numeric')).toBe(c.numbers);
      expect(await seen(page, 'result')).toBe(c.result);
      await expect(page.locator('.derivation [data-line="rounding"]')).toHaveCount(0);
      expect(errors).toEqual([]);
    });

  test('terms that cancel below the sixth figure: the panel says what the shown numbers give', async ({ page, errors }) => {
    await page.goto('/?B=1&N=2&T=1&loss=sum&x=1,1&W=1.0000004;-1&b=1e-8&focus=y:0,0');
    await expect(page.locator('.derivation [data-line="result"] .katex-html')).toBeVisible();
    expect(await seen(page, 'numeric')).toBe('=1⋅1+1⋅(−1)+1×10−8');
    const note = page.locator('.derivation [data-line="rounding"]');
    await expect(note).toBeVisible();
    await expect(note).toHaveText('The numbers above are rounded to 6 significant figures, so worked out as shown they give 1e−8; the result is worked out from the unrounded values.');
    expect(errors).toEqual([]);
  });
});
