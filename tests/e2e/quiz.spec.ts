// The exercise mode in a real browser: a set answered right, wrong, with bad input and with hints, progress kept
// across a reload and reset, axe in the mode, and the xAPI statements reaching a host page on another origin.
import type { Frame, Page } from '@playwright/test';
import { computeLesson, exerciseSet, makeLesson, writeCellText, type Exercise, type QuizSpec } from './quizModel.ts';
import { axe, expect, test } from './fixtures.ts';
import { hostPage, startHost } from './embed/host.ts';

/** The exercises the app makes for the default lesson (row, B=2, N=3, T=2, mse, seed 7), from the same core. */
function setOf(spec: QuizSpec): Exercise[] {
  const config = { convention: 'row' as const, B: 2, N: 3, T: 2, loss: 'mse' as const, activation: 'identity' as const };
  const inputs = makeLesson(config, 7);
  return exerciseSet({ convention: 'row', loss: 'mse', activation: 'identity', sizes: { B: 2, N: 3, T: 2 }, inputs, outputs: computeLesson('row', 'mse', inputs, 'identity') }, spec);
}

/** Gives the right answer to the exercise shown, as a learner would. */
async function answerRight(root: Page | Frame, ex: Exercise) {
  const q = root.locator('.quiz');
  if (ex.kind === 'predict') await q.locator('[data-quiz-input="value"]').fill(String(ex.answer));
  if (ex.kind === 'shape') {
    await q.locator('[data-quiz-input="rows"]').fill(String(ex.answer[0]));
    await q.locator('[data-quiz-input="cols"]').fill(String(ex.answer[1]));
  }
  if (ex.kind === 'formula') await q.locator(`[data-choice="${ex.answer}"]`).check();
  if (ex.kind === 'bug') await q.locator(`[data-choice="${ex.answer}"]`).check();
  if (ex.kind === 'deps') for (const c of ex.answer) await q.locator(`[data-cell="${writeCellText(c)}"]`).check();
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('[data-quiz-feedback]')).toHaveAttribute('data-quiz-feedback', 'correct');
}

test('a set answered with bad input, a wrong answer, hints and right answers; progress kept across a reload, and reset', async ({ page, errors }) => {
  const spec: QuizSpec = { kinds: ['predict', 'deps', 'bug'], count: 3, seed: 2, adaptive: false };
  const set = setOf(spec);
  await page.goto('/?quiz=predict,deps,bug&qseed=2&qn=3');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const q = page.locator('.quiz');
  await expect(q).toBeVisible();
  await expect(page.locator('.derivation')).toHaveCount(0);
  const first = set[0];
  // The first exercise (a value to predict): bad input, then a wrong answer, two hints, then right.
  if (first.kind !== 'predict') throw new Error(`seed 2 starts with ${first.kind}`);
  await expect(page.locator(`[data-matrix="${first.cell.m}"] [data-r="${first.cell.r}"][data-c="${first.cell.c}"]`)).toHaveAttribute('data-value', '');
  const field = q.locator('[data-quiz-input="value"]');
  await field.fill('1.2.3');
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('[data-quiz-feedback]')).toHaveAttribute('data-quiz-feedback', 'invalid');
  await expect(q.locator('.quiz-feedback')).toContainText('not a number');
  await expect(field).toHaveValue('1.2.3');
  await field.fill('');
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('.quiz-feedback')).toContainText('Type an answer first');
  await field.fill(String(first.answer + 1000));
  await q.getByRole('button', { name: 'Check' }).click();
  await expect(q.locator('[data-quiz-feedback]')).toHaveAttribute('data-quiz-feedback', 'wrong');
  await q.getByRole('button', { name: 'Hint' }).click();
  await expect(q.locator('[data-hint="1"]')).toBeVisible();
  await q.getByRole('button', { name: 'Hint' }).click();
  await expect(q.locator('[data-hint="2"]')).toBeVisible();
  // The live region says what Check said.
  await expect(page.locator('[data-quiz-live]')).not.toBeEmpty();
  await answerRight(page, first);
  // Solved: the derivation panel explains it, as outside the mode.
  await expect(page.locator('.derivation')).toHaveCount(1);
  for (let k = 1; k < set.length; k++) {
    await q.getByRole('button', { name: 'Next exercise' }).click();
    await expect(q).toHaveAttribute('data-quiz-index', String(k));
    await expect(page.locator('[data-quiz-live]')).toContainText(`Exercise ${k + 1} of 3`);
    await answerRight(page, set[k]);
    // A bug found: the finite-difference check, cell by cell, shows where the wrong gradient differs.
    const ex = set[k];
    if (ex.kind === 'bug') await expect(q.locator(`[data-check="${ex.answer}"] [data-ok="false"]`).first()).toBeVisible();
  }
  await expect(q.locator('[data-quiz-score]')).toHaveAttribute('data-quiz-score', '3,2,2');
  await expect(q.locator('.quiz-done')).toContainText('2 of 3 right first time');
  await page.reload();
  await expect(page.locator('.quiz [data-quiz-score]')).toHaveAttribute('data-quiz-score', '3,2,2');
  await page.locator('.quiz').getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.locator('.quiz [data-quiz-score]')).toHaveAttribute('data-quiz-score', '0,0,0');
  expect(errors).toEqual([]);
});

test('axe finds nothing in the exercise mode, with hints and a finite-difference check shown', async ({ page }) => {
  const spec: QuizSpec = { kinds: ['bug', 'formula'], count: 2, seed: 1, adaptive: false };
  const set = setOf(spec);
  await page.goto('/?quiz=bug,formula&qseed=1&qn=2');
  await page.locator('.quiz').getByRole('button', { name: 'Hint' }).click();
  expect(await axe(page, { exclude: '.jacobian' })).toEqual([]);
  await answerRight(page, set[0]);
  expect(await axe(page, { include: '.quiz' })).toEqual([]);
});

test('the answers reach a host page on another origin as xAPI statements: answered, completed, passed', async ({ page, errors }) => {
  const host = await startHost();
  try {
    const base = String(test.info().project.use.baseURL);
    await page.goto(host.page('/quiz.html', hostPage([`${base}?embed=1&quiz=shape,formula&qseed=2&qn=2`])));
    await page.evaluate(() => (window as unknown as { connected: Promise<void> }).connected);
    const app = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(base));
    if (!app) throw new Error('no app frame');
    const set = setOf({ kinds: ['shape', 'formula'], count: 2, seed: 2, adaptive: false });
    const q = app.locator('.quiz');
    await q.getByRole('button', { name: 'Check' }).click();
    if (set[0].kind === 'shape') {
      await q.locator('[data-quiz-input="rows"]').fill('99');
      await q.locator('[data-quiz-input="cols"]').fill('1');
    } else await q.locator(`[data-choice]:not([data-choice="${set[0].answer}"])`).first().check();
    await q.getByRole('button', { name: 'Check' }).click();
    await expect(q.locator('[data-quiz-feedback]')).toHaveAttribute('data-quiz-feedback', 'wrong');
    await answerRight(app, set[0]);
    await q.getByRole('button', { name: 'Next exercise' }).click();
    await answerRight(app, set[1]);
    type Raw = { type?: string; statement?: { verb: { display: { 'en-US': string } }; result: { success: boolean; score: { raw: number; max: number } }; object: { id: string } } };
    const statements = async () => ((await page.evaluate(() => (window as unknown as { raw: unknown[][] }).raw[0])) as Raw[]).filter((m) => m.type === 'xapi').map((m) => m.statement!);
    await expect.poll(async () => (await statements()).map((s) => `${s.verb.display['en-US']}:${s.result.success}`)).toEqual(['answered:false', 'answered:true', 'answered:true', 'completed:true', 'passed:true']);
    const all = await statements();
    expect(all[0].object.id).toMatch(/quiz=shape,formula&qseed=2&qn=2#exercise-1$/);
    expect(all[3].result.score).toMatchObject({ raw: 1, max: 2 });
  } finally {
    await host.close();
  }
  expect(errors).toEqual([]);
});
