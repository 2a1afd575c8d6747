// What the learner reads names things one way: the derivation panel's title names a cell as its grid does (b[1],
// L[0], target class[1], never b[0,1] or L[0,0]), b is the T×1 column of Y = WX + b1ᵀ in the column convention,
// and the target is t, never ŷ (which readers take for the prediction).
import { expect, test } from './fixtures.ts';

const LESSONS = ['conv=row&loss=mse', 'conv=column&loss=softmax-ce&act=relu', 'conv=torch&loss=upstream', 'conv=column&loss=mse&B=3&T=3'];

for (const q of LESSONS) {
  test(`the panel's title names every cell as its grid does (${q})`, async ({ page, errors }) => {
    void errors;
    await page.goto(`./?${q}&N=2`);
    const cells = page.locator('[role="grid"][data-matrix] [role="gridcell"]');
    const n = await cells.count();
    expect(n).toBeGreaterThan(20);
    const title = page.locator('.derivation-title');
    const mismatches: string[] = [];
    for (let k = 0; k < n; k++) {
      const cell = cells.nth(k);
      const name = ((await cell.getAttribute('aria-label')) ?? '').split(' = ')[0];
      await cell.focus();
      await expect(title).toHaveText(new RegExp(`^${name.replace(/[[\]/\\.]/g, '\\$&')} = `));
      const said = ((await title.textContent()) ?? '').split(' = ')[0];
      if (said !== name) mismatches.push(`${said} ≠ ${name}`);
      // One index for a vector (b, L, class targets), two for a matrix: b[0,1] and L[0,0] would be wrong.
      if (/^(b|dL\/db|L|target class)\[\d+,/.test(said)) mismatches.push(`${said}: two indices for a vector`);
    }
    expect(mismatches).toEqual([]);
  });
}

test('b and dL/db are T×1 columns in the column convention, and the target is t', async ({ page, errors }) => {
  void errors;
  await page.goto('./?conv=column&B=2&N=3&T=2&focus=target:1,0');
  for (const m of ['b', 'db']) {
    const fig = page.locator(`figure:has([role="grid"][data-matrix="${m}"])`);
    await expect(fig.locator('.badge')).toHaveText('[T×1] = [2×1]');
    await expect(fig.locator('[role="gridcell"]')).toHaveCount(2);
  }
  // The target cell's rule and the loss's rule write t, with y's subscript; no formula puts a hat on anything.
  const panel = page.getByTestId('derivation');
  await expect(panel.locator('.derivation-title')).toHaveText(/^target\[1,0\] = /);
  await expect(panel.locator('annotation').first()).toHaveText('t_{1,0}', { timeout: 10_000 });
  await page.locator('[data-matrix="L"] [role="gridcell"]').focus();
  await expect(panel.locator('.derivation-title')).toHaveText(/^L\[0\] = /);
  // The target's entry in the rule, the part the linked notation marks: t with the column convention's js.
  await expect(panel.locator('[data-line="general"] [data-part="f-target"]').first()).toHaveText('tjs');
  const tex = await panel.locator('annotation').allTextContents();
  expect(tex.join(' ')).not.toMatch(/\\hat|\\widehat/);
});
