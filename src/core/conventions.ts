import type { Matrix } from './matrix.ts';

/** The three layouts learners meet: NumPy-style rows, PyTorch nn.Linear, and textbook column vectors. */
export type Convention = 'row' | 'torch' | 'column';

/** Every convention, in the order the app lists them. */
export const CONVENTIONS: readonly Convention[] = ['row', 'torch', 'column'];

/** Batch size B, input features N, output features T. */
export interface Sizes {
  B: number;
  N: number;
  T: number;
}

/** The names of the matrices on screen. L is the 1×1 loss. */
export type MatrixName = 'x' | 'W' | 'b' | 'y' | 'L' | 'target' | 'dY' | 'dW' | 'db' | 'dX';

/** A physical cell of a displayed matrix: row r, column c of that matrix as the convention lays it out. */
export interface CellRef {
  m: MatrixName;
  r: number;
  c: number;
}

/** One row of the convention table in DESIGN.md. */
export interface ConventionInfo {
  id: Convention;
  label: string;
  /** Forward rule in LaTeX. */
  forwardTex: string;
  /** Where this convention is used. */
  usedBy: string;
  /** Symbolic shapes of X, W and Y, e.g. ['B','N']. */
  dims: { x: [string, string]; W: [string, string]; y: [string, string] };
  /** Matrix-form backward rules in LaTeX. */
  dXTex: string;
  dWTex: string;
  dbTex: string;
}

/** The convention table. */
export const CONVENTION_INFO: Record<Convention, ConventionInfo> = {
  row: {
    id: 'row',
    label: 'row (NumPy: Y = XW + b)',
    forwardTex: 'Y = XW + b',
    usedBy: 'fast.ai and NumPy lessons',
    dims: { x: ['B', 'N'], W: ['N', 'T'], y: ['B', 'T'] },
    dXTex: '\\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} W^{\\top}',
    dWTex: '\\frac{\\partial L}{\\partial W} = X^{\\top} \\frac{\\partial L}{\\partial Y}',
    dbTex: '\\frac{\\partial L}{\\partial b} = \\sum_{\\text{batch}} \\frac{\\partial L}{\\partial Y}',
  },
  torch: {
    id: 'torch',
    label: 'torch (PyTorch: Y = XWᵀ + b)',
    forwardTex: 'Y = XW^{\\top} + b',
    usedBy: 'PyTorch nn.Linear',
    dims: { x: ['B', 'N'], W: ['T', 'N'], y: ['B', 'T'] },
    dXTex: '\\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} W',
    dWTex: '\\frac{\\partial L}{\\partial W} = \\left(\\frac{\\partial L}{\\partial Y}\\right)^{\\top} X',
    dbTex: '\\frac{\\partial L}{\\partial b} = \\sum_{\\text{batch}} \\frac{\\partial L}{\\partial Y}',
  },
  column: {
    id: 'column',
    label: 'column (textbook: Y = WX + b1ᵀ)',
    forwardTex: 'Y = WX + b\\mathbf{1}^{\\top}',
    usedBy: 'maths texts, y = Wx + b',
    dims: { x: ['N', 'B'], W: ['T', 'N'], y: ['T', 'B'] },
    dXTex: '\\frac{\\partial L}{\\partial X} = W^{\\top} \\frac{\\partial L}{\\partial Y}',
    dWTex: '\\frac{\\partial L}{\\partial W} = \\frac{\\partial L}{\\partial Y} X^{\\top}',
    dbTex: '\\frac{\\partial L}{\\partial b} = \\sum_{\\text{batch}} \\frac{\\partial L}{\\partial Y}',
  },
};

/** True when s names a convention. */
export function isConvention(s: unknown): s is Convention {
  return s === 'row' || s === 'torch' || s === 'column';
}

/** Physical [rows, cols] of X in a convention. */
export function xShape(conv: Convention, s: Sizes): [number, number] {
  return conv === 'column' ? [s.N, s.B] : [s.B, s.N];
}

/** Physical [rows, cols] of W in a convention. */
export function wShape(conv: Convention, s: Sizes): [number, number] {
  return conv === 'row' ? [s.N, s.T] : [s.T, s.N];
}

/** Physical [rows, cols] of Y (and dL/dY, and an mse target) in a convention. */
export function yShape(conv: Convention, s: Sizes): [number, number] {
  return conv === 'column' ? [s.T, s.B] : [s.B, s.T];
}

/** Physical shape of any displayed matrix. */
export function matrixShape(conv: Convention, s: Sizes, m: MatrixName): [number, number] {
  switch (m) {
    case 'x':
    case 'dX':
      return xShape(conv, s);
    case 'W':
    case 'dW':
      return wShape(conv, s);
    case 'y':
    case 'dY':
    case 'target':
      return yShape(conv, s);
    case 'b':
    case 'db':
      return [1, s.T];
    case 'L':
      return [1, 1];
  }
}

/** Symbolic shape of a displayed matrix, e.g. ['B','N']. */
export function matrixDims(conv: Convention, m: MatrixName): [string, string] {
  const d = CONVENTION_INFO[conv].dims;
  switch (m) {
    case 'x':
    case 'dX':
      return d.x;
    case 'W':
    case 'dW':
      return d.W;
    case 'y':
    case 'dY':
    case 'target':
      return d.y;
    case 'b':
    case 'db':
      return ['1', 'T'];
    case 'L':
      return ['1', '1'];
  }
}

/** Sizes implied by x and W in a convention (B, N from x; T from W). */
export function sizesOf(conv: Convention, x: Matrix, W: Matrix): Sizes {
  if (conv === 'column') return { B: x.cols, N: x.rows, T: W.rows };
  return { B: x.rows, N: x.cols, T: conv === 'row' ? W.cols : W.rows };
}

// Logical indices: sample b, input feature i, output feature t.
// These map logical indices to the physical cell in each convention.

/** The cell of X holding x[b,i]. */
export function xCell(conv: Convention, b: number, i: number, m: MatrixName = 'x'): CellRef {
  return conv === 'column' ? { m, r: i, c: b } : { m, r: b, c: i };
}

/** The cell of W holding the weight from input i to output t. */
export function wCell(conv: Convention, i: number, t: number, m: MatrixName = 'W'): CellRef {
  return conv === 'row' ? { m, r: i, c: t } : { m, r: t, c: i };
}

/** The cell of Y holding y[b,t]. */
export function yCell(conv: Convention, b: number, t: number, m: MatrixName = 'y'): CellRef {
  return conv === 'column' ? { m, r: t, c: b } : { m, r: b, c: t };
}

/** The cell of b (or db) holding entry t. */
export function bCell(t: number, m: MatrixName = 'b'): CellRef {
  return { m, r: 0, c: t };
}

/** Logical [b, i] of a physical X cell. */
export function xLogical(conv: Convention, r: number, c: number): [number, number] {
  return conv === 'column' ? [c, r] : [r, c];
}

/** Logical [i, t] of a physical W cell. */
export function wLogical(conv: Convention, r: number, c: number): [number, number] {
  return conv === 'row' ? [r, c] : [c, r];
}

/** Logical [b, t] of a physical Y cell. */
export function yLogical(conv: Convention, r: number, c: number): [number, number] {
  return conv === 'column' ? [c, r] : [r, c];
}
