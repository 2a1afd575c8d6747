// The default lesson is prerendered into index.html (build/prerender.ts): with no query string the page shows its
// numbers before the app's script runs, and the app then hydrates those very elements; a visit that names its own
// lesson never shows the default one, not even while the script loads.
import { test as bare, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Opens a page with the app's scripts held back: what a visitor sees while they are still on their way. */
async function withoutScripts(page: Page, url: string) {
  await page.route(/\/assets\/.*\.js$/, (r) => r.abort());
  await page.goto(url);
}

bare('before any script has run, the page shows the default lesson: its numbers, shapes, formulas and hint', async ({ page }) => {
  await withoutScripts(page, './');
  await expect(page.locator('[data-matrix="x"] [role="gridcell"]').first()).toHaveText('1.9');
  await expect(page.locator('[data-matrix="dW"] [role="gridcell"]').first()).toHaveText('−0.614');
  await expect(page.locator('.matrix-W .badge')).toHaveText('[N×T] = [3×2]');
  await expect(page.locator('.loss-formula')).toContainText('Σ');
  await expect(page.locator('.hint')).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('data-live');
  await expect(page.locator('.katex')).toHaveCount(0);
});

bare('before any script has run, a linked visit shows nothing of the default lesson', async ({ page }) => {
  await withoutScripts(page, './?B=3&N=2');
  await expect(page.locator('html')).toHaveAttribute('data-linked', '');
  await expect(page.locator('#root > .app')).toBeHidden();
  await expect(page.locator('[data-matrix="x"] [role="gridcell"]').first()).toBeHidden();
});

test('the app hydrates the prerendered page: no element is replaced, and the cells answer at once', async ({ page, errors }) => {
  void errors;
  await page.addInitScript(() => {
    // Every element taken out of the page until the app is live (later, the Jacobian view may replace its stand-in).
    const w = window as unknown as { replaced: string[] };
    w.replaced = [];
    const watch = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && (r.target as Element).id === 'root') return watch.disconnect();
        for (const n of r.removedNodes) if (n instanceof Element && (r.target as Element).closest?.('#root')) w.replaced.push(n.outerHTML.slice(0, 80));
      }
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-live'] });
  });
  await page.goto('./');
  await expect(page.locator('#root')).toHaveAttribute('data-live', '');
  expect(await page.evaluate(() => (window as unknown as { replaced: string[] }).replaced)).toEqual([]);
  await page.locator('[data-matrix="dW"] [role="gridcell"]').nth(1).hover();
  await expect(page.getByTestId('derivation')).toContainText('dW');
  await expect(page.locator('html')).not.toHaveAttribute('data-linked');
});

test('a linked visit mounts the lesson it names, and the mark that hid the default one is gone', async ({ page, errors }) => {
  void errors;
  await page.goto('./?B=3&N=2');
  await expect(page.locator('#root')).toHaveAttribute('data-live', '');
  await expect(page.locator('[data-matrix="x"] [role="row"]')).toHaveCount(3);
  await expect(page.locator('[data-matrix="x"] [role="gridcell"]')).toHaveCount(6);
  await expect(page.locator('#root > .app')).toHaveCount(1);
  await expect(page.locator('#root > .app')).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-linked');
});
