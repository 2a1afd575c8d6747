// Building and editing a lesson's values: seed values, explicit overrides, and
// keeping typed values when sizes change. Pure functions over core.
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

/** New inputs for new sizes: the seed's values, with every edited value kept where its index still exists. */
export function resizeInputs(conv: Convention, sizes: Sizes, loss: LossKind, seed: number, old: LessonInputs, edited: Edited): LessonInputs {
  const next = makeLesson({ convention: conv, loss, ...sizes }, seed);
  if (edited.x) next.x = overlay(next.x, old.x);
  if (edited.W) next.W = overlay(next.W, old.W);
  if (edited.b) next.b = Float64Array.from(next.b, (v, k) => (k < old.b.length ? old.b[k] : v));
  if (edited.target) {
    next.targetMatrix = overlay(next.targetMatrix, old.targetMatrix);
    next.targetClasses = next.targetClasses.map((v, k) => (k < old.targetClasses.length && old.targetClasses[k] < sizes.T ? old.targetClasses[k] : v));
  }
  if (edited.dY) next.upstream = overlay(next.upstream, old.upstream);
  return next;
}
