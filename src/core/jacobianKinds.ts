// The Jacobians the app shows, one entry each: what is differentiated by what,
// and the gradient its product with the upstream gradient gives. What an entry
// equals is the partial derivative of the rows' rule in the lesson's graph
// (jacobian.ts). The structure of every one follows one rule: entry (r, c) is
// non-zero exactly when the logical indices that the row's cell and the
// column's cell share are equal (layout.ts says which indices each has).
import type { Convention } from './conventions.ts';
import { type IndexName, indicesOf } from './layout.ts';
import { type MatrixName, NODE_LAYOUT } from './nodes.ts';
import type { Matrix } from './matrix.ts';
import type { Activation } from './ops/activation.ts';
import { denseNames } from './ops/linear.ts';

/** Which Jacobian: of the dense product by W, X or b, or of y by z through the activation. */
export type JacobianKind = 'dY/dW' | 'dY/dX' | 'dY/db' | 'dY/dZ';

/** Every Jacobian kind, in the order the app lists them. */
export const JACOBIAN_KINDS: readonly JacobianKind[] = ['dY/dW', 'dY/dX', 'dY/db', 'dY/dZ'];

/** The values entries need: x and W in the Jacobian's convention, and z for dy/dz. */
export interface JacobianValues {
  x: Matrix;
  W: Matrix;
  z?: Matrix;
}

/** One kind of Jacobian. */
export interface JacobianKindSpec {
  kind: JacobianKind;
  /** The node differentiated by: its cells are the columns. */
  by: 'W' | 'x' | 'b' | 'z';
  /** The gradient that g·J gives. */
  gradient: 'dW' | 'dX' | 'db' | 'dZ';
  /** True for the Jacobian of the activation, which only a lesson with one has. */
  activation: boolean;
  /** The multiply-adds of the shortcut formula, in the sizes: 'B·N·T'. */
  shortcutCount: string;
}

/** The Jacobian table. */
export const JACOBIAN_SPECS: Record<JacobianKind, JacobianKindSpec> = {
  'dY/dW': { kind: 'dY/dW', by: 'W', gradient: 'dW', activation: false, shortcutCount: 'B·N·T' },
  'dY/dX': { kind: 'dY/dX', by: 'x', gradient: 'dX', activation: false, shortcutCount: 'B·N·T' },
  'dY/db': { kind: 'dY/db', by: 'b', gradient: 'db', activation: false, shortcutCount: 'B·T' },
  'dY/dZ': { kind: 'dY/dZ', by: 'z', gradient: 'dZ', activation: true, shortcutCount: 'B·T' },
};

/** The Jacobians a lesson has: dy/dz only when there is an activation. */
export function jacobianKindsFor(activation: Activation = 'identity'): JacobianKind[] {
  return JACOBIAN_KINDS.filter((k) => !JACOBIAN_SPECS[k].activation || activation !== 'identity');
}

/** The node whose cells are the rows (y, or z before an activation) and the gradient arriving at it. */
export function jacobianOf(kind: JacobianKind, activation: Activation = 'identity'): { of: MatrixName; upstream: MatrixName } {
  if (JACOBIAN_SPECS[kind].activation) return { of: 'y', upstream: 'dY' };
  const { out, G } = denseNames(activation);
  return { of: out, upstream: G };
}

/** The parameter a Jacobian differentiates by, as a displayed matrix name. */
export function paramOf(kind: JacobianKind): 'W' | 'x' | 'b' | 'z' {
  return JACOBIAN_SPECS[kind].by;
}

/** The logical indices that a row cell (y-shaped) and a column cell share, in the order s, i, j. */
export function sharedIndices(kind: JacobianKind, conv: Convention): IndexName[] {
  const cols = indicesOf(NODE_LAYOUT[paramOf(kind)], conv);
  return indicesOf('y', conv).filter((k) => cols.includes(k));
}
