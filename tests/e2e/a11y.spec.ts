// Accessibility: axe-core (WCAG 2.2 AA) finds nothing in every state of the lesson view, and checks every grid cell
// (a check it cannot finish on a grid fails the test, as a violation does).
import type { Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

/**
 * The WCAG 2.2 AA violations in the lesson view, and the checks axe could not finish on its grids: the whole page but
 * the Jacobian section, which has its own tests.
 */
const axeLesson = (page: Page) => axe(page, { exclude: '.jacobian' });

const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');

async function scan(page: Page, url: string, then?: (page: Page) => Promise<void>) {
  await page.goto(url);
  await ready(page);
  await then?.(page);
  // The player's animation layer is out of the page when nothing animates: it would cover every cell.
  await expect(page.locator('.flow-layer')).toHaveCount(0);
  expect(await axeLesson(page)).toEqual([]);
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

  test('with a cell hovered, its inputs outlined', async ({ page, errors }) => {
    void errors;
    await scan(page, './', async (p) => {
      await p.locator('[data-matrix="dX"] [data-r="1"][data-c="2"]').hover();
      await expect(p.locator('.lesson [role="gridcell"].dep').first()).toBeVisible();
    });
  });

  test('after playing with motion and pausing mid-lesson, with the animation layer gone from the grids', async ({ page, errors }) => {
    void errors;
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await scan(page, './?step=0', async (p) => {
      await p.getByRole('button', { name: /^Play/ }).click();
      await expect(p.getByTestId('narration')).toContainText('Step 3 of', { timeout: 10_000 });
      await p.getByRole('button', { name: /^Pause/ }).click();
      await expect(p.locator('.flow-layer')).toHaveCount(0, { timeout: 5_000 });
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
