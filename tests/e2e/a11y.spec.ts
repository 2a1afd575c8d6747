// Accessibility: axe-core (WCAG 2.2 AA) finds nothing in every state of the lesson view.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * The WCAG 2.2 AA violations in the lesson view: the whole page but the Jacobian section,
 * which has its own issue and tests.
 */
async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).exclude('.jacobian').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');

async function scan(page: Page, url: string, then?: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
  await then?.(page);
  expect(await axe(page)).toEqual([]);
}

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 375, height: 740 };

test.describe('axe-core, WCAG 2.2 AA', () => {
  test('the default view', async ({ page, errors }) => {
    void errors;
    await scan(page, './');
  });

  test('with a derivation showing and a term hovered', async ({ page, errors }) => {
    void errors;
    await scan(page, './?focus=dW:1,0', async (p) => {
      await p.waitForSelector('.derivation .katex');
      await p.locator('.derivation button[data-term]').first().hover();
      await expect(p.locator('.lesson [role="gridcell"].term')).toHaveCount(2);
    });
  });

  test('with notices showing', async ({ page, errors }) => {
    void errors;
    await scan(page, './?B=40&conv=foo&x=1,2;3&loss=hinge&focus=nowhere', async (p) => {
      await expect(p.locator('.notices li')).toHaveCount(5);
    });
  });

  test('with a refused edit showing its message', async ({ page, errors }) => {
    void errors;
    await scan(page, './', async (p) => {
      await p.locator('[data-matrix="W"] [data-r="0"][data-c="0"]').focus();
      await p.keyboard.press('Enter');
      await p.keyboard.type('abc');
      await p.keyboard.press('Enter');
      await expect(p.locator('.matrix-W [role="alert"]')).toBeVisible();
    });
  });

  for (const conv of ['row', 'torch', 'column']) {
    test(`the ${conv} convention, explaining y`, async ({ page, errors }) => {
      void errors;
      await scan(page, `./?conv=${conv}&focus=y:0,1`);
    });
  }

  for (const loss of ['softmax-ce', 'sum', 'upstream']) {
    test(`the ${loss} loss, explaining L`, async ({ page, errors }) => {
      void errors;
      await scan(page, `./?loss=${loss}&focus=L:0,0`);
    });
  }

  for (const act of ['relu', 'sigmoid', 'tanh']) {
    test(`with ${act} after the layer, explaining dL/dz and then z`, async ({ page, errors }) => {
      void errors;
      await scan(page, `./?act=${act}&focus=dZ:1,1`);
      await scan(page, `./?act=${act}&conv=column&focus=z:0,1&step=3`);
    });
  }

  test('at 12×12×12, explaining dX', async ({ page, errors }) => {
    test.slow();
    void errors;
    await page.setViewportSize(LAPTOP);
    await scan(page, './?B=12&N=12&T=12&focus=dX:11,11');
  });

  test('at phone width 375 px', async ({ page, errors }) => {
    void errors;
    await page.setViewportSize(PHONE);
    await scan(page, './');
    await scan(page, './?focus=dW:2,1&conv=torch&B=4&N=3&T=3');
  });
});
