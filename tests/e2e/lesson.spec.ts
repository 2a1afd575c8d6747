// The lesson view in a real browser, in all three conventions: every number and every
// derivation against core, keyboard use, editing, shareable links and bad links.
import type { Page } from '@playwright/test';
import { CONVENTIONS, LOSS_KINDS, derive, withEntry, type Activation, type CellRef, type Convention, type MatrixName } from '../../src/core/index.ts';
import { expect, test } from './fixtures.ts';
import {
  cellText,
  cellsOf,
  derivationMismatches,
  gridMismatches,
  hoverAll,
  model,
  query,
  readDerivation,
  readGrids,
  shapeOf,
  shownMatrices,
  type Lesson,
} from './lessonModel.ts';

const cellLoc = (page: Page, c: CellRef) => page.locator(`.lesson [role="grid"][data-matrix="${c.m}"] [data-r="${c.r}"][data-c="${c.c}"]`);
const panelCell = (page: Page) => page.locator('.derivation .derivation-body');
const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');

/** Opens a cell's editor with the keyboard, types text and presses Enter. */
async function typeInto(page: Page, c: CellRef, text: string) {
  await cellLoc(page, c).focus();
  await page.keyboard.press('Enter');
  const input = cellLoc(page, c).locator('input');
  await expect(input).toBeFocused();
  await input.fill(text);
  await page.keyboard.press('Enter');
}

test.describe('numbers and derivations match core', () => {
  // Non-square sizes, so a swapped index cannot go unnoticed.
  const sizes = { B: 3, N: 4, T: 2 };
  for (const conv of CONVENTIONS) {
    for (const [k, loss] of LOSS_KINDS.entries()) {
      test(`${conv}, ${loss}: every cell of every matrix`, async ({ page, errors }) => {
        void errors;
        const lesson: Lesson = { conv, loss, ...sizes, seed: 20 + k };
        const ctx = model(lesson);
        await page.goto(query(lesson));
        await ready(page);
        expect(await gridMismatches(page, ctx)).toEqual([]);
        const cells = shownMatrices(loss).flatMap((m) => cellsOf(ctx, m));
        const shown = await hoverAll(page, cells);
        const bad = cells.flatMap((c, i) => derivationMismatches(shown[i], ctx, c));
        expect(bad).toEqual([]);
      });
    }
  }
  // With an activation after the layer: z and dL/dz join the grids, and every cell still matches core.
  const withActivation: [Convention, (typeof LOSS_KINDS)[number], Activation][] = [
    ['row', 'mse', 'relu'],
    ['torch', 'softmax-ce', 'sigmoid'],
    ['column', 'sum', 'tanh'],
    ['row', 'upstream', 'sigmoid'],
    ['column', 'mse', 'relu'],
  ];
  for (const [conv, loss, act] of withActivation) {
    test(`${conv}, ${loss}, ${act}: every cell of every matrix, z and dL/dz included`, async ({ page, errors }) => {
      void errors;
      const lesson: Lesson = { conv, loss, act, ...sizes, seed: 31 };
      const ctx = model(lesson);
      await page.goto(query(lesson));
      await ready(page);
      expect(await gridMismatches(page, ctx)).toEqual([]);
      const cells = shownMatrices(loss, act).flatMap((m) => cellsOf(ctx, m));
      expect(cells.some((c) => c.m === 'z') && cells.some((c) => c.m === 'dZ')).toBe(true);
      const shown = await hoverAll(page, cells);
      expect(cells.flatMap((c, i) => derivationMismatches(shown[i], ctx, c))).toEqual([]);
    });
  }
});

test.describe('keyboard', () => {
  for (const conv of CONVENTIONS) {
    test(`${conv}: Tab reaches each grid, arrows move, and focus explains like hover`, async ({ page, errors }) => {
      void errors;
      const lesson: Lesson = { conv, loss: 'mse', B: 2, N: 3, T: 2, seed: 7 };
      const ctx = model(lesson);
      await page.goto(query(lesson));
      await ready(page);
      // Tab through the page and note the grids reached, in order.
      const reached: string[] = [];
      for (let k = 0; k < 80 && reached.length < 10; k++) {
        await page.keyboard.press('Tab');
        const m = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.getAttribute('role') === 'gridcell' ? (el.closest('[role="grid"]') as HTMLElement).dataset.matrix! : null;
        });
        if (m && reached.at(-1) !== m) reached.push(m);
      }
      expect(reached).toEqual(['x', 'W', 'b', 'y', 'target', 'L', 'dY', 'dW', 'db', 'dX']);

      // Back to x with Shift+Tab, then move with the arrows.
      for (let k = 0; k < 80; k++) {
        const m = await page.evaluate(() => (document.activeElement?.closest('[role="grid"]') as HTMLElement | null)?.dataset.matrix);
        if (m === 'x') break;
        await page.keyboard.press('Shift+Tab');
      }
      const x00 = { m: 'x', r: 0, c: 0 } as const;
      await expect(cellLoc(page, x00)).toBeFocused();
      await expect(panelCell(page)).toHaveAttribute('data-cell', 'x:0,0');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowDown');
      const moved = { m: 'x', r: 1, c: 1 } as const;
      await expect(cellLoc(page, moved)).toBeFocused();
      await expect(panelCell(page)).toHaveAttribute('data-cell', 'x:1,1');
      await expect(cellLoc(page, moved)).toHaveClass(/active/);
      // An input is explained by the outputs it feeds: x[s,i] feeds every y of sample s.
      const feeds = derive(ctx, moved).feeds.filter((f) => f.m === 'y');
      for (const f of feeds) await expect(cellLoc(page, f)).toHaveClass(/\bdep\b/);
      // The focus is part of the link.
      await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe('x:1,1');

      // Tab on to dW and check its derivation against core, as hover would show it.
      while ((await page.evaluate(() => (document.activeElement?.closest('[role="grid"]') as HTMLElement | null)?.dataset.matrix)) !== 'dW') {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Control+End');
      const [rows, cols] = shapeOf(ctx, 'dW');
      const last = { m: 'dW', r: rows - 1, c: cols - 1 } as const;
      await expect(cellLoc(page, last)).toBeFocused();
      await expect(panelCell(page)).toHaveAttribute('data-cell', cellText(last));
      expect(derivationMismatches(await readDerivation(page), ctx, last)).toEqual([]);
      const deps = derive(ctx, last).deps;
      for (const d of deps) await expect(cellLoc(page, d)).toHaveClass(/\bdep\b/);
    });
  }

  test('a real pointer hover explains the cell and leaving it clears the panel', async ({ page, errors }) => {
    void errors;
    await page.goto('./');
    await ready(page);
    await cellLoc(page, { m: 'db', r: 0, c: 1 }).hover();
    await expect(panelCell(page)).toHaveAttribute('data-cell', 'db:0,1');
    await page.mouse.move(5, 5);
    await expect(panelCell(page)).toHaveCount(0);
  });
});

/** The edits to make in each convention: a cell of x, W and b, in the convention's layout. */
const EDITS: Record<Convention, { m: MatrixName; r: number; c: number; text: string; value: number }[]> = {
  row: [
    { m: 'x', r: 1, c: 2, text: '1.5', value: 1.5 },
    { m: 'W', r: 2, c: 0, text: '-0.35', value: -0.35 },
    { m: 'b', r: 0, c: 1, text: '3.7e-1', value: 0.37 },
  ],
  torch: [
    { m: 'x', r: 0, c: 1, text: '\u22123', value: -3 },
    { m: 'W', r: 1, c: 2, text: '0.75', value: 0.75 },
    { m: 'b', r: 0, c: 0, text: '1', value: 1 },
  ],
  column: [
    { m: 'x', r: 2, c: 1, text: ' 0.5 ', value: 0.5 },
    { m: 'W', r: 0, c: 2, text: '-1.125', value: -1.125 },
    // Y = WX + b1ᵀ: b is a column, and b[1] is its cell 1,0.
    { m: 'b', r: 1, c: 0, text: '-.5', value: -0.5 },
  ],
};

function applyEdit(ctxInputs: ReturnType<typeof model>['inputs'], e: { m: MatrixName; r: number; c: number; value: number }) {
  // b's one index is its column in a row, its row in a column.
  if (e.m === 'b') ctxInputs.b[e.r + e.c] = e.value;
  else if (e.m === 'x') ctxInputs.x = withEntry(ctxInputs.x, e.r, e.c, e.value);
  else if (e.m === 'W') ctxInputs.W = withEntry(ctxInputs.W, e.r, e.c, e.value);
}

test.describe('editing', () => {
  for (const conv of CONVENTIONS) {
    test(`${conv}: typed values update every dependent, and the link restores them`, async ({ page, context, errors }) => {
      void errors;
      const lesson: Lesson = { conv, loss: 'mse', B: 2, N: 3, T: 2, seed: 5 };
      await page.goto(query(lesson));
      await ready(page);
      const done: (typeof EDITS)['row'] = [];
      for (const e of EDITS[conv]) {
        const before = await readGrids(page);
        await typeInto(page, e, e.text);
        done.push(e);
        const ctx = model(lesson, (inp) => done.forEach((d) => applyEdit(inp, d)));
        await expect.poll(() => gridMismatches(page, ctx)).toEqual([]);
        const after = await readGrids(page);
        // Its dependents really changed: y, L and dW always do.
        for (const m of ['y', 'L', 'dW']) expect(after[m], `${e.m} edit changes ${m}`).not.toEqual(before[m]);
        await expect(cellLoc(page, e)).toBeFocused();
      }
      // Explain a cell, then copy the link into a fresh page.
      const focusCell = { m: 'dX', r: 1, c: 1 } as const;
      await cellLoc(page, focusCell).focus();
      await expect(panelCell(page)).toHaveAttribute('data-cell', 'dX:1,1');
      await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe('dX:1,1');
      const url = page.url();
      const grids = await readGrids(page);
      const derivation = await readDerivation(page);

      const other = await context.newPage();
      const otherErrors: string[] = [];
      other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()));
      other.on('pageerror', (e) => otherErrors.push(e.message));
      await other.goto(url);
      await ready(other);
      expect(await readGrids(other)).toEqual(grids);
      await expect(panelCell(other)).toHaveAttribute('data-cell', 'dX:1,1');
      expect(await readDerivation(other)).toEqual(derivation);
      await expect(other.locator('.notices')).toHaveCount(0);
      await expect(other.locator(`input[data-choice="conv"][value="${conv}"]`)).toBeChecked();
      expect(new URL(other.url()).search).toBe(new URL(url).search);
      expect(otherErrors).toEqual([]);
      await other.close();
    });
  }

  test('class targets, the mse target and the upstream gradient are editable too', async ({ page, errors }) => {
    void errors;
    const ce: Lesson = { conv: 'column', loss: 'softmax-ce', B: 3, N: 2, T: 3, seed: 9 };
    await page.goto(query(ce));
    await ready(page);
    const current = model(ce).inputs.targetClasses[1];
    const next = (current + 1) % 3;
    await typeInto(page, { m: 'target', r: 0, c: 1 }, String(next));
    await expect.poll(() => gridMismatches(page, model(ce, (i) => (i.targetClasses[1] = next)))).toEqual([]);

    const up: Lesson = { conv: 'torch', loss: 'upstream', B: 2, N: 3, T: 2, seed: 9 };
    await page.goto(query(up));
    await ready(page);
    await typeInto(page, { m: 'dY', r: 1, c: 0 }, '2.5');
    await expect.poll(() => gridMismatches(page, model(up, (i) => (i.upstream = withEntry(i.upstream, 1, 0, 2.5))))).toEqual([]);

    const mse: Lesson = { conv: 'row', loss: 'mse', B: 2, N: 3, T: 2, seed: 9 };
    await page.goto(query(mse));
    await ready(page);
    await typeInto(page, { m: 'target', r: 0, c: 1 }, '-4');
    await expect.poll(() => gridMismatches(page, model(mse, (i) => (i.targetMatrix = withEntry(i.targetMatrix, 0, 1, -4))))).toEqual([]);
  });

  test('bad edits are refused in place with a visible message, keeping the typed text', async ({ page, errors }) => {
    void errors;
    const lesson: Lesson = { conv: 'row', loss: 'mse', B: 2, N: 3, T: 2, seed: 7 };
    await page.goto(query(lesson));
    await ready(page);
    const ctx = model(lesson);
    const w = { m: 'W', r: 1, c: 1 } as const;
    for (const [text, says] of [
      ['abc', '“abc” is not a finite number'],
      ['1..2', 'not a finite number'],
      ['', 'cannot be empty'],
      ['1e999', 'not a finite number'],
    ]) {
      await typeInto(page, w, text);
      const alert = page.locator('.matrix-W [role="alert"]');
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(says);
      await expect(alert).toContainText('W[1,1]');
      const input = cellLoc(page, w).locator('input');
      await expect(input).toHaveValue(text);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toBeFocused();
      expect(await gridMismatches(page, ctx)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(input).toHaveCount(0);
      await expect(alert).toHaveCount(0);
    }
    // A class index out of range, and a value that would overflow the layer.
    // 1e100 keeps y, L and every gradient finite; a weight of 1e300 on top would overflow y.
    await typeInto(page, { m: 'x', r: 0, c: 0 }, '1e100');
    await typeInto(page, { m: 'W', r: 0, c: 0 }, '1e300');
    await expect(page.locator('.matrix-W [role="alert"]')).toContainText(/overflow/);
    await page.keyboard.press('Escape');
    expect(await gridMismatches(page, model(lesson, (i) => (i.x = withEntry(i.x, 0, 0, 1e100))))).toEqual([]);

    await page.goto(query({ ...lesson, loss: 'softmax-ce' }));
    await ready(page);
    await typeInto(page, { m: 'target', r: 0, c: 0 }, '5');
    await expect(page.locator('.matrix-target [role="alert"]')).toContainText('0 to 1');
  });

  test('Escape cancels an edit and keeps the old value', async ({ page, errors }) => {
    void errors;
    await page.goto('./');
    await ready(page);
    const before = await readGrids(page);
    const c = { m: 'x', r: 0, c: 0 } as const;
    await cellLoc(page, c).focus();
    await page.keyboard.press('Enter');
    await cellLoc(page, c).locator('input').fill('42');
    await page.keyboard.press('Escape');
    await expect(cellLoc(page, c).locator('input')).toHaveCount(0);
    await expect(cellLoc(page, c)).toBeFocused();
    expect(await readGrids(page)).toEqual(before);
    expect(new URL(page.url()).searchParams.get('x')).toBeNull();
  });
});

test.describe('links', () => {
  test('bad URL parameters each show a notice naming them, and the page still works', async ({ page, errors }) => {
    void errors;
    await page.goto('./?B=40&conv=foo&x=1,2;3&loss=hinge&W=1,2&focus=dW:9,9&seed=1.5&act=swish');
    await ready(page);
    const notices = page.locator('.notices li');
    await expect(notices).toHaveCount(8);
    const says: Record<string, RegExp> = {
      B: /B=40.*clamped to 12/,
      conv: /“foo”.*using row/,
      x: /x has rows of different lengths/,
      loss: /“hinge”.*using mse/,
      W: /W is \[1×2\] but needs \[3×2\]/,
      focus: /“dW:9,9”/,
      seed: /“1\.5”/,
      act: /“swish”.*relu.*using identity/,
    };
    for (const [param, re] of Object.entries(says)) {
      const li = page.locator(`.notices li[data-param="${param}"]`);
      await expect(li).toBeVisible();
      await expect(li).toContainText(re);
    }
    // The lesson behind them is the clamped, defaulted one.
    expect(await gridMismatches(page, model({ conv: 'row', loss: 'mse', B: 12, N: 3, T: 2, seed: 7 }))).toEqual([]);
    await expect(page.locator('input[name="B"]')).toHaveValue('12');
    // The address bar is rewritten to what is shown.
    await expect.poll(() => new URL(page.url()).search).toBe('?B=12');
    await page.getByRole('button', { name: 'Dismiss the notice about B' }).click();
    await expect(notices).toHaveCount(7);
  });

  test('a focus in the link opens with its derivation', async ({ page, errors }) => {
    void errors;
    const lesson: Lesson = { conv: 'torch', loss: 'sum', B: 2, N: 3, T: 2, seed: 3 };
    await page.goto(query(lesson, '&focus=dW:1,2'));
    await ready(page);
    await expect(panelCell(page)).toHaveAttribute('data-cell', 'dW:1,2');
    expect(derivationMismatches(await readDerivation(page), model(lesson), { m: 'dW', r: 1, c: 2 })).toEqual([]);
  });
});

test.describe('long sums', () => {
  test('the loss at 12×12×12 shows its first and last terms, and all 144 on request, matching core', async ({ page, errors }) => {
    void errors;
    const lesson: Lesson = { conv: 'column', loss: 'mse', B: 12, N: 12, T: 12, seed: 7 };
    const ctx = model(lesson);
    const L = { m: 'L', r: 0, c: 0 } as const;
    await page.goto(query(lesson, '&focus=L:0,0'));
    await ready(page);
    expect(derivationMismatches(await readDerivation(page), ctx, L)).toEqual([]);
    await expect(page.locator('.derivation [data-line="numeric"] .sr-only').filter({ hasText: 'and 136 more terms' })).toHaveCount(1);
    const more = page.getByRole('button', { name: 'Show all 144 terms' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    await expect(page.locator('.derivation button[data-term]')).toHaveCount(144);
    expect(derivationMismatches(await readDerivation(page), ctx, L, true)).toEqual([]);
    await page.getByRole('button', { name: 'Show fewer terms' }).click();
    await expect(page.locator('.derivation button[data-term]')).toHaveCount(8);
    // Every derivation of a 12-term sum shows all its terms.
    const cells = [
      { m: 'dW', r: 11, c: 0 },
      { m: 'y', r: 3, c: 7 },
      { m: 'dX', r: 0, c: 11 },
      { m: 'db', r: 5, c: 0 },
    ] as CellRef[];
    const shown = await hoverAll(page, cells);
    expect(cells.flatMap((c, i) => derivationMismatches(shown[i], ctx, c))).toEqual([]);
    expect(await gridMismatches(page, ctx)).toEqual([]);
  });
});

test.describe('term hover', () => {
  for (const conv of CONVENTIONS) {
    test(`${conv}: hovering a term outlines its two factor cells`, async ({ page, errors }) => {
      void errors;
      const lesson: Lesson = { conv, loss: 'mse', B: 3, N: 2, T: 2, seed: 4 };
      const ctx = model(lesson);
      for (const target of [
        { m: 'dW', r: 1, c: 0 },
        { m: 'y', r: 0, c: 1 },
        { m: 'dX', r: 1, c: 0 },
      ] as CellRef[]) {
        await page.goto(query(lesson, `&focus=${cellText(target)}`));
        await ready(page);
        const d = derive(ctx, target);
        const terms = page.locator('.derivation button[data-term]');
        await expect(terms).toHaveCount(d.terms.length);
        for (const [k, t] of d.terms.entries()) {
          await terms.nth(k).hover();
          await expect(terms.nth(k)).toHaveClass(/\bon\b/);
          const marked = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.lesson [role="gridcell"].term')].map(
              (c) => `${(c.closest('[role="grid"]') as HTMLElement).dataset.matrix}:${c.dataset.r},${c.dataset.c}`,
            ),
          );
          expect(marked.sort(), `${cellText(target)} term ${k}`).toEqual(t.factors.map(cellText).sort());
        }
        await page.mouse.move(2, 2);
        await expect(page.locator('.lesson [role="gridcell"].term')).toHaveCount(0);
      }
    });
  }
});
