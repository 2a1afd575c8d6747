// Rectangles of cells: how a step of the script says which cells it reads
// without listing them. A block is a whole matrix, a row, a column or one cell,
// so its size does not grow with what it covers (a step of an MNIST batch reads
// tens of thousands of cells in a handful of blocks).
import type { Convention, Sizes } from './conventions.ts';
import { INDEX_SIZE, type Idx, type LayoutName, axesOf } from './layout.ts';
import type { CellRef, MatrixName } from './cells.ts';

/**
 * The cells of matrix m in rows r0 ≤ r < r1 and columns c0 ≤ c < c1, as laid out on screen. Its fields are not a
 * CellRef's, so a block is never taken for its first cell.
 */
export interface CellBlock {
  m: MatrixName;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/**
 * The block of a node's cells that hold the given logical indices: an index `at` gives is fixed to that value,
 * one it leaves out runs over every value (an index the layout does not have is ignored).
 */
export function blockAt(m: MatrixName, layout: LayoutName, conv: Convention, sizes: Sizes, at: Idx): CellBlock {
  const [ra, ca] = axesOf(layout, conv);
  const span = (axis: typeof ra): [number, number] => {
    if (!axis) return [0, 1];
    const v = at[axis];
    return v === undefined ? [0, sizes[INDEX_SIZE[axis]]] : [v, v + 1];
  };
  const [r0, r1] = span(ra);
  const [c0, c1] = span(ca);
  return { m, r0, r1, c0, c1 };
}

/** True when a block holds a cell. */
export const blockHas = (b: CellBlock, cell: CellRef): boolean =>
  b.m === cell.m && cell.r >= b.r0 && cell.r < b.r1 && cell.c >= b.c0 && cell.c < b.c1;

/** How many cells some blocks cover (counting an overlap twice). */
export const blockSize = (blocks: readonly CellBlock[]): number => blocks.reduce((n, b) => n + (b.r1 - b.r0) * (b.c1 - b.c0), 0);

/** The cells of some blocks, each block row-major, in order. O(cells): for a view to expand the few it draws. */
export function blockCells(blocks: readonly CellBlock[]): CellRef[] {
  const out: CellRef[] = [];
  for (const b of blocks) for (let r = b.r0; r < b.r1; r++) for (let c = b.c0; c < b.c1; c++) out.push({ m: b.m, r, c });
  return out;
}
