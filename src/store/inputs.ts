// Building and editing a lesson's values: seed values, explicit overrides, and
// keeping every value whose index still exists when sizes change. Pure functions over core.
import {
  type Convention,
  type LessonConfig,
  type LessonInputs,
  type LossKind,
  type Matrix,
  type Sizes,
  LOSS_TARGET,
  fromRows,
  makeLesson,
} from '../core/index.ts';
import type { Edited } from './state.ts';
import type { EditableName } from './url.ts';

/** Nothing edited. */
export const NONE_EDITED: Edited = { x: false, W: false, b: false, target: false, dY: false };

/** Where each explicit matrix goes among the inputs (b and the target are handled on their own). */
const MATRIX_INPUTS = [
  ['x', 'x'],
  ['W', 'W'],
  ['dY', 'upstream'],
] as const;

/** The seed's lesson with any explicit values laid over it. Explicit values must already have the right shapes. */
export function buildInputs(
  config: LessonConfig,
  seed: number,
  explicit: Partial<Record<EditableName, number[][]>>,
): { inputs: LessonInputs; edited: Edited } {
  const base = makeLesson(config, seed);
  const edited = { ...NONE_EDITED };
  const inputs = { ...base };
  for (const [name, key] of MATRIX_INPUTS) {
    const rows = explicit[name];
    if (!rows) continue;
    inputs[key] = fromRows(rows);
    edited[name] = true;
  }
  if (explicit.b) {
    inputs.b = Float64Array.from(explicit.b[0]);
    edited.b = true;
  }
  if (explicit.target) {
    if (LOSS_TARGET[config.loss] === 'classes') inputs.targetClasses = explicit.target[0].slice();
    else inputs.targetMatrix = fromRows(explicit.target);
    edited.target = true;
  }
  return { inputs, edited };
}

/** Copies the overlapping top-left block of `from` onto `onto`. */
function overlay(onto: Matrix, from: Matrix): Matrix {
  const out = { rows: onto.rows, cols: onto.cols, data: new Float64Array(onto.data) };
  for (let r = 0; r < Math.min(onto.rows, from.rows); r++)
    for (let c = 0; c < Math.min(onto.cols, from.cols); c++) out.data[r * onto.cols + c] = from.data[r * from.cols + c];
  return out;
}

/** Whether two lists of numbers differ anywhere (NaN never occurs among inputs). */
function differs(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return true;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return true;
  return false;
}

/**
 * New inputs for new sizes. Every value whose index still exists is kept, typed or drawn from the seed alike: W and
 * b when B changes, b and x's kept part when N does. New rows and columns take the seed's values at the new sizes.
 * A matrix that now differs from what the seed gives at those sizes is marked edited, so the link carries it.
 */
export function resizeInputs(conv: Convention, sizes: Sizes, loss: LossKind, seed: number, old: LessonInputs): { inputs: LessonInputs; edited: Edited } {
  const fresh = makeLesson({ convention: conv, loss, ...sizes }, seed);
  const inputs: LessonInputs = {
    x: overlay(fresh.x, old.x),
    W: overlay(fresh.W, old.W),
    b: Float64Array.from(fresh.b, (v, k) => (k < old.b.length ? old.b[k] : v)),
    targetMatrix: overlay(fresh.targetMatrix, old.targetMatrix),
    targetClasses: fresh.targetClasses.map((v, k) => (k < old.targetClasses.length && old.targetClasses[k] < sizes.T ? old.targetClasses[k] : v)),
    upstream: overlay(fresh.upstream, old.upstream),
  };
  const edited: Edited = {
    x: differs(inputs.x.data, fresh.x.data),
    W: differs(inputs.W.data, fresh.W.data),
    b: differs(inputs.b, fresh.b),
    target: differs(inputs.targetMatrix.data, fresh.targetMatrix.data) || differs(inputs.targetClasses, fresh.targetClasses),
    dY: differs(inputs.upstream.data, fresh.upstream.data),
  };
  return { inputs, edited };
}
