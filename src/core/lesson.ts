// A lesson: sizes, convention, loss, activation and the values of every
// input, plus everything computed from them.
import { type Convention, type Sizes } from './conventions.ts';
import { backward, forward } from './dense.ts';
import { ValidationError } from './errors.ts';
import type { LessonConfig, LessonInputs, LessonOutputs } from './lessonTypes.ts';
import { fillLayout, relayout } from './layout.ts';
import type { Matrix } from './matrix.ts';
import { sizesOf, wShape, xShape, yShape } from './nodes.ts';
import { type Activation, activate, activationBackward } from './ops/activation.ts';
import { LOSS_TARGET, type LossKind } from './ops/lossKinds.ts';
import { LOSSES } from './ops/losses.ts';
import { applyUpdate, assertLearningRate } from './ops/update.ts';
import { createRng } from './random.ts';
import { assertMatrix, assertSize } from './validate.ts';

export type { LessonConfig, LessonInputs, LessonOutputs } from './lessonTypes.ts';
export { LOSS_KINDS, isLossKind, type LossKind } from './ops/lossKinds.ts';

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0
};

/**
 * Makes a whole lesson (x, W, b, targets, an upstream gradient) from its
 * configuration and a seed. Values are drawn in logical order, so the same
 * seed gives the same numbers in every convention, only laid out differently.
 * They are rounded to one or two decimals so sums can be followed by hand.
 */
export function makeLesson(config: LessonConfig, seed: number): LessonInputs {
  const { B, N, T, convention } = config;
  assertSize('B', B);
  assertSize('N', N);
  assertSize('T', T);
  const rng = createRng(seed);
  const xl = Array.from({ length: B }, () => Array.from({ length: N }, () => round(rng.uniform() * 4 - 2, 1)));
  const scale = 1 / Math.sqrt(N);
  const wl = Array.from({ length: N }, () => Array.from({ length: T }, () => round(rng.normal() * scale, 2)));
  const b = Float64Array.from({ length: T }, () => round(rng.normal() * 0.5, 1));
  const tl = Array.from({ length: B }, () => Array.from({ length: T }, () => round(rng.uniform() * 2 - 1, 1)));
  const classes = Array.from({ length: B }, () => rng.int(T));
  const gl = Array.from({ length: B }, () => Array.from({ length: T }, () => round(rng.normal() * 0.5, 2)));
  const s = { B, N, T };
  const y = (g: number[][]) => fillLayout('y', convention, s, (k) => g[k.s ?? 0][k.j ?? 0]);
  return {
    x: fillLayout('x', convention, s, (k) => xl[k.s ?? 0][k.i ?? 0]),
    W: fillLayout('W', convention, s, (k) => wl[k.i ?? 0][k.j ?? 0]),
    b,
    targetMatrix: y(tl),
    targetClasses: classes,
    upstream: y(gl),
  };
}

/** Runs the forward pass, the activation, the loss and the backward pass of a lesson, and with a learning rate the update of W and b. */
export function computeLesson(convention: Convention, kind: LossKind, inputs: LessonInputs, activation: Activation = 'identity', lr?: number): LessonOutputs {
  // Before an activation the dense product is z, and an overflow in it is named so.
  const z = forward(convention, inputs.x, inputs.W, inputs.b, activation === 'identity' ? 'y' : 'z');
  const y = activation === 'identity' ? z : activate(activation, z);
  let L = Number.NaN;
  let dY: Matrix;
  const entry = (LOSSES as Record<string, (typeof LOSSES)[LossKind] | undefined>)[kind];
  if (!entry) throw new ValidationError('loss', `computeLesson: unknown loss '${String(kind)}'; use ${Object.keys(LOSSES).join(', ')}`);
  const compute = entry.compute;
  if (!compute) {
    assertMatrix('dY', inputs.upstream);
    dY = { rows: inputs.upstream.rows, cols: inputs.upstream.cols, data: new Float64Array(inputs.upstream.data) };
  } else {
    const target = LOSS_TARGET[kind] === 'matrix' ? inputs.targetMatrix : LOSS_TARGET[kind] === 'classes' ? inputs.targetClasses : undefined;
    const r = compute(convention, y, target);
    L = r.value;
    dY = r.dY;
  }
  const dZ = activation === 'identity' ? dY : activationBackward(activation, z, dY);
  const g = backward(convention, inputs.x, inputs.W, dZ);
  if (lr === undefined) return { z, y, L, dY, dZ, ...g };
  assertLearningRate(lr, 'computeLesson');
  const next = applyUpdate(inputs.W, inputs.b, g, lr);
  return { z, y, L, dY, dZ, ...g, Wn: next.W, bn: next.b };
}

/** Sizes of a lesson's inputs. */
export function lessonSizes(convention: Convention, inputs: LessonInputs): Sizes {
  return sizesOf(convention, inputs.x, inputs.W);
}

/** Converts inputs laid out in one convention to another: the same logical numbers, transposed as needed. */
export function convertInputs(from: Convention, to: Convention, inputs: LessonInputs): LessonInputs {
  if (from === to) return inputs;
  const s = sizesOf(from, inputs.x, inputs.W);
  const move = (m: Matrix, layout: 'x' | 'W' | 'y') => relayout(m, layout, from, to, s);
  return {
    x: move(inputs.x, 'x'),
    W: move(inputs.W, 'W'),
    b: inputs.b,
    targetMatrix: move(inputs.targetMatrix, 'y'),
    targetClasses: inputs.targetClasses,
    upstream: move(inputs.upstream, 'y'),
  };
}

/** Throws unless a lesson's inputs have the shapes its configuration needs. */
export function assertLessonShapes(config: LessonConfig, inputs: LessonInputs): void {
  const checks: [string, Matrix, [number, number]][] = [
    ['x', inputs.x, xShape(config.convention, config)],
    ['W', inputs.W, wShape(config.convention, config)],
    ['target', inputs.targetMatrix, yShape(config.convention, config)],
    ['dY', inputs.upstream, yShape(config.convention, config)],
  ];
  for (const [field, m, [r, c]] of checks) {
    if (m.rows !== r || m.cols !== c) {
      throw new ValidationError(field, `lesson: ${field} is [${m.rows},${m.cols}] but the sizes need [${r},${c}] (convention '${config.convention}')`);
    }
  }
  if (inputs.b.length !== config.T) {
    throw new ValidationError('b', `lesson: b has ${inputs.b.length} entries but T is ${config.T}`);
  }
}
