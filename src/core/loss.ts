// Losses that turn y into a scalar L and the upstream gradient dL/dy, each
// paired with its notation so the numbers and the formula on screen agree.
import { type Convention } from './conventions.ts';
import { ValidationError } from './errors.ts';
import { dL, ySub } from './notation.ts';
import type { Matrix } from './matrix.ts';
import { assertFinite, assertMatrix } from './validate.ts';

/** The losses core computes. The app adds 'upstream', where dL/dy is given directly. */
export type CoreLossKind = 'mse' | 'softmax-ce' | 'sum';

/** A loss value and its gradient dL/dy, the same shape as y. */
export interface LossResult {
  value: number;
  dY: Matrix;
}

/** A loss paired with its notation. */
export interface LossSpec {
  kind: CoreLossKind;
  label: string;
  /** L as a formula over y, with subscripts in the convention's layout. */
  tex(conv: Convention): string;
  /** dL/dy as a formula. */
  dtex(conv: Convention): string;
}

/** The notation of each loss. */
export const LOSS_SPECS: Record<CoreLossKind, LossSpec> = {
  mse: {
    kind: 'mse',
    label: 'mean squared error',
    tex: (c) => `L = \\frac{1}{BT}\\sum_{s,j} \\left(y_${ySub(c, 's', 'j')} - \\hat{y}_${ySub(c, 's', 'j')}\\right)^2`,
    dtex: (c) => `${dL('y', ySub(c, 's', 'j'))} = \\frac{2}{BT}\\left(y_${ySub(c, 's', 'j')} - \\hat{y}_${ySub(c, 's', 'j')}\\right)`,
  },
  'softmax-ce': {
    kind: 'softmax-ce',
    label: 'softmax cross-entropy',
    tex: (c) =>
      `L = -\\frac{1}{B}\\sum_{s} \\log p_${ySub(c, 's', 'c_s')},\\quad p_${ySub(c, 's', 'j')} = \\frac{e^{y_${ySub(c, 's', 'j')}}}{\\sum_{k} e^{y_${ySub(c, 's', 'k')}}}`,
    dtex: (c) => `${dL('y', ySub(c, 's', 'j'))} = \\frac{1}{B}\\left(p_${ySub(c, 's', 'j')} - [j = c_s]\\right)`,
  },
  sum: {
    kind: 'sum',
    label: 'sum of outputs',
    tex: (c) => `L = \\sum_{s,j} y_${ySub(c, 's', 'j')}`,
    dtex: (c) => `${dL('y', ySub(c, 's', 'j'))} = 1`,
  },
};

/** Batch size and output count of y in a convention. */
function yDims(conv: Convention, y: Matrix): { B: number; T: number } {
  return conv === 'column' ? { B: y.cols, T: y.rows } : { B: y.rows, T: y.cols };
}

/** Index of y[b,t] in y.data for a convention. */
function yIndex(conv: Convention, y: Matrix, b: number, t: number): number {
  return conv === 'column' ? t * y.cols + b : b * y.cols + t;
}

/** Checks class-index targets: one integer in [0, T) per sample. */
export function assertClassTargets(target: ArrayLike<number>, B: number, T: number): void {
  if (target.length !== B) {
    throw new ValidationError('target', `loss: target has ${target.length} class indices but y has ${B} samples (B)`);
  }
  for (let b = 0; b < B; b++) {
    const c = target[b];
    if (!Number.isInteger(c) || c < 0 || c >= T) {
      throw new ValidationError('target', `loss: target[${b}] = ${String(c)} is not a class index in 0..${T - 1} (T = ${T})`);
    }
  }
}

/** Softmax probabilities of sample b, computed stably by subtracting the largest logit. */
export function softmaxRow(conv: Convention, y: Matrix, b: number): Float64Array {
  const { T } = yDims(conv, y);
  const p = new Float64Array(T);
  let m = -Infinity;
  for (let t = 0; t < T; t++) m = Math.max(m, y.data[yIndex(conv, y, b, t)]);
  let s = 0;
  for (let t = 0; t < T; t++) {
    p[t] = Math.exp(y.data[yIndex(conv, y, b, t)] - m);
    s += p[t];
  }
  for (let t = 0; t < T; t++) p[t] /= s;
  return p;
}

/** −log p_c for sample b, as logsumexp(y_b) − y_bc: finite even when p_c underflows to 0. */
export function crossEntropy(conv: Convention, y: Matrix, b: number, c: number): number {
  const { T } = yDims(conv, y);
  let m = -Infinity;
  for (let t = 0; t < T; t++) m = Math.max(m, y.data[yIndex(conv, y, b, t)]);
  let s = 0;
  for (let t = 0; t < T; t++) s += Math.exp(y.data[yIndex(conv, y, b, t)] - m);
  return m + Math.log(s) - y.data[yIndex(conv, y, b, c)];
}

/** The loss value, refused when it overflows rather than passed on as Infinity. */
function finiteLoss(kind: CoreLossKind, v: number): number {
  if (!Number.isFinite(v)) throw new ValidationError('L', `loss: the ${kind} loss overflows to ${String(v)}; y is too large for float64`);
  return v;
}

/** The loss value and dL/dy for y laid out in the given convention. */
export function loss(convention: Convention, kind: CoreLossKind, y: Matrix, target?: Matrix | number[]): LossResult {
  assertMatrix('y', y);
  const { B, T } = yDims(convention, y);
  const dY: Matrix = { rows: y.rows, cols: y.cols, data: new Float64Array(y.data.length) };
  if (kind === 'sum') {
    let v = 0;
    for (let k = 0; k < y.data.length; k++) v += y.data[k];
    dY.data.fill(1);
    return { value: finiteLoss('sum', v), dY };
  }
  if (kind === 'mse') {
    if (target === undefined || Array.isArray(target)) {
      throw new ValidationError('target', `loss: mse needs a target matrix of y's shape [${y.rows},${y.cols}] (convention '${convention}')`);
    }
    assertMatrix('target', target);
    if (target.rows !== y.rows || target.cols !== y.cols) {
      throw new ValidationError(
        'target',
        `loss: target is [${target.rows},${target.cols}] but y is [${y.rows},${y.cols}] (convention '${convention}')`,
      );
    }
    const n = B * T;
    let v = 0;
    for (let k = 0; k < n; k++) {
      const d = y.data[k] - target.data[k];
      v += d * d;
      dY.data[k] = (2 * d) / n;
    }
    return { value: finiteLoss('mse', v / n), dY };
  }
  if (kind === 'softmax-ce') {
    if (target === undefined || !Array.isArray(target)) {
      throw new ValidationError('target', `loss: softmax-ce needs a target of one class index per sample (${B} numbers) (convention '${convention}')`);
    }
    assertFinite('target', target);
    assertClassTargets(target, B, T);
    let v = 0;
    for (let b = 0; b < B; b++) {
      const p = softmaxRow(convention, y, b);
      const c = target[b];
      v += crossEntropy(convention, y, b, c);
      for (let t = 0; t < T; t++) dY.data[yIndex(convention, y, b, t)] = (p[t] - (t === c ? 1 : 0)) / B;
    }
    return { value: finiteLoss('softmax-ce', v / B), dY };
  }
  throw new ValidationError('loss', `loss: unknown kind '${String(kind)}'; use mse, softmax-ce or sum`);
}
