// Central finite differences on every input and parameter, compared with the analytic gradients.
import type { Convention } from './conventions.ts';
import { computeLesson, type LessonInputs, type LossKind } from './lesson.ts';
import type { Activation } from './ops/activation.ts';
import type { Matrix } from './matrix.ts';

/** The result of a gradient check: the largest error, and where it is. */
export interface GradCheckResult {
  /** max over entries of |analytic − numeric| / max(1, |analytic|, |numeric|). */
  maxRelError: number;
  /** The field and flat index of that entry. */
  worst: { field: 'x' | 'W' | 'b'; index: number; analytic: number; numeric: number };
}

/**
 * Checks dL/dX, dL/dW and dL/db against central differences (f(v+h) − f(v−h)) / 2h.
 * For 'upstream' the loss is taken to be Σ dY ⊙ y, whose gradient is the given dY.
 */
export function gradCheck(convention: Convention, kind: LossKind, inputs: LessonInputs, h = 1e-5, activation: Activation = 'identity'): GradCheckResult {
  const analytic = computeLesson(convention, kind, inputs, activation);
  const lossOf = (inp: LessonInputs): number => {
    const out = computeLesson(convention, kind, inp, activation);
    if (kind !== 'upstream') return out.L;
    let s = 0;
    for (let k = 0; k < out.y.data.length; k++) s += inputs.upstream.data[k] * out.y.data[k];
    return s;
  };
  let worst: GradCheckResult['worst'] = { field: 'x', index: 0, analytic: 0, numeric: 0 };
  let maxRelError = 0;
  const probe = (field: 'x' | 'W' | 'b', data: Float64Array, grad: Float64Array, rebuild: (d: Float64Array) => LessonInputs) => {
    for (let k = 0; k < data.length; k++) {
      const step = h * Math.max(1, Math.abs(data[k]));
      const plus = new Float64Array(data);
      plus[k] += step;
      const minus = new Float64Array(data);
      minus[k] -= step;
      const numeric = (lossOf(rebuild(plus)) - lossOf(rebuild(minus))) / (plus[k] - minus[k]);
      const a = grad[k];
      const err = Math.abs(a - numeric) / Math.max(1, Math.abs(a), Math.abs(numeric));
      if (err > maxRelError || Number.isNaN(err)) {
        maxRelError = Number.isNaN(err) ? Infinity : err;
        worst = { field, index: k, analytic: a, numeric };
      }
    }
  };
  const withData = (m: Matrix, d: Float64Array): Matrix => ({ rows: m.rows, cols: m.cols, data: d });
  probe('x', inputs.x.data, analytic.dX.data, (d) => ({ ...inputs, x: withData(inputs.x, d) }));
  probe('W', inputs.W.data, analytic.dW.data, (d) => ({ ...inputs, W: withData(inputs.W, d) }));
  probe('b', inputs.b, analytic.db, (d) => ({ ...inputs, b: d }));
  return { maxRelError, worst };
}
