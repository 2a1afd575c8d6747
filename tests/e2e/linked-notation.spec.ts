// The three linked notations in a real browser: KaTeX writes the parts of the
// rule and the matrix form as data-part spans; hovering one lights the same
// part in the other notations and the factor's cells in its grid; the keyboard
// does the same; axe finds nothing while a part is lit, and forced colours
// still show it.
import { axe, expect, test } from './fixtures.ts';

const panel = '[data-testid="derivation"]';
const lit = (where: string) => `${panel} ${where} .part-on`;

test('hovering parts of dL/dW[1,0] lights them in the three notations and the grids (row)', async ({ page, errors }) => {
  void errors;
  await page.goto('./?focus=dW:1,0');
  await expect(page.locator(`${panel} [data-line="general"] .katex`)).toBeVisible();
  await expect(page.locator(`${panel} [data-line="code"] .code-line`)).toHaveText(["dW = np.einsum('si,sj->ij', X, dY)", 'dW = X.T @ dY']);

  // The factor x in the index notation.
  await page.locator(`${panel} [data-line="general"] [data-part="f-x"]`).first().hover();
  await expect(page.locator(lit('[data-line="matrix-form"]'))).toHaveCount(1);
  await expect(page.locator(lit('[data-line="code"]'))).toHaveText(['s', 'i', 'X', 'X']);
  await expect(page.locator('[role="grid"][data-matrix="x"] [role="gridcell"].term')).toHaveCount(2);
  await expect(page.locator('[role="grid"][data-matrix="dY"] [role="gridcell"].term')).toHaveCount(0);
  expect(await axe(page, { exclude: '.jacobian' })).toEqual([]);

  // The summed index in the einsum: the sum and both s of the rule, both B of the shapes.
  await page.locator(`${panel} [data-line="code"] [data-part="i-s"]`).first().hover();
  await expect(page.locator(lit('[data-line="matrix-form"]'))).toHaveText(['B', 'B']);
  await expect(page.locator(lit('[data-line="general"]'))).toHaveCount(3);
  await expect(page.locator('[role="grid"][data-matrix="dY"] [role="gridcell"].term')).toHaveCount(2);

  // Away from the notations, nothing stays lit.
  await page.mouse.move(5, 5);
  await expect(page.locator(`${panel} .part-on`)).toHaveCount(0);
  await expect(page.locator('[role="grid"][data-matrix="x"] [role="gridcell"].term')).toHaveCount(0);
});

test('the keyboard points at the parts: Tab to a notation, then the arrow keys (torch, relu)', async ({ page, errors }) => {
  void errors;
  await page.goto('./?conv=torch&act=relu&focus=dZ:0,1');
  await expect(page.locator(`${panel} [data-line="code"] .code-line`)).toHaveText(['dZ = dY * (Z > 0)', 'torch.testing.assert_close(dZ, Z.grad)']);
  const rule = page.locator(`${panel} [data-line="general"] .parts`);
  await rule.focus();
  // The result in both statements: the hand formula's dZ, and Z.grad, PyTorch's dL/dz, that it is checked against.
  await expect(page.locator(lit('[data-line="code"]'))).toHaveText(['dZ', 'dZ', 'Z.grad']);
  await expect(page.locator(`${panel} .sr-only`).filter({ hasText: 'Pointing at' })).toHaveText('Pointing at dL/dz, the result');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator(lit('[data-line="code"]'))).toHaveText(['Z']);
  await expect(page.locator('[role="grid"][data-matrix="z"] [role="gridcell"].term')).toHaveCount(1);
  expect(await axe(page, { exclude: '.jacobian' })).toEqual([]);
});

test('forced colours: a lit part is shown by the system highlight and an outline', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('./?focus=dX:0,1');
  // Pointed at once the panel has settled (on a loaded machine the formulas can still move it under the pointer).
  await expect(page.locator(`${panel} [data-line="matrix-form"] .katex`).first()).toBeVisible();
  const part = page.locator(`${panel} [data-line="code"] [data-part="f-W"]`).first();
  await expect(async () => {
    await part.hover();
    await expect(page.locator(lit('[data-line="matrix-form"]')).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const style = await page.locator(lit('[data-line="matrix-form"]')).first().evaluate((e) => {
    const cs = getComputedStyle(e);
    return { outline: cs.outlineStyle, width: cs.outlineWidth };
  });
  expect(style).toEqual({ outline: 'dotted', width: '2px' });
});

test('the loss and the update are linked too: the true class of softmax-ce, and dL/dW in the update (column)', async ({ page, errors }) => {
  void errors;
  await page.goto('./?conv=column&loss=softmax-ce&update=0.1&focus=dY:1,0');
  // The true class c_s in the rule: the target in the code, and sample 0's class in its grid.
  await page.locator(`${panel} [data-line="general"] [data-part="f-target"]`).first().hover();
  await expect(page.locator(lit('[data-line="general"]'))).toHaveCount(1);
  await expect(page.locator(lit('[data-line="code"]')).first()).toHaveText('target');
  await expect(page.locator('[role="grid"][data-matrix="target"] [role="gridcell"].term')).toHaveCount(1);
  // From the keyboard, the result, then index j, then the sample index s: it lights the s of c_s too, and the sample's cells of y.
  await page.mouse.move(5, 5);
  await page.locator(`${panel} [data-line="general"] .parts`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(`${panel} .sr-only`).filter({ hasText: 'Pointing at' })).toHaveText('Pointing at index s');
  await expect(page.locator(lit('[data-line="general"]'))).toHaveCount(3);
  await expect(page.locator('[role="grid"][data-matrix="y"] [role="gridcell"].term')).toHaveCount(2);
  expect(await axe(page, { exclude: '.jacobian' })).toEqual([]);

  // The update of W[0,1]: dL/dW in the code lights it in the rule and the matrix form, and its cell.
  await page.goto('./?conv=column&loss=softmax-ce&update=0.1&focus=Wn:0,1');
  await expect(page.locator(`${panel} [data-line="code"] .code-line`)).toHaveText(['W_new = W - lr * dW']);
  await page.locator(`${panel} [data-line="code"] [data-part="f-dW"]`).hover();
  await expect(page.locator(lit('[data-line="general"]'))).toHaveCount(1);
  await expect(page.locator(lit('[data-line="matrix-form"]'))).toHaveCount(1);
  await expect(page.locator('[role="grid"][data-matrix="dW"] [role="gridcell"].term')).toHaveCount(1);
  await expect(page.locator('[role="grid"][data-matrix="W"] [role="gridcell"].term')).toHaveCount(0);
});
