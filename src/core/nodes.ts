// The named nodes of the lesson's graph and how each is laid out. Which nodes
// a lesson has depends on its loss and activation: see graph.ts.
import type { Convention, Sizes } from './conventions.ts';
import { type Idx, type LayoutName, layoutDims, layoutShape, logicalOf, physicalOf } from './layout.ts';
import type { CellRef, MatrixName } from './cells.ts';
import type { Matrix } from './matrix.ts';

export { MATRIX_NAMES, type CellRef, type MatrixName } from './cells.ts';

/** How each node is laid out (an mse target is y-shaped; class targets are laid out by the loss, see graph.ts). */
export const NODE_LAYOUT: Record<MatrixName, LayoutName> = {
  x: 'x',
  dX: 'x',
  W: 'W',
  dW: 'W',
  b: 'b',
  db: 'b',
  z: 'y',
  y: 'y',
  dY: 'y',
  dZ: 'y',
  target: 'y',
  L: 'scalar',
  Wn: 'W',
  bn: 'b',
};

/** The symbol of each node as the lesson writes it, in LaTeX (matrix form). */
export const NODE_TEX: Record<MatrixName, string> = {
  x: 'X',
  W: 'W',
  b: 'b',
  z: 'Z',
  y: 'Y',
  L: 'L',
  // t for the target, as the texts that write y (or ŷ) for the prediction do; T already counts the outputs.
  target: '\\mathrm{t}',
  dY: '\\frac{\\partial L}{\\partial Y}',
  dZ: '\\frac{\\partial L}{\\partial Z}',
  dW: '\\frac{\\partial L}{\\partial W}',
  db: '\\frac{\\partial L}{\\partial b}',
  dX: '\\frac{\\partial L}{\\partial X}',
  // W⁺ and b⁺: the weights and bias after the update.
  Wn: 'W^{+}',
  bn: 'b^{+}',
};

/** The name of one entry of each node in index notation: x for x_{si}, and for a gradient the value it is the gradient of. */
export const ENTRY_SYMBOL: Record<MatrixName, { sym: string; grad: boolean }> = {
  x: { sym: 'x', grad: false },
  W: { sym: 'W', grad: false },
  b: { sym: 'b', grad: false },
  z: { sym: 'z', grad: false },
  y: { sym: 'y', grad: false },
  L: { sym: 'L', grad: false },
  target: { sym: 't', grad: false },
  dY: { sym: 'y', grad: true },
  dZ: { sym: 'z', grad: true },
  dW: { sym: 'W', grad: true },
  db: { sym: 'b', grad: true },
  dX: { sym: 'x', grad: true },
  Wn: { sym: 'W^{+}', grad: false },
  bn: { sym: 'b^{+}', grad: false },
};

/** The plain symbol of a node's entries: 'x', 'W', 'z'. */
export const ENTRY_SYMBOL_OF = (m: MatrixName): string => ENTRY_SYMBOL[m].sym;

/** The node a gradient node is the gradient of, and back. */
export const GRADIENT_OF: Partial<Record<MatrixName, MatrixName>> = { dY: 'y', dZ: 'z', dW: 'W', db: 'b', dX: 'x' };

/** Physical shape of a node, with an mse-shaped target. */
export function matrixShape(conv: Convention, s: Sizes, m: MatrixName): [number, number] {
  return layoutShape(NODE_LAYOUT[m], conv, s);
}

/** Symbolic shape of a node, e.g. ['B','N']. */
export function matrixDims(conv: Convention, m: MatrixName): [string, string] {
  return layoutDims(NODE_LAYOUT[m], conv);
}

/** The cell of node m holding the given logical indices. */
export function cellAt(m: MatrixName, conv: Convention, idx: Idx, layout: LayoutName = NODE_LAYOUT[m]): CellRef {
  const [r, c] = physicalOf(layout, conv, idx);
  return { m, r, c };
}

/** The logical indices of a cell of node m. */
export function idxOf(cell: CellRef, conv: Convention, layout: LayoutName = NODE_LAYOUT[cell.m]): Idx {
  return logicalOf(layout, conv, cell.r, cell.c);
}

/** Physical [rows, cols] of X in a convention. */
export const xShape = (conv: Convention, s: Sizes): [number, number] => layoutShape('x', conv, s);
/** Physical [rows, cols] of W in a convention. */
export const wShape = (conv: Convention, s: Sizes): [number, number] => layoutShape('W', conv, s);
/** Physical [rows, cols] of Y (and dL/dY, and an mse target) in a convention. */
export const yShape = (conv: Convention, s: Sizes): [number, number] => layoutShape('y', conv, s);

/** The cell of X (or dX) holding x[s,i]. */
export const xCell = (conv: Convention, s: number, i: number, m: MatrixName = 'x'): CellRef => cellAt(m, conv, { s, i }, 'x');
/** The cell of W (or dW) holding the weight from input i to output j. */
export const wCell = (conv: Convention, i: number, j: number, m: MatrixName = 'W'): CellRef => cellAt(m, conv, { i, j }, 'W');
/** The cell of a y-shaped node holding entry [s,j]. */
export const yCell = (conv: Convention, s: number, j: number, m: MatrixName = 'y'): CellRef => cellAt(m, conv, { s, j }, 'y');
/** The cell of b (or db) holding entry j: a row [1×T], or a column [T×1] in the column convention. */
export const bCell = (conv: Convention, j: number, m: MatrixName = 'b'): CellRef => cellAt(m, conv, { j }, 'b');

const pair = (idx: Idx, a: 's' | 'i' | 'j', b: 's' | 'i' | 'j'): [number, number] => [idx[a] ?? 0, idx[b] ?? 0];
/** Logical [s, i] of a physical X cell. */
export const xLogical = (conv: Convention, r: number, c: number): [number, number] => pair(logicalOf('x', conv, r, c), 's', 'i');
/** Logical [i, j] of a physical W cell. */
export const wLogical = (conv: Convention, r: number, c: number): [number, number] => pair(logicalOf('W', conv, r, c), 'i', 'j');
/** Logical [s, j] of a physical Y cell. */
export const yLogical = (conv: Convention, r: number, c: number): [number, number] => pair(logicalOf('y', conv, r, c), 's', 'j');

/** Sizes implied by x and W in a convention (B, N from x; T from W). */
export function sizesOf(conv: Convention, x: Matrix, W: Matrix): Sizes {
  if (conv === 'column') return { B: x.cols, N: x.rows, T: W.rows };
  return { B: x.rows, N: x.cols, T: conv === 'row' ? W.cols : W.rows };
}

/** The value of a cell in a matrix laid out as the cell is. */
export const valueAt = (m: Matrix, cell: CellRef): number => m.data[cell.r * m.cols + cell.c];
