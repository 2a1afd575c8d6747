// Central finite differences of the loss by any node of the lesson's backward
// pass: y, z, W, b or x, each nudged entry by entry and the rest of the
// forward pass and the loss recomputed. What a planted bug is caught by.
import { forward } from '../dense.ts';
import type { LessonInputs } from '../lessonTypes.ts';
import type { Matrix } from '../matrix.ts';
import type { MatrixName } from '../cells.ts';
import { activate } from '../ops/activation.ts';
import { LOSS_TARGET } from '../ops/lossKinds.ts';
import { LOSSES } from '../ops/losses.ts';
import type { DerivationContext } from '../ops/types.ts';

/** The node each gradient is the loss's gradient by. */
export const PRIMAL: Partial<Record<MatrixName, 'y' | 'z' | 'W' | 'b' | 'x'>> = { dY: 'y', dZ: 'z', dW: 'W', db: 'b', dX: 'x' };

/** The loss of y: the lesson's loss, or Σ upstream ⊙ y when dL/dy is given (whose gradient is the given one). */
function lossOfY(ctx: DerivationContext, y: Matrix): number {
  const compute = LOSSES[ctx.loss].compute;
  if (!compute) {
    let s = 0;
    for (let k = 0; k < y.data.length; k++) s += ctx.inputs.upstream.data[k] * y.data[k];
    return s;
  }
  const kind = LOSS_TARGET[ctx.loss];
  return compute(ctx.convention, y, kind === 'matrix' ? ctx.inputs.targetMatrix : kind === 'classes' ? ctx.inputs.targetClasses : undefined).value;
}

const act = (ctx: DerivationContext) => ctx.activation ?? 'identity';
const ofZ = (ctx: DerivationContext, z: Matrix) => lossOfY(ctx, act(ctx) === 'identity' ? z : activate(act(ctx), z));
const ofInputs = (ctx: DerivationContext, inp: LessonInputs) => ofZ(ctx, forward(ctx.convention, inp.x, inp.W, inp.b));

/** dL/d(node's value) by central differences, entry by entry in the node's layout: for dY, dZ, dW, db or dX. */
export function numericGradient(ctx: DerivationContext, grad: MatrixName, h = 1e-5): Float64Array {
  const p = PRIMAL[grad];
  if (!p) throw new RangeError(`numericGradient: ${grad} is not a gradient of the lesson`);
  const base: Matrix | Float64Array = p === 'y' ? ctx.outputs.y : p === 'z' ? ctx.outputs.z : p === 'b' ? ctx.inputs.b : ctx.inputs[p];
  const data = base instanceof Float64Array ? base : base.data;
  const lossWith = (d: Float64Array): number => {
    if (p === 'b') return ofInputs(ctx, { ...ctx.inputs, b: d });
    const m = { rows: (base as Matrix).rows, cols: (base as Matrix).cols, data: d };
    if (p === 'y') return lossOfY(ctx, m);
    if (p === 'z') return ofZ(ctx, m);
    return ofInputs(ctx, { ...ctx.inputs, [p]: m });
  };
  const out = new Float64Array(data.length);
  for (let k = 0; k < data.length; k++) {
    const step = h * Math.max(1, Math.abs(data[k]));
    const plus = new Float64Array(data);
    const minus = new Float64Array(data);
    plus[k] += step;
    minus[k] -= step;
    out[k] = (lossWith(plus) - lossWith(minus)) / (plus[k] - minus[k]);
  }
  return out;
}

/** True when an analytic value agrees with a numeric one, relative to the larger of 1 and their size. */
export const agreesNumerically = (a: number, n: number, tol = 1e-5): boolean => Math.abs(a - n) <= tol * Math.max(1, Math.abs(a), Math.abs(n));
