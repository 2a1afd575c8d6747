import type { Page } from '@playwright/test';
import { CONVENTIONS, buildScript, computeLesson, makeLesson, stepWrites, type Activation, type Convention } from '../../src/core/index.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { axe, expect, test } from './fixtures.ts';

/** The English the page shows for a message. */
const english = createI18n('en', EN);

/** Every grid's cell values as the page shows them (data-value; '' for not computed). */
async function gridValues(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const g of document.querySelectorAll<HTMLElement>('[role="grid"][data-matrix]')) {
      out[g.dataset.matrix ?? ''] = [...g.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => c.dataset.value ?? '');
    }
    return out;
  });
}

const lesson = (conv: Convention, activation: Activation = 'identity') => {
  const cfg = { convention: conv, loss: 'mse' as const, B: 2, N: 3, T: 2 };
  const inputs = makeLesson(cfg, 7);
  const outputs = computeLesson(conv, 'mse', inputs, activation);
  const script = buildScript({ convention: conv, loss: 'mse', activation, sizes: cfg, inputs, outputs }, 'fine');
  return { outputs, script };
};

const RUNS: [Convention, Activation][] = [...CONVENTIONS.map((c): [Convention, Activation] => [c, 'identity']), ['column', 'sigmoid'], ['torch', 'relu']];
for (const [conv, act] of RUNS) {
  test(`keyboard alone steps through a whole lesson (${conv}, ${act})`, async ({ page, errors }) => {
    void errors;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./?conv=${conv}&step=0${act === 'identity' ? '' : `&act=${act}`}`);
    const { outputs, script } = lesson(conv, act);
    const n = script.steps.length;
    const start = await gridValues(page);
    const computed = act === 'identity' ? ['y', 'dY', 'dW', 'db', 'dX'] : ['z', 'y', 'dY', 'dZ', 'dW', 'db', 'dX'];
    for (const m of computed) expect(start[m].every((v) => v === ''), `${m} empty at the start`).toBe(true);
    await expect(page.getByTestId('narration')).toContainText('Start');
    for (let k = 1; k <= n; k++) {
      await page.keyboard.press(k % 2 ? 'ArrowRight' : 'PageDown');
      if (k < n) await expect(page.getByTestId('narration')).toContainText(`Step ${k} of ${n}`);
      if (k < n) await expect(page.getByTestId('narration')).toContainText(english.msg(script.steps[k - 1].narration.text));
      // The cells this step wrote now hold its values.
      const [w] = stepWrites(script.steps[k - 1], 1);
      const cell = page.locator(`[data-matrix="${w.cell.m}"] [data-r="${w.cell.r}"][data-c="${w.cell.c}"]`);
      await expect(cell).toHaveAttribute('data-value', String(w.value));
    }
    await expect(page.getByTestId('narration')).toContainText(`Complete: all ${n} steps`);
    const end = await gridValues(page);
    expect(end.y.map(Number)).toEqual(Array.from(outputs.y.data));
    expect(end.dW.map(Number)).toEqual(Array.from(outputs.dW.data));
    expect(end.db.map(Number)).toEqual(Array.from(outputs.db));
    expect(end.dX.map(Number)).toEqual(Array.from(outputs.dX.data));
    if (act !== 'identity') {
      expect(end.z.map(Number)).toEqual(Array.from(outputs.z.data));
      expect(end.dZ.map(Number)).toEqual(Array.from(outputs.dZ.data));
    }
    await page.keyboard.press('Home');
    await expect(page.getByTestId('narration')).toContainText('Start');
    await page.keyboard.press('End');
    await expect(page.getByTestId('narration')).toContainText('Complete');
  });
}

test('Space plays and pauses, and playback advances by itself', async ({ page, errors }) => {
  void errors;
  await page.goto('./?step=0');
  await expect(page.getByTestId('narration')).toContainText('Start');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: /Pause/ })).toBeVisible();
  await expect(page.getByTestId('narration')).toContainText('Step 2 of', { timeout: 5000 });
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  const text = await page.getByTestId('narration').textContent();
  await page.waitForTimeout(1200);
  expect(await page.getByTestId('narration').textContent()).toBe(text);
});

test('the phase buttons land on the first step of their phase and show it, at both grains, with an activation', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const q of ['', '&act=sigmoid&grain=coarse']) {
    await page.goto(`./?conv=column&step=0${q}`);
    const phases = page.getByRole('group', { name: 'Jump to a phase' });
    const count = page.getByTestId('narration').locator('.step-count');
    for (const name of ['Backward', 'Loss', 'Forward']) {
      await phases.getByRole('button', { name }).click();
      await expect(count, q).toHaveText(new RegExp(`^Step \\d+ of \\d+ · ${name}$`));
      await expect(phases.locator('[aria-current="step"]'), q).toHaveText([name]);
    }
  }
  // The issue's case: 13 fine steps, Backward from the 8th on.
  await page.goto('./?step=0');
  await page.getByRole('group', { name: 'Jump to a phase' }).getByRole('button', { name: 'Backward' }).click();
  await expect(page.getByTestId('narration').locator('.step-count')).toHaveText('Step 8 of 13 · Backward');
  await expect(page).toHaveURL(/step=8/);
});

test('a link with step opens mid-lesson on the same screen', async ({ page, context, errors }) => {
  void errors;
  await page.goto('./?conv=torch&loss=softmax-ce&step=5&focus=dW:1,0');
  await expect(page.getByTestId('narration')).toContainText('Step 5');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=6/);
  const url = page.url();
  const before = await gridValues(page);
  // KaTeX arrives after the first paint: compare the typeset panels, not a plain-text one with a typeset one.
  await expect(page.getByTestId('derivation').locator('.katex').first()).toBeVisible();
  const derivation = await page.getByTestId('derivation').innerText();
  const narration = await page.getByTestId('narration').innerText();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('derivation').locator('.katex').first()).toBeVisible();
  await expect.poll(() => other.getByTestId('narration').innerText()).toBe(narration);
  expect(await gridValues(other)).toEqual(before);
  expect(await other.getByTestId('derivation').innerText()).toBe(derivation);
  await other.close();
});

test('hovering mid-lesson explains the partial sum shown', async ({ page, errors }) => {
  void errors;
  const { script } = lesson('row');
  const afterFirstSample = script.steps.findIndex((s) => s.target === 'dW') + 1;
  await page.goto(`./?step=${afterFirstSample}`);
  const cell = page.locator('[data-matrix="dW"] [data-r="1"][data-c="0"]');
  await cell.hover();
  const value = await cell.getAttribute('data-value');
  await expect(page.getByTestId('derivation')).toContainText('1 of 2 samples added so far');
  await expect(page.locator('.derivation [data-line="result"]')).toHaveAttribute('data-value', value ?? 'missing');
  await expect(page.locator('.derivation .term')).toHaveCount(1);
  // A value not computed yet says so.
  await page.locator('[data-matrix="dX"] [data-r="0"][data-c="0"]').hover();
  await expect(page.getByTestId('derivation')).toContainText('not computed yet');
});

test('reduced motion: a step leaves no running animations', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?step=0');
  await expect(page.getByTestId('narration')).toContainText('Start');
  for (let k = 0; k < 8; k++) {
    await page.keyboard.press('ArrowRight');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  }
  await expect(page.getByRole('button', { name: /Play/ })).toBeDisabled();
});

test('with motion allowed, a step animates the flow and then settles', async ({ page, errors }) => {
  void errors;
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('./?step=0');
  await expect(page.getByTestId('narration')).toContainText('Start');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.flow-token, .count-ghost').length)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('.flow-token, .count-ghost').length), { timeout: 4000 }).toBe(0);
});

test('the player passes an axe scan mid-lesson', async ({ page, errors }) => {
  void errors;
  await page.goto('./?step=6&focus=dW:0,1');
  await expect(page.getByTestId('narration')).toContainText('Step 6');
  expect(await axe(page)).toEqual([]);
});
