// The seeded UI fuzz's invariants: the grids on screen equal core's recomputation from the grids' own
// inputs (at the player's step), and the page's link restores the same screen in a fresh page.
import type { BrowserContext, Page } from '@playwright/test';
import {
  buildScript,
  computeLesson,
  isActivation,
  isConvention,
  isLossKind,
  lessonGraph,
  LOSS_TARGET,
  matrixValues,
  sizesOf,
  snapshotAt,
  yShape,
  zeros,
  type DerivationContext,
  type LessonInputs,
  type Matrix,
  type MatrixName,
} from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { close, shownMatrices } from './lessonModel.ts';

const INPUTS: readonly MatrixName[] = ['x', 'W', 'b', 'target'];

/** What the page shows: its choices, the player's position and every grid, read from the DOM. */
export interface Screen {
  url: string;
  /** The lesson view, presentation mode (a stage of some of the matrices, and no controls), or the training view. */
  mode: 'lesson' | 'present' | 'train';
  /** The choices as the controls show them; '' in presentation mode, which has none (the link says). */
  conv: string;
  loss: string;
  act: string;
  step: number;
  steps: number;
  grain: string;
  /** Each grid's shape and values, and the cells its owner hides (an exercise's question, an unused matrix). */
  grids: Record<string, { rows: number; cols: number; values: (number | null)[]; hidden: number[] }>;
}

/** Reads the screen. A muted cell (not computed yet, unused, or hidden by an exercise) reads as null. */
function readOnce(page: Page): Promise<Screen> {
  return page.evaluate(() => {
    const app = document.querySelector('.app')!;
    const selects = app.querySelectorAll<HTMLSelectElement>('.controls select');
    const range = app.querySelector<HTMLInputElement>('.player input[type="range"]');
    const grids: Screen['grids'] = {};
    for (const g of app.querySelectorAll<HTMLElement>('.lesson [role="grid"][data-matrix], .stage-grids [role="grid"][data-matrix]')) {
      const cells = [...g.querySelectorAll<HTMLElement>('[role="gridcell"]')];
      const rows = 1 + Math.max(-1, ...cells.map((c) => Number(c.dataset.r)));
      const cols = 1 + Math.max(-1, ...cells.map((c) => Number(c.dataset.c)));
      const values = cells.map((c) => (c.dataset.value === '' ? null : Number(c.dataset.value)));
      const hidden = cells.flatMap((c, k) => (c.dataset.hidden === undefined ? [] : [k]));
      grids[g.dataset.matrix!] = { rows, cols, values, hidden };
    }
    return {
      url: location.href,
      mode: app.querySelector('[data-testid="present"]') ? 'present' : app.querySelector('.train-view') ? 'train' : 'lesson',
      conv: app.querySelector<HTMLInputElement>('input[data-choice="conv"]:checked')?.value ?? '',
      loss: selects[0]?.value ?? '',
      act: selects[1]?.value ?? '',
      step: Number(range?.value ?? NaN),
      steps: Number(range?.max ?? NaN),
      grain: app.querySelector<HTMLSelectElement>('.player .grain select')?.value ?? '',
      grids,
    };
  });
}

const frames = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Reads the screen until two reads two frames apart agree (the link is written a moment before the grids redraw). */
export async function readScreen(page: Page): Promise<Screen> {
  let last = await readOnce(page);
  for (let k = 0; k < 10; k++) {
    await frames(page);
    const next = await readOnce(page);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  return last;
}

/** Waits until the page shows a lesson (in either view) and two frames have passed. */
export async function settle(page: Page): Promise<void> {
  try {
    // Attached, not visible: blank mode in a presentation hides the page under its black screen.
    await page.waitForSelector('.player input[type="range"], .train-view', { state: 'attached', timeout: 15_000 });
  } catch {
    const shows = await page.evaluate(() => document.body?.innerText.slice(0, 300) ?? '(no body)').catch((e: Error) => e.message);
    throw new Error(`no lesson on the page at ${page.url()}; it shows: ${JSON.stringify(shows)}`);
  }
  await frames(page);
}

/** Pauses the player if it is playing, so the screen holds still while it is read (a click from script: blank mode makes the page inert). */
export async function pause(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('.player button.play[aria-pressed="true"]')?.click());
}

/** The screen in one line: its choices, the player's position and each grid's shape. */
export const describeScreen = (s: Screen): string =>
  `${s.mode}: ${s.conv || '(from the link)'}, ${s.loss}, ${s.act}, step ${s.step} of ${s.steps} (${s.grain}); ${Object.entries(s.grids).map(([m, g]) => `${m} ${g.rows}×${g.cols}`).join(', ')}`;

const asMatrix = (g: Screen['grids'][string]): Matrix => ({ rows: g.rows, cols: g.cols, data: Float64Array.from(g.values, (v) => v ?? Number.NaN) });

/**
 * Core's lesson built from the inputs the screen shows. What it does not show is taken from the page's link: the
 * choices in presentation mode (which has no controls), inputs off its stage, and dL/dy given upstream until the
 * player reaches it (its grid is blank until then). The round trip checks the link against the screen.
 */
function lessonOf(s: Screen): DerivationContext {
  const link = createAppStore(new URL(s.url).search).getState();
  const conv = s.conv || link.config.convention, loss = s.loss || link.config.loss, act = s.act || link.config.activation;
  if (!isConvention(conv) || !isLossKind(loss) || !isActivation(act)) throw new Error(`unknown choice on screen: ${conv}, ${loss}, ${act}`);
  const shown = (m: string): Matrix | null => {
    const g = s.grids[m];
    return g && g.values.every((v) => v !== null) ? asMatrix(g) : null;
  };
  const x = shown('x') ?? link.inputs.x, W = shown('W') ?? link.inputs.W;
  const sizes = sizesOf(conv, x, W);
  const [yr, yc] = yShape(conv, sizes);
  const target = shown('target');
  const inputs: LessonInputs = {
    x,
    W,
    b: shown('b')?.data ?? link.inputs.b,
    targetMatrix: LOSS_TARGET[loss] === 'matrix' ? (target ?? link.inputs.targetMatrix) : zeros(yr, yc),
    targetClasses: LOSS_TARGET[loss] === 'classes' ? (target ? Array.from(target.data) : link.inputs.targetClasses) : Array.from({ length: sizes.B }, () => 0),
    upstream: loss === 'upstream' ? (shown('dY') ?? link.inputs.upstream) : zeros(yr, yc),
  };
  return { convention: conv, loss, activation: act, sizes, inputs, outputs: computeLesson(conv, loss, inputs, act) };
}

// Inputs are compared exactly; computed values to 12 significant digits, as Node's and Chromium's exp and log may differ in the last bit.
const same = (a: number | null, b: number | null, exact: boolean) => a === b || (a !== null && b !== null && (exact ? false : close(a, b)));

/** Where the screen's grids differ from core's recomputation from the screen's own inputs, at the player's step. */
export function gridProblems(s: Screen): string[] {
  // The training view shows no lesson grids (its own numbers are checked by tests/e2e/train.spec.ts).
  if (s.mode === 'train') return [];
  let ctx: DerivationContext;
  try {
    ctx = lessonOf(s);
  } catch (e) {
    return [`core refuses the inputs on screen: ${(e as Error).message}`];
  }
  const graph = lessonGraph(ctx);
  const script = buildScript(ctx, s.grain === 'coarse' ? 'coarse' : 'fine', undefined, graph);
  const out: string[] = [];
  if (s.steps !== script.steps.length) out.push(`the player has ${s.steps} steps, core's ${s.grain} script ${script.steps.length}`);
  const snap = s.step < script.steps.length ? snapshotAt(ctx, script, s.step) : null;
  const all: MatrixName[] = shownMatrices(ctx.loss, ctx.activation);
  // The lesson view shows every matrix; presentation mode's stage some of them.
  const names = Object.keys(s.grids).sort();
  if (s.mode === 'lesson' ? names.join(' ') !== [...all].sort().join(' ') : names.some((m) => !all.includes(m as MatrixName))) {
    out.push(`${s.mode}: grids ${names.join(' ')}, the lesson has ${[...all].sort().join(' ')}`);
  }
  for (const m of all.filter((m) => s.mode === 'lesson' || s.grids[m])) {
    const want = Array.from(snap?.[m] ?? matrixValues(ctx, m), (v) => (Number.isNaN(v) ? null : v));
    const got = s.grids[m]?.values ?? [];
    if (got.length !== want.length) out.push(`${m}: ${got.length} cells, expected ${want.length}`);
    // A cell an exercise hides (or of a matrix the lesson does not use) shows nothing, not even its value in data-value.
    else
      got.forEach((v, k) =>
        s.grids[m].hidden.includes(k) ? v === null || out.push(`${m}[${k}] is hidden but gives away ${v}`) : same(v, want[k], INPUTS.includes(m)) || out.push(`${m}[${k}] shows ${v}, core says ${want[k]}`),
      );
  }
  return out.slice(0, 20);
}

/** What a fresh page opened at the screen's link shows differently, and any error it logs. */
export async function roundTripProblems(context: BrowserContext, s: Screen): Promise<string[]> {
  const fresh = await context.newPage();
  const out: string[] = [];
  fresh.on('console', (m) => m.type() === 'error' && out.push(`fresh page console error: ${m.text()}`));
  fresh.on('pageerror', (e) => out.push(`fresh page uncaught: ${e.message}`));
  try {
    await fresh.goto(s.url);
    await settle(fresh);
    const t = await readScreen(fresh);
    if (t.url !== s.url) out.push(`the link changed on opening: ${s.url} became ${t.url}`);
    // The training view has no player: its run starts again from the link (the run itself is not in it).
    const keys = s.mode === 'train' ? (['mode', 'conv'] as const) : (['mode', 'conv', 'loss', 'act', 'step', 'steps', 'grain'] as const);
    for (const k of keys) if (t[k] !== s[k]) out.push(`${k}: ${s[k]} on the page, ${t[k]} from its link`);
    // Presentation mode's stage can hold more matrices on one page ('all matrices' is not in the link): compare those both show.
    const names = Object.keys(s.grids).filter((m) => m in t.grids);
    if (s.mode === 'lesson' && names.length !== Object.keys(t.grids).length) out.push(`grids ${Object.keys(s.grids).join(' ')} on the page, ${Object.keys(t.grids).join(' ')} from its link`);
    // An exercise set opens at its first exercise, so the two pages may hide different cells: compare the rest.
    const open = (g: Screen['grids'][string], other: Screen['grids'][string]) => ({ ...g, values: g.values.map((v, k) => (g.hidden.includes(k) || other.hidden.includes(k) ? 'hidden' : v)), hidden: [] });
    for (const m of names) {
      const a = JSON.stringify(open(s.grids[m], t.grids[m])), b = JSON.stringify(open(t.grids[m], s.grids[m]));
      if (a !== b) out.push(`${m} differs from the link's: ${a.slice(0, 200)} vs ${b.slice(0, 200)}`);
    }
  } finally {
    await fresh.close();
  }
  return out;
}
