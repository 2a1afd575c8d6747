// A seeded, resumable training run: epochs of shuffled mini-batches, each one sgdStep, with the loss of
// every update and, after each epoch, the loss and accuracy on the training and held-out samples. A run
// is plain data, so it can be kept in a store, sent to a Web Worker and back, and resumed anywhere.
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import { forward } from '../dense.ts';
import { computeLesson } from '../lesson.ts';
import { loss as lossOf } from '../ops/losses.ts';
import type { Matrix } from '../matrix.ts';
import { code, msg } from '../messages.ts';
import { activate, type Activation } from '../ops/activation.ts';
import { createRng } from '../random.ts';
import type { Dataset } from './dataset.ts';
import { permutation } from './dataset.ts';
import { applyUpdate, assertLearningRate, batchInputs } from './sgd.ts';

/** How a run trains. */
export interface TrainConfig {
  convention: Convention;
  activation: Activation;
  lr: number;
  batch: number;
  epochs: number;
  seed: number;
}

/** The loss and accuracy (classification only) after an epoch, on the training and the held-out samples. */
export interface EpochRecord {
  epoch: number;
  /** Updates made by the end of this epoch. */
  updates: number;
  trainLoss: number;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

/** Where a run is: its weights (in the convention's layout), its place in the epoch, and its history. */
export interface TrainRun {
  W: Matrix;
  b: Float64Array;
  /** Epochs finished. */
  epoch: number;
  /** How many of this epoch's samples have been used. */
  cursor: number;
  updates: number;
  /** The mini-batch loss of every update, before it was applied. */
  losses: number[];
  /** The state after each finished epoch; the first record (epoch 0) is the start. */
  epochs: EpochRecord[];
}

/** One mini-batch, laid out as a lesson's inputs in the convention. */
export interface Batch {
  /** Which samples, in order. */
  samples: Int32Array;
  x: Matrix;
  /** The target: y's shape (mse) or one class per sample (softmax-ce). */
  target: Matrix | number[];
}

export const BATCH_MAX = 4096;
export const EPOCHS_MAX = 1000;

/** Throws unless the configuration can train: a learning rate above 0, whole batch and epoch counts in range. */
export function assertTrainConfig(c: TrainConfig): void {
  assertLearningRate(c.lr);
  if (!Number.isInteger(c.batch) || c.batch < 1 || c.batch > BATCH_MAX) {
    throw new ValidationError('batch', `training: the batch size must be a whole number from 1 to ${BATCH_MAX}, not ${String(c.batch)}`, msg('train.error.batch', { value: code(String(c.batch)), max: BATCH_MAX }));
  }
  if (!Number.isInteger(c.epochs) || c.epochs < 1 || c.epochs > EPOCHS_MAX) {
    throw new ValidationError('epochs', `training: the number of epochs must be a whole number from 1 to ${EPOCHS_MAX}, not ${String(c.epochs)}`, msg('train.error.epochs', { value: code(String(c.epochs)), max: EPOCHS_MAX }));
  }
}

/** The order of the training samples in an epoch: a permutation seeded by the run's seed and the epoch. */
export function epochOrder(data: Dataset, seed: number, epoch: number): Int32Array {
  const p = permutation(data.train.length, (Math.trunc(seed) * 7919 + epoch * 104729) | 0);
  return p.map((k) => data.train[k]);
}

/** The samples given as a lesson's inputs: x in the convention's layout, and the target the loss needs. */
export function batchOf(data: Dataset, conv: Convention, samples: Int32Array): Batch {
  const B = samples.length, N = data.features, T = data.outputs;
  const x = new Float64Array(B * N);
  const column = conv === 'column';
  samples.forEach((s, r) => {
    for (let i = 0; i < N; i++) x[column ? i * B + r : r * N + i] = data.x[s * N + i] * data.scale;
  });
  let target: Matrix | number[];
  if (data.loss === 'softmax-ce') target = Array.from(samples, (s) => data.y[s]);
  else {
    const t = new Float64Array(B * T);
    samples.forEach((s, r) => {
      for (let j = 0; j < T; j++) t[column ? j * B + r : r * T + j] = data.y[s * T + j];
    });
    target = { rows: column ? T : B, cols: column ? B : T, data: t };
  }
  return { samples, x: column ? { rows: N, cols: B, data: x } : { rows: B, cols: N, data: x }, target };
}

/** The next mini-batch of a run (the last of an epoch may be smaller). */
export function nextBatch(run: TrainRun, data: Dataset, config: TrainConfig): Batch {
  const order = epochOrder(data, config.seed, run.epoch);
  return batchOf(data, config.convention, order.slice(run.cursor, Math.min(order.length, run.cursor + config.batch)));
}

/** Seeded starting weights, normal with standard deviation 1/√N, in the convention's layout; the bias at zero. */
export function initialWeights(data: Dataset, conv: Convention, seed: number): { W: Matrix; b: Float64Array } {
  const N = data.features, T = data.outputs;
  const r = createRng(seed);
  const scale = 1 / Math.sqrt(N);
  const W = new Float64Array(N * T);
  // Drawn in the logical order W[i][j], then laid out, so every convention starts from the same numbers.
  for (let i = 0; i < N; i++) for (let j = 0; j < T; j++) W[conv === 'row' ? i * T + j : j * N + i] = r.normal() * scale;
  return { W: conv === 'row' ? { rows: N, cols: T, data: W } : { rows: T, cols: N, data: W }, b: new Float64Array(T) };
}

/** The class each sample's output is largest for. */
function argmaxes(conv: Convention, y: Matrix, B: number, T: number): Int32Array {
  const out = new Int32Array(B);
  for (let s = 0; s < B; s++) {
    let best = 0;
    for (let j = 1; j < T; j++) if (at(conv, y, s, j, B, T) > at(conv, y, s, best, B, T)) best = j;
    out[s] = best;
  }
  return out;
}
const at = (conv: Convention, y: Matrix, s: number, j: number, B: number, T: number) => (conv === 'column' ? y.data[j * B + s] : y.data[s * T + j]);

/** The loss and, for classes, the accuracy of the weights on some samples (evaluated in chunks, so memory stays small). */
export function evaluate(data: Dataset, config: TrainConfig, W: Matrix, b: Float64Array, samples: Int32Array): { loss: number; accuracy: number | null } {
  if (samples.length === 0) return { loss: Number.NaN, accuracy: null };
  const CHUNK = 1024;
  let lossSum = 0, right = 0;
  for (let k = 0; k < samples.length; k += CHUNK) {
    const part = samples.subarray(k, Math.min(samples.length, k + CHUNK));
    const batch = batchOf(data, config.convention, part);
    const z = forward(config.convention, batch.x, W, b);
    const y = config.activation === 'identity' ? z : activate(config.activation, z);
    lossSum += lossOf(config.convention, data.loss, y, batch.target).value * part.length;
    if (data.loss === 'softmax-ce') {
      const guess = argmaxes(config.convention, y, part.length, data.outputs);
      guess.forEach((g, s) => g === (batch.target as number[])[s] && right++);
    }
  }
  return { loss: lossSum / samples.length, accuracy: data.loss === 'softmax-ce' ? right / samples.length : null };
}

function record(data: Dataset, config: TrainConfig, W: Matrix, b: Float64Array, epoch: number, updates: number): EpochRecord {
  const tr = evaluate(data, config, W, b, data.train);
  const te = data.test.length ? evaluate(data, config, W, b, data.test) : null;
  return { epoch, updates, trainLoss: tr.loss, testLoss: te ? te.loss : null, trainAccuracy: tr.accuracy, testAccuracy: te ? te.accuracy : null };
}

/** A run at its seeded start: initial weights, no updates, and the start's losses and accuracies as epoch 0. */
export function startRun(data: Dataset, config: TrainConfig): TrainRun {
  assertTrainConfig(config);
  const { W, b } = initialWeights(data, config.convention, config.seed);
  return { W, b, epoch: 0, cursor: 0, updates: 0, losses: [], epochs: [record(data, config, W, b, 0, 0)] };
}

/** True when the run has trained every epoch it was asked for. */
export const runDone = (run: TrainRun, config: TrainConfig): boolean => run.epoch >= config.epochs;

/**
 * Up to `count` more updates (fewer when the run finishes), as a new run; the one given is left untouched. Each
 * update is the lesson's forward, loss and backward on the next mini-batch, then W ← W − lr·dW, b ← b − lr·db.
 */
export function trainUpdates(run: TrainRun, data: Dataset, config: TrainConfig, count: number): TrainRun {
  assertTrainConfig(config);
  let { W, b, epoch, cursor, updates } = run;
  const losses = run.losses.slice();
  const epochs = run.epochs.slice();
  let order = epochOrder(data, config.seed, epoch);
  for (let k = 0; k < count && epoch < config.epochs; k++) {
    const samples = order.slice(cursor, Math.min(order.length, cursor + config.batch));
    const batch = batchOf(data, config.convention, samples);
    const out = computeLesson(config.convention, data.loss, batchInputs(batch.x, W, b, batch.target, data.loss), config.activation);
    ({ W, b } = applyUpdate(W, b, out, config.lr));
    losses.push(out.L);
    updates++;
    cursor += samples.length;
    if (cursor >= order.length) {
      epoch++;
      cursor = 0;
      epochs.push(record(data, config, W, b, epoch, updates));
      order = epochOrder(data, config.seed, epoch);
    }
  }
  return { W, b, epoch, cursor, updates, losses, epochs };
}

/** Updates per epoch. */
export const updatesPerEpoch = (data: Dataset, config: TrainConfig): number => Math.ceil(data.train.length / config.batch);
