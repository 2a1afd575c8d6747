// The three conventions learners meet, and the sizes of a lesson. How each
// matrix is laid out in a convention is in layout.ts; the dense product's
// rules in each convention are in ops/linear.ts.

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

/** True when s names a convention. */
export function isConvention(s: unknown): s is Convention {
  return s === 'row' || s === 'torch' || s === 'column';
}
