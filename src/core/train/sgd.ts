// One step of plain gradient descent through the lesson's own layer: the same forward, loss and
// backward the lesson shows, then W ← W − lr·dL/dW and b ← b − lr·dL/db.
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import { computeLesson } from '../lesson.ts';
import type { LessonInputs } from '../lessonTypes.ts';
import type { Matrix } from '../matrix.ts';
import type { Activation } from '../ops/activation.ts';
import { applyUpdate, assertLearningRate } from '../ops/update.ts';

export { applyUpdate, assertLearningRate } from '../ops/update.ts';

/** The losses a layer can be trained with: a target matrix (mse) or one class per sample (softmax-ce). */
export type TrainLoss = 'mse' | 'softmax-ce';

export const TRAIN_LOSSES: readonly TrainLoss[] = ['mse', 'softmax-ce'];

/** What one step gives: the updated W and b (fresh arrays) and the loss before the update. */
export interface SgdResult {
  W: Matrix;
  b: Float64Array;
  value: number;
}

const EMPTY: Matrix = { rows: 0, cols: 0, data: new Float64Array(0) };

/** The lesson's inputs for one batch: x, W and b, and the target the loss needs. */
export function batchInputs(x: Matrix, W: Matrix, b: Float64Array, target: Matrix | number[], loss: TrainLoss): LessonInputs {
  if (loss === 'mse' && Array.isArray(target)) throw new ValidationError('target', 'sgdStep: mse needs a target matrix of y’s shape, not class indices');
  if (loss === 'softmax-ce' && !Array.isArray(target)) throw new ValidationError('target', 'sgdStep: softmax-ce needs one class index per sample, not a matrix');
  return {
    x,
    W,
    b,
    targetMatrix: Array.isArray(target) ? EMPTY : target,
    targetClasses: Array.isArray(target) ? target : [],
    upstream: EMPTY,
  };
}

/**
 * One step of gradient descent on one batch, in the convention's layout: the loss and gradients come from
 * the lesson's own computation. The inputs are left untouched; W and b come back as fresh arrays.
 */
export function sgdStep(
  convention: Convention,
  x: Matrix,
  W: Matrix,
  b: Float64Array,
  target: Matrix | number[],
  loss: TrainLoss,
  lr: number,
  activation: Activation = 'identity',
): SgdResult {
  assertLearningRate(lr);
  const out = computeLesson(convention, loss, batchInputs(x, W, b, target, loss), activation);
  return { ...applyUpdate(W, b, out, lr), value: out.L };
}
