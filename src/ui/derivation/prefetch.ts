// Typesets, in idle time, the derivations of the cells around the one explained, so that moving the
// pointer or an arrow key one cell on finds their formulas ready and only the DOM is left to build.
import { deriveAtStep, type CellRef, type Derivation } from '../../core/index.ts';
import type { AppStore } from '../../store/store.ts';
import { cellShape } from '../../store/url.ts';
import { isTexCached, renderTex } from './Tex.tsx';

/** A formula as the panel typesets it: LaTeX, display mode, with MathML. */
export type Formula = readonly [tex: string, display: boolean, mathml: boolean];

interface Deadline {
  timeRemaining(): number;
}

const NEIGHBOURS: readonly [number, number][] = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
];

let cells: CellRef[] = [];
let formulas: Formula[] = [];
let job: { store: AppStore; of: (d: Derivation) => Formula[] } | null = null;
let scheduled = false;

const whenIdle = (fn: (d: Deadline) => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn);
  else setTimeout(() => fn({ timeRemaining: () => 8 }), 50);
};

function work(deadline: Deadline) {
  scheduled = false;
  if (!job) return;
  // At most a 4 ms slice, and only while the idle period lasts: a hover arriving meanwhile waits no longer than that.
  const stop = performance.now() + 4;
  while (performance.now() < stop && deadline.timeRemaining() > 4) {
    const f = formulas.pop();
    if (f) {
      renderTex(f[0], f[1], f[2]);
      continue;
    }
    const cell = cells.shift();
    if (!cell) return;
    const s = job.store.getState();
    const [rows, cols] = cellShape(cell.m, s.config.convention, s.config, s.config.loss);
    if (cell.r >= rows || cell.c >= cols) continue;
    formulas = job.of(deriveAtStep(s.ctx, s.script, s.step, cell)).filter((x) => !isTexCached(x[0], x[1], x[2]));
  }
  schedule();
}

function schedule() {
  if (scheduled || (cells.length === 0 && formulas.length === 0)) return;
  scheduled = true;
  whenIdle(work);
}

/** Queues the cells around `cell` (replacing any earlier queue) to be typeset in idle time. */
export function prefetchAround(store: AppStore, cell: CellRef, of: (d: Derivation) => Formula[]): void {
  const s = store.getState();
  const [rows, cols] = cellShape(cell.m, s.config.convention, s.config, s.config.loss);
  job = { store, of };
  formulas = [];
  cells = NEIGHBOURS.map(([dr, dc]) => ({ m: cell.m, r: cell.r + dr, c: cell.c + dc })).filter((c) => c.r >= 0 && c.c >= 0 && c.r < rows && c.c < cols);
  schedule();
}
