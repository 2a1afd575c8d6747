// What the lesson page should show, computed in Node by core, and helpers that read what it does show.
import type { Page } from '@playwright/test';
import {
  computeLesson,
  derive,
  lessonGraph,
  makeLesson,
  matrixValues,
  nodeShape,
  type Activation,
  type CellRef,
  type Convention,
  type DerivationContext,
  type LessonInputs,
  type LossKind,
  type MatrixName,
} from '../../src/core/index.ts';

/** The matrices on screen for a lesson: its graph's nodes (the target only with a loss that has one, z and dL/dz only with an activation). */
export const shownMatrices = (loss: LossKind, activation: Activation = 'identity'): MatrixName[] => {
  const g = lessonGraph({ convention: 'row', loss, activation, sizes: { B: 1, N: 1, T: 1 } });
  return [...g.forward, ...g.backward];
};

export interface Lesson {
  conv: Convention;
  loss: LossKind;
  act?: Activation;
  B: number;
  N: number;
  T: number;
  seed: number;
}

/** The query string of a lesson. */
export const query = (l: Lesson, extra = ''): string =>
  `./?conv=${l.conv}&loss=${l.loss}&B=${l.B}&N=${l.N}&T=${l.T}&seed=${l.seed}${l.act && l.act !== 'identity' ? `&act=${l.act}` : ''}${extra}`;

/** The derivation context core builds for a lesson, with optional edits applied to its inputs. */
export function model(l: Lesson, edit?: (inputs: LessonInputs) => void): DerivationContext {
  const config = { convention: l.conv, loss: l.loss, B: l.B, N: l.N, T: l.T };
  const inputs = makeLesson(config, l.seed);
  edit?.(inputs);
  const activation = l.act ?? 'identity';
  return { convention: l.conv, loss: l.loss, activation, sizes: { B: l.B, N: l.N, T: l.T }, inputs, outputs: computeLesson(l.conv, l.loss, inputs, activation) };
}

/** The displayed shape of a matrix. */
export const shapeOf = (ctx: DerivationContext, m: MatrixName): [number, number] => nodeShape(m, ctx.convention, ctx.sizes, ctx.loss);

/** Every value a grid should show, row-major, as core computes it. */
export function expectedGrid(ctx: DerivationContext, m: MatrixName): number[] {
  return Array.from(matrixValues(ctx, m));
}

/** Equal to 12 significant digits, NaN equal to NaN. */
export function close(a: number, b: number): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Indices where two value lists differ, with both values, or [] when they agree. */
export function differences(got: number[], want: number[]): string[] {
  if (got.length !== want.length) return [`length ${got.length} != ${want.length}`];
  return got.flatMap((g, k) => (close(g, want[k]) ? [] : [`[${k}] ${g} != ${want[k]}`]));
}

/** The data-value of every cell of every grid on the page ('' reads as NaN). */
export function readGrids(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const out: Record<string, number[]> = {};
    for (const g of document.querySelectorAll<HTMLElement>('.lesson [role="grid"][data-matrix]')) {
      out[g.dataset.matrix!] = [...g.querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) =>
        c.dataset.value === '' ? Number.NaN : Number(c.dataset.value),
      );
    }
    return out;
  });
}

/** Compares every grid on the page with core; returns the mismatches. */
export async function gridMismatches(page: Page, ctx: DerivationContext): Promise<string[]> {
  const got = await readGrids(page);
  const out: string[] = [];
  const shown = shownMatrices(ctx.loss, ctx.activation);
  if (Object.keys(got).sort().join() !== [...shown].sort().join()) out.push(`grids ${Object.keys(got).sort().join()} != ${[...shown].sort().join()}`);
  for (const m of shown) for (const d of differences(got[m] ?? [], expectedGrid(ctx, m))) out.push(`${m}${d}`);
  return out;
}

/** What the derivation panel shows, read from its data attributes. */
export interface ShownDerivation {
  cell: string | null;
  terms: { k: number; value: number; factors: string }[];
  result: number | null;
  lines: string[];
}

export const cellText = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** Reads the derivation panel. */
export function readDerivation(page: Page): Promise<ShownDerivation> {
  return page.evaluate(() => {
    const body = document.querySelector<HTMLElement>('.derivation .derivation-body');
    if (!body) return { cell: null, terms: [], result: null, lines: [] };
    const result = body.querySelector<HTMLElement>('[data-line="result"]');
    return {
      cell: body.dataset.cell ?? null,
      terms: [...body.querySelectorAll<HTMLElement>('[data-term]')].map((t) => ({ k: Number(t.dataset.term), value: Number(t.dataset.termValue), factors: t.dataset.factors ?? '' })),
      result: result ? Number(result.dataset.value) : null,
      lines: [...body.querySelectorAll<HTMLElement>('[data-line]')].map((l) => l.dataset.line!),
    };
  });
}

/** Compares a shown derivation with core's for the same cell; returns the mismatches. */
export function derivationMismatches(shown: ShownDerivation, ctx: DerivationContext, cell: CellRef, all = false): string[] {
  const d = derive(ctx, cell);
  const where = cellText(cell);
  const out: string[] = [];
  if (shown.cell !== where) out.push(`${where}: panel shows ${shown.cell}`);
  // A sum longer than 13 terms shows its first 6 and last 2 until asked for all.
  const n = d.terms.length;
  const want = all || n <= 13 ? d.terms.map((_, k) => k) : [0, 1, 2, 3, 4, 5, n - 2, n - 1];
  const got = shown.terms.map((t) => t.k);
  if (got.join() !== want.join()) out.push(`${where}: terms ${got.join()} shown, expected ${want.join()}`);
  shown.terms.forEach((s) => {
    const t = d.terms[s.k];
    if (!t) return;
    const k = s.k;
    if (!close(s.value, t.value)) out.push(`${where} term ${k}: ${s.value} != ${t.value}`);
    const factors = t.factors.map(cellText).join(' ');
    if (s.factors !== factors) out.push(`${where} term ${k} factors: ${s.factors} != ${factors}`);
  });
  if (d.role === 'computed') {
    if (shown.result === null || !close(shown.result, d.value)) out.push(`${where}: result ${shown.result} != ${d.value}`);
  }
  if (d.terms.length > 0) {
    for (const line of ['general', 'indexed', 'numeric', 'result']) if (!shown.lines.includes(line)) out.push(`${where}: no ${line} line`);
  }
  return out;
}

/** Every cell of a displayed matrix. */
export function cellsOf(ctx: DerivationContext, m: MatrixName): CellRef[] {
  const [r, c] = shapeOf(ctx, m);
  const out: CellRef[] = [];
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.push({ m, r: i, c: j });
  return out;
}

/**
 * Hovers cells by dispatching mouseover in the page (as a pointer would) and returns what the
 * derivation panel shows for each, once it shows that cell.
 */
export function hoverAll(page: Page, cells: CellRef[]): Promise<ShownDerivation[]> {
  return page.evaluate(async (cells) => {
    const read = () => {
      const body = document.querySelector<HTMLElement>('.derivation .derivation-body');
      if (!body) return { cell: null, terms: [], result: null, lines: [] };
      const result = body.querySelector<HTMLElement>('[data-line="result"]');
      return {
        cell: body.dataset.cell ?? null,
        terms: [...body.querySelectorAll<HTMLElement>('[data-term]')].map((t) => ({ k: Number(t.dataset.term), value: Number(t.dataset.termValue), factors: t.dataset.factors ?? '' })),
        result: result ? Number(result.dataset.value) : null,
        lines: [...body.querySelectorAll<HTMLElement>('[data-line]')].map((l) => l.dataset.line!),
      };
    };
    const out = [];
    for (const c of cells) {
      const el = document.querySelector<HTMLElement>(`.lesson [role="grid"][data-matrix="${c.m}"] [data-r="${c.r}"][data-c="${c.c}"]`);
      if (!el) {
        out.push({ cell: `missing ${c.m}:${c.r},${c.c}`, terms: [], result: null, lines: [] });
        continue;
      }
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      const want = `${c.m}:${c.r},${c.c}`;
      const t0 = performance.now();
      while (document.querySelector<HTMLElement>('.derivation .derivation-body')?.dataset.cell !== want && performance.now() - t0 < 2000) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      out.push(read());
    }
    return out;
  }, cells);
}
