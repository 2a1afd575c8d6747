// The names of the lesson's matrices and how a cell of one is named: no dependencies, so anything can use them.

/**
 * The matrices on screen. z is the dense product and y = act(z) the layer's
 * output (without an activation, y is the dense product itself); dZ is dL/dz.
 * L is the 1×1 loss. Wn and bn are W and b after one SGD step (W⁺ = W − lr·dL/dW), in lessons with a learning rate.
 */
export type MatrixName = 'x' | 'W' | 'b' | 'z' | 'y' | 'L' | 'target' | 'dY' | 'dZ' | 'dW' | 'db' | 'dX' | 'Wn' | 'bn';

/** Every matrix name. */
export const MATRIX_NAMES: readonly MatrixName[] = ['x', 'W', 'b', 'z', 'y', 'L', 'target', 'dY', 'dZ', 'dW', 'db', 'dX', 'Wn', 'bn'];

/** A physical cell of a displayed matrix: row r, column c of that matrix as the convention lays it out. */
export interface CellRef {
  m: MatrixName;
  r: number;
  c: number;
}
