// How far a trained layer is from the weights that made its data: W read logically (W[i][j] feeds input i
// to output j, in every convention) beside W_true, with each entry's gap and the largest.
import type { Convention } from '../conventions.ts';
import type { Matrix } from '../matrix.ts';

/** The learned weights and bias beside the true ones, and how far apart they are. */
export interface TruthGap {
  W: number[][];
  b: number[];
  trueW: number[][];
  trueB: number[];
  gapW: number[][];
  gapB: number[];
  /** The largest |learned − true| over W, and over b. */
  maxW: number;
  maxB: number;
}

/** W's entry feeding input i to output j, in the convention's layout. */
export const logicalWeight = (conv: Convention, W: Matrix, i: number, j: number): number => (conv === 'row' ? W.data[i * W.cols + j] : W.data[j * W.cols + i]);

/** Compares learned weights with the truth (both logical for the truth: truth.W[i][j]). */
export function truthGap(conv: Convention, W: Matrix, b: Float64Array, truth: { W: readonly (readonly number[])[]; b: readonly number[] }): TruthGap {
  const learned = truth.W.map((row, i) => row.map((_, j) => logicalWeight(conv, W, i, j)));
  const gapW = learned.map((row, i) => row.map((w, j) => Math.abs(w - truth.W[i][j])));
  const gapB = truth.b.map((v, j) => Math.abs(b[j] - v));
  return { W: learned, b: Array.from(b), trueW: truth.W.map((r) => [...r]), trueB: [...truth.b], gapW, gapB, maxW: Math.max(0, ...gapW.flat()), maxB: Math.max(0, ...gapB) };
}
