// The numbers of the losses: softmax, cross-entropy and the checks on targets.
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import { axesOf, physicalOf } from '../layout.ts';
import type { Matrix } from '../matrix.ts';

/** Batch size and output count of y in a convention, read from its layout. */
export function yDims(conv: Convention, y: Matrix): { B: number; T: number } {
  const sampleOnRows = axesOf('y', conv)[0] === 's';
  return sampleOnRows ? { B: y.rows, T: y.cols } : { B: y.cols, T: y.rows };
}

/** Index of y[b,t] in y.data for a convention. */
export function yIndex(conv: Convention, y: Matrix, b: number, t: number): number {
  const [r, c] = physicalOf('y', conv, { s: b, j: t });
  return r * y.cols + c;
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
