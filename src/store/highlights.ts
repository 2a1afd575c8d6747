import type { CellRef, MatrixName } from '../core/index.ts';

/** Cells to emphasise, keyed by matrix, as 'r,c' strings. */
export type Highlights = Partial<Record<MatrixName, ReadonlySet<string>>>;

/** Groups cells by matrix into highlight sets. */
export function groupCells(cells: readonly CellRef[]): Highlights {
  const out: Partial<Record<MatrixName, Set<string>>> = {};
  for (const c of cells) (out[c.m] ??= new Set()).add(`${c.r},${c.c}`);
  return out;
}
