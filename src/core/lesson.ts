// A lesson: sizes, convention, loss and the values of every input, plus
// everything computed from them.
import { type Convention, type Sizes, sizesOf, wShape, xShape, yShape } from './conventions.ts';
import { backward } from './dense.ts';
import { forward } from './dense.ts';
import { ValidationError } from './errors.ts';
import { type CoreLossKind, loss } from './loss.ts';
import { type Matrix, transpose } from './matrix.ts';
import { createRng } from './random.ts';
import { assertMatrix, assertSize } from './validate.ts';

/** Where dL/dy comes from: a loss, or typed in directly ('upstream'). */
export type LossKind = CoreLossKind | 'upstream';

/** Every loss kind, in the order the app lists them. */
export const LOSS_KINDS: readonly LossKind[] = ['mse', 'softmax-ce', 'sum', 'upstream'];

/** True when s names a loss kind. */
export function isLossKind(s: unknown): s is LossKind {
  return s === 'mse' || s === 'softmax-ce' || s === 'sum' || s === 'upstream';
}

/** What a lesson is made from. */
export interface LessonConfig extends Sizes {
  convention: Convention;
  loss: LossKind;
}

/** The values a learner can edit, laid out in the lesson's convention. */
export interface LessonInputs {
  x: Matrix;
  W: Matrix;
  b: Float64Array;
  /** Target of y's shape for mse. */
  targetMatrix: Matrix;
  /** One class index per sample for softmax-ce. */
  targetClasses: number[];
  /** dL/dy given directly, y's shape, for 'upstream'. */
  upstream: Matrix;
}

/** Everything computed from a lesson's inputs. */
export interface LessonOutputs {
  /** y, the shape of Y in the convention. */
  y: Matrix;
  /** The scalar loss (NaN when dL/dy is given directly). */
  L: number;
  /** dL/dy, the shape of y. */
  dY: Matrix;
  /** dL/dX, the shape of X. */
  dX: Matrix;
  /** dL/dW, the shape of W. */
  dW: Matrix;
  /** dL/db, length T. */
  db: Float64Array;
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f + 0; // + 0 turns -0 into 0
};

/** Builds a matrix of the given physical shape from a function of logical indices. */
function build(rows: number, cols: number, value: (r: number, c: number) => number): Matrix {
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) data[r * cols + c] = value(r, c);
  return { rows, cols, data };
}

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
  const [xr, xc] = xShape(convention, s);
  const [wr, wc] = wShape(convention, s);
  const [yr, yc] = yShape(convention, s);
  const col = convention === 'column';
  return {
    x: build(xr, xc, (r, c) => (col ? xl[c][r] : xl[r][c])),
    W: build(wr, wc, (r, c) => (convention === 'row' ? wl[r][c] : wl[c][r])),
    b,
    targetMatrix: build(yr, yc, (r, c) => (col ? tl[c][r] : tl[r][c])),
    targetClasses: classes,
    upstream: build(yr, yc, (r, c) => (col ? gl[c][r] : gl[r][c])),
  };
}

/** Runs the forward pass, the loss and the backward pass of a lesson. */
export function computeLesson(convention: Convention, kind: LossKind, inputs: LessonInputs): LessonOutputs {
  const y = forward(convention, inputs.x, inputs.W, inputs.b);
  let L = Number.NaN;
  let dY: Matrix;
  if (kind === 'upstream') {
    assertMatrix('dY', inputs.upstream);
    dY = { rows: inputs.upstream.rows, cols: inputs.upstream.cols, data: new Float64Array(inputs.upstream.data) };
  } else {
    const target = kind === 'mse' ? inputs.targetMatrix : kind === 'softmax-ce' ? inputs.targetClasses : undefined;
    const r = loss(convention, kind, y, target);
    L = r.value;
    dY = r.dY;
  }
  const g = backward(convention, inputs.x, inputs.W, dY);
  return { y, L, dY, ...g };
}

/** Sizes of a lesson's inputs. */
export function lessonSizes(convention: Convention, inputs: LessonInputs): Sizes {
  return sizesOf(convention, inputs.x, inputs.W);
}

/** Converts inputs laid out in one convention to another: the same logical numbers, transposed as needed. */
export function convertInputs(from: Convention, to: Convention, inputs: LessonInputs): LessonInputs {
  if (from === to) return inputs;
  const xT = (from === 'column') !== (to === 'column');
  const wT = (from === 'row') !== (to === 'row');
  return {
    x: xT ? transpose(inputs.x) : inputs.x,
    W: wT ? transpose(inputs.W) : inputs.W,
    b: inputs.b,
    targetMatrix: xT ? transpose(inputs.targetMatrix) : inputs.targetMatrix,
    targetClasses: inputs.targetClasses,
    upstream: xT ? transpose(inputs.upstream) : inputs.upstream,
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
