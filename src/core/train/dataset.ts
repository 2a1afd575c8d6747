// A training set as plain arrays: samples one after another (features, then the target), which of them
// train and which are held out, and how the features were prepared. Built from generated numbers, a
// package's table, pixels or a pasted table; never fetched here (core is pure).
import { createRng } from '../random.ts';
import type { TrainLoss } from './sgd.ts';

/** The datasets a run can use. */
export type DatasetId = 'regression' | 'iris' | 'mnist' | 'csv';
export const DATASET_IDS: readonly DatasetId[] = ['regression', 'iris', 'mnist', 'csv'];
export const isDatasetId = (v: string): v is DatasetId => (DATASET_IDS as readonly string[]).includes(v);

/** A dataset ready to train on. */
export interface Dataset {
  id: DatasetId;
  /** A value per output (mse) or a class per sample (softmax-ce). */
  loss: TrainLoss;
  /** Samples, features per sample (N) and outputs (T: values, or classes). */
  n: number;
  features: number;
  outputs: number;
  /** Features, sample-major (n × features); each stored value is multiplied by `scale` when read. */
  x: Float64Array | Uint8Array;
  scale: number;
  /** Targets: n × outputs values (mse), or n class indices (softmax-ce). */
  y: Float64Array;
  /** The samples trained on and those held out for testing, as indices. */
  train: Int32Array;
  test: Int32Array;
  /** When the features were standardised: each training feature's mean and standard deviation, removed. */
  standardised?: { mean: Float64Array; std: Float64Array };
  /** For generated data: the weights that made it, logically (W[i][j] feeds input i to output j), and the bias. */
  truth?: { W: number[][]; b: number[] };
  /** Names of the classes, when they have names. */
  classes?: readonly string[];
}

/** Seed 002's problem: W_true and b_true, inputs drawn from U(−5, 5). */
export const REGRESSION_TRUTH = {
  W: [
    [1, 1],
    [1.5, 1.5],
    [2, 3],
    [2.5, -0.5],
  ],
  b: [0, -1],
} as const;

/** A seeded permutation of 0..n−1 (Fisher–Yates). */
export function permutation(n: number, seed: number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, k) => k);
  const r = createRng(seed);
  for (let k = n - 1; k > 0; k--) {
    const j = r.int(k + 1);
    const t = p[k];
    p[k] = p[j];
    p[j] = t;
  }
  return p;
}

/** Splits n samples into a training and a held-out part, seeded: `testFraction` of them are held out. */
export function split(n: number, testFraction: number, seed: number): { train: Int32Array; test: Int32Array } {
  const p = permutation(n, seed);
  const nTest = Math.round(n * testFraction);
  return { train: p.slice(nTest).sort(), test: p.slice(0, nTest).sort() };
}

/** Seed 002's regression: `n` samples, x from U(−5, 5)⁴, y = x·W_true + b_true exactly, all of them trained on. */
export function regressionData(seed: number, n = 100): Dataset {
  const r = createRng(seed);
  const N = 4, T = 2;
  const x = new Float64Array(n * N), y = new Float64Array(n * T);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < N; i++) x[s * N + i] = r.uniform() * 10 - 5;
    for (let j = 0; j < T; j++) {
      let v = REGRESSION_TRUTH.b[j];
      for (let i = 0; i < N; i++) v += x[s * N + i] * REGRESSION_TRUTH.W[i][j];
      y[s * T + j] = v;
    }
  }
  const truth = { W: REGRESSION_TRUTH.W.map((row) => [...row]), b: [...REGRESSION_TRUTH.b] };
  return { id: 'regression', loss: 'mse', n, features: N, outputs: T, x, scale: 1, y, train: Int32Array.from({ length: n }, (_, k) => k), test: new Int32Array(0), truth };
}

/**
 * Standardises features in place of a copy: each feature has its training samples' mean removed and is divided by
 * their standard deviation (a constant feature is only centred). The held-out samples use the training statistics.
 */
export function standardise(x: Float64Array, features: number, train: Int32Array): { x: Float64Array; mean: Float64Array; std: Float64Array } {
  const mean = new Float64Array(features), std = new Float64Array(features);
  for (const s of train) for (let f = 0; f < features; f++) mean[f] += x[s * features + f];
  for (let f = 0; f < features; f++) mean[f] /= Math.max(1, train.length);
  for (const s of train) for (let f = 0; f < features; f++) std[f] += (x[s * features + f] - mean[f]) ** 2;
  for (let f = 0; f < features; f++) std[f] = Math.sqrt(std[f] / Math.max(1, train.length)) || 1;
  const out = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) out[k] = (x[k] - mean[k % features]) / std[k % features];
  return { x: out, mean, std };
}

/** A classification table (one row of features per sample, and its class) made ready: split, then standardised. */
export function classificationData(id: DatasetId, rows: readonly (readonly number[])[], classes: readonly number[], seed: number, testFraction: number, names?: readonly string[]): Dataset {
  const n = rows.length, features = rows[0]?.length ?? 0;
  const raw = new Float64Array(n * features);
  rows.forEach((row, s) => row.forEach((v, f) => (raw[s * features + f] = v)));
  const { train, test } = split(n, testFraction, seed);
  const { x, mean, std } = standardise(raw, features, train);
  const outputs = names?.length ?? 1 + Math.max(0, ...classes);
  return { id, loss: 'softmax-ce', n, features, outputs, x, scale: 1, y: Float64Array.from(classes), train, test, standardised: { mean, std }, classes: names };
}

/** Iris (150 flowers, 4 measurements, 3 species): 20% held out, seeded, the features standardised. */
export function irisData(rows: readonly (readonly number[])[], species: readonly string[], seed: number): Dataset {
  const names = [...new Set(species)];
  return classificationData('iris', rows, species.map((s) => names.indexOf(s)), seed, 0.2, names);
}

/** Digits as 28×28 uint8 pixels (0 to 255, read as 0 to 1) with their labels: 20% held out, seeded. */
export function digitsData(pixels: Uint8Array, labels: Uint8Array, seed: number): Dataset {
  const n = labels.length, features = pixels.length / Math.max(1, n);
  const { train, test } = split(n, 0.2, seed);
  return { id: 'mnist', loss: 'softmax-ce', n, features, outputs: 10, x: pixels, scale: 1 / 255, y: Float64Array.from(labels), train, test, classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] };
}
