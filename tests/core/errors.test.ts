// Every throw in src/core: the error is a ValidationError naming its field, and
// shape errors name both shapes (and the convention where one applies).
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  activate,
  activationBackward,
  assertLessonShapes,
  backward,
  code,
  computeLesson,
  derive,
  forward,
  fromRows,
  jacobian,
  loss,
  makeLesson,
  type Activation,
  type CoreLossKind,
  type LessonConfig,
  type LossKind,
  type LessonInputs,
  type Matrix,
} from '../../src/core/index.ts';
import { CONVS, mat } from './reference.ts';

/**
 * How a message names its field. Input fields appear by name; the others are
 * about a position rather than an input, and name that position instead.
 */
const NAMED: Record<string, string> = { index: 'entry (', size: 'entries', cell: 'derive: ', rows: 'row ' };

/** Runs f and returns the ValidationError it throws; fails if it throws nothing or something else. */
function rejects(f: () => unknown, field: string, ...parts: string[]): ValidationError {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a ValidationError').toBeInstanceOf(ValidationError);
  const v = err as ValidationError;
  expect(v.name).toBe('ValidationError');
  expect(v).toBeInstanceOf(Error);
  expect(v.field).toBe(field);
  expect(v.message).toContain(NAMED[field] ?? field);
  for (const p of parts) expect(v.message).toContain(p);
  return v;
}

const ones = (r: number, c: number): Matrix => mat(r, c, () => 1);
const withValue = (m: Matrix, k: number, v: number): Matrix => {
  const data = Float64Array.from(m.data);
  data[k] = v;
  return { rows: m.rows, cols: m.cols, data };
};

describe('non-finite values are refused, naming the field and the entry', () => {
  const x = ones(2, 3), W = ones(3, 4), b = new Float64Array(4), dY = ones(2, 4);
  it.each([Number.NaN, Infinity, -Infinity])('%s in x, W, b, dY, y, target', (bad) => {
    const s = String(bad);
    rejects(() => forward('row', withValue(x, 4, bad), W, b), 'x', 'entry 4', s);
    rejects(() => forward('row', x, withValue(W, 11, bad), b), 'W', 'entry 11', s);
    rejects(() => forward('row', x, W, Float64Array.of(0, 0, bad, 0)), 'b', 'entry 2', s);
    rejects(() => backward('row', withValue(x, 0, bad), W, dY), 'x', 'entry 0', s);
    rejects(() => backward('row', x, withValue(W, 0, bad), dY), 'W', 'entry 0', s);
    rejects(() => backward('row', x, W, withValue(dY, 7, bad)), 'dY', 'entry 7', s);
    for (const kind of ['mse', 'softmax-ce', 'sum'] as const) {
      rejects(() => loss('row', kind, withValue(dY, 3, bad), kind === 'mse' ? dY : [0, 0]), 'y', 'entry 3', s);
    }
    rejects(() => loss('row', 'mse', dY, withValue(dY, 5, bad)), 'target', 'entry 5', s);
    rejects(() => loss('row', 'softmax-ce', dY, [0, bad]), 'target', 'entry 1', s);
  });

  it.each([Number.NaN, Infinity, -Infinity])('%s in the activation\'s z and dL/dy', (bad) => {
    const s = String(bad);
    for (const act of ['identity', 'relu', 'sigmoid', 'tanh'] as const) {
      rejects(() => activate(act, withValue(dY, 6, bad)), 'z', 'entry 6', s);
      rejects(() => activationBackward(act, withValue(dY, 1, bad), dY), 'z', 'entry 1', s);
      rejects(() => activationBackward(act, dY, withValue(dY, 2, bad)), 'dY', 'entry 2', s);
    }
  });

  it('in a lesson: x, W, b, the mse target, the classes and the upstream gradient', () => {
    for (const convention of CONVS) {
      const cfg = { convention, B: 2, N: 3, T: 2 };
      const base = makeLesson({ ...cfg, loss: 'mse' }, 3);
      const run = (loss: LessonConfig['loss'], patch: Partial<LessonInputs>) => () => computeLesson(convention, loss, { ...base, ...patch });
      rejects(run('sum', { x: withValue(base.x, 1, Number.NaN) }), 'x', 'NaN');
      rejects(run('sum', { W: withValue(base.W, 1, Infinity) }), 'W', 'Infinity');
      rejects(run('sum', { b: Float64Array.of(0, Number.NaN) }), 'b', 'NaN');
      rejects(run('mse', { targetMatrix: withValue(base.targetMatrix, 0, -Infinity) }), 'target', '-Infinity');
      rejects(run('softmax-ce', { targetClasses: [Number.NaN, 0] }), 'target', 'NaN');
      rejects(run('upstream', { upstream: withValue(base.upstream, 3, Number.NaN) }), 'dY', 'NaN');
      // The same refusals through an activation.
      for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
        const through = (loss: LossKind, patch: Partial<LessonInputs>) => () => computeLesson(convention, loss, { ...base, ...patch }, act);
        rejects(through('sum', { x: withValue(base.x, 1, Number.NaN) }), 'x', 'NaN');
        rejects(through('mse', { targetMatrix: withValue(base.targetMatrix, 0, -Infinity) }), 'target', '-Infinity');
        rejects(through('upstream', { upstream: withValue(base.upstream, 3, Number.NaN) }), 'dY', 'NaN');
      }
    }
  });
});

describe('malformed matrices', () => {
  it('a size under 1 or not an integer', () => {
    rejects(() => forward('row', { rows: 0, cols: 3, data: new Float64Array(0) }, ones(3, 2), new Float64Array(2)), 'x', '[0,3]', 'invalid');
    rejects(() => forward('row', ones(2, 3), { rows: 1.5, cols: 2, data: new Float64Array(3) }, new Float64Array(2)), 'W', '[1.5,2]');
    rejects(() => backward('torch', ones(2, 3), ones(2, 3), { rows: 2, cols: -2, data: new Float64Array(0) }), 'dY', '[2,-2]');
    rejects(() => loss('row', 'sum', { rows: 0, cols: 0, data: new Float64Array(0) }), 'y', '[0,0]');
  });

  it('data whose length does not match the shape', () => {
    rejects(() => forward('column', { rows: 2, cols: 2, data: new Float64Array(3) }, ones(2, 2), new Float64Array(2)), 'x', '[2,2]', 'needs 4 values but has 3');
    rejects(() => loss('row', 'mse', ones(2, 2), { rows: 2, cols: 2, data: new Float64Array(5) }), 'target', 'needs 4 values but has 5');
  });

  it('fromRows with ragged rows', () => {
    rejects(() => fromRows([[1, 2], [3]]), 'rows', 'row 1 has 1 entries but row 0 has 2');
    rejects(() => fromRows([[1], [2], [3, 4]]), 'rows', 'row 2 has 2 entries but row 0 has 1');
  });
});

describe('shape mismatches name both shapes and the convention', () => {
  it("backward: dY is [3,2] but y needs [2,3] (convention 'row')", () => {
    const v = rejects(() => backward('row', ones(2, 4), ones(4, 3), ones(3, 2)), 'dY');
    expect(v.message).toBe("backward: dY is [3,2] but y needs [2,3] (convention 'row')");
    rejects(() => backward('torch', ones(2, 4), ones(3, 4), ones(3, 2)), 'dY', '[3,2]', '[2,3]', "'torch'");
    rejects(() => backward('column', ones(4, 2), ones(3, 4), ones(2, 3)), 'dY', '[2,3]', '[3,2]', "'column'");
  });

  it('W that does not fit x, in forward and backward', () => {
    // row: x [2,3] needs W [3,T]; torch: x [2,3] needs W [T,3]; column: x [3,2] needs W [T,3].
    const v = rejects(() => forward('row', ones(2, 3), ones(4, 2), new Float64Array(2)), 'W', '[4,2]', '[2,3]', '[3,2]', "'row'");
    expect(v.message).toMatch(/^forward: /);
    rejects(() => forward('torch', ones(2, 3), ones(2, 4), new Float64Array(2)), 'W', '[2,4]', '[2,3]', '[2,3]', "'torch'");
    rejects(() => forward('column', ones(3, 2), ones(4, 2), new Float64Array(4)), 'W', '[4,2]', '[3,2]', '[4,3]', "'column'");
    const w = rejects(() => backward('torch', ones(2, 3), ones(5, 2), ones(2, 5)), 'W', '[5,2]', '[2,3]', '[5,3]', "'torch'");
    expect(w.message).toMatch(/^backward: /);
  });

  it('b whose length is not T', () => {
    rejects(() => forward('row', ones(2, 3), ones(3, 4), new Float64Array(3)), 'b', 'b has 3 entries', 'needs 4', "'row'");
    rejects(() => forward('column', ones(3, 2), ones(4, 3), new Float64Array(5)), 'b', 'b has 5 entries', 'needs 4', "'column'");
  });

  it('an mse target of the wrong shape, or missing, or given as classes', () => {
    rejects(() => loss('row', 'mse', ones(2, 3), ones(3, 2)), 'target', 'target is [3,2]', 'y is [2,3]', "'row'");
    rejects(() => loss('column', 'mse', ones(3, 2), ones(2, 3)), 'target', 'target is [2,3]', 'y is [3,2]', "'column'");
    rejects(() => loss('row', 'mse', ones(2, 3)), 'target', 'mse needs a target matrix', '[2,3]');
    rejects(() => loss('row', 'mse', ones(2, 3), [0, 1]), 'target', 'mse needs a target matrix', '[2,3]');
  });

  it('lesson inputs that do not fit the configuration', () => {
    for (const convention of CONVS) {
      const cfg: LessonConfig = { convention, loss: 'mse', B: 2, N: 3, T: 4 };
      const good = makeLesson(cfg, 9);
      expect(() => assertLessonShapes(cfg, good)).not.toThrow();
      const other = makeLesson({ ...cfg, B: 3, N: 2, T: 5 }, 9);
      const shape = (m: Matrix) => `[${m.rows},${m.cols}]`;
      rejects(() => assertLessonShapes(cfg, { ...good, x: other.x }), 'x', shape(other.x), shape(good.x), `'${convention}'`);
      rejects(() => assertLessonShapes(cfg, { ...good, W: other.W }), 'W', shape(other.W), shape(good.W), `'${convention}'`);
      rejects(() => assertLessonShapes(cfg, { ...good, targetMatrix: other.targetMatrix }), 'target', shape(other.targetMatrix), shape(good.targetMatrix));
      rejects(() => assertLessonShapes(cfg, { ...good, upstream: other.upstream }), 'dY', shape(other.upstream), shape(good.upstream));
      rejects(() => assertLessonShapes(cfg, { ...good, b: other.b }), 'b', 'b has 5 entries', 'T is 4');
    }
  });
});

describe('class targets for softmax-ce', () => {
  const y = ones(3, 4); // row: B = 3, T = 4
  it('missing, or given as a matrix', () => {
    rejects(() => loss('row', 'softmax-ce', y), 'target', 'one class index per sample', '3 numbers');
    rejects(() => loss('torch', 'softmax-ce', y, ones(3, 4)), 'target', 'one class index per sample');
  });
  it('the wrong count', () => {
    rejects(() => loss('row', 'softmax-ce', y, [0, 1]), 'target', 'target has 2 class indices', '3 samples');
    rejects(() => loss('column', 'softmax-ce', y, [0, 1, 2]), 'target', 'target has 3 class indices', '4 samples');
  });
  it('out of range or not an integer', () => {
    rejects(() => loss('row', 'softmax-ce', y, [0, 4, 1]), 'target', 'target[1] = 4', '0..3');
    rejects(() => loss('row', 'softmax-ce', y, [0, 1, -1]), 'target', 'target[2] = -1', '0..3');
    rejects(() => loss('row', 'softmax-ce', y, [0.5, 1, 1]), 'target', 'target[0] = 0.5', '0..3');
  });
});

describe('other refusals', () => {
  it('an unknown loss kind', () => {
    const v = rejects(() => loss('row', 'hinge' as CoreLossKind, ones(2, 2)), 'loss', "'hinge'");
    expect(v.message).toContain('mse, softmax-ce or sum');
  });

  it('an unknown loss kind in a lesson', () => {
    // As loss() does: a kind the loss table does not have must not be taken for 'upstream'.
    rejects(() => computeLesson('row', 'hinge' as CoreLossKind, makeLesson({ convention: 'row', loss: 'sum', B: 1, N: 1, T: 1 }, 1)), 'loss', "'hinge'");
  });

  it('an unknown activation', () => {
    for (const f of [() => activate('swish' as Activation, ones(2, 2)), () => activationBackward('swish' as Activation, ones(2, 2), ones(2, 2))]) {
      const v = rejects(f, 'activation', "'swish'");
      expect(v.message).toContain('identity, relu, sigmoid, tanh');
    }
  });

  it('dL/dy whose shape is not z\'s, in activationBackward', () => {
    const v = rejects(() => activationBackward('tanh', ones(2, 3), ones(3, 2)), 'dY', '[3,2]', '[2,3]');
    expect(v.message).toBe('activationBackward: dY is [3,2] but z is [2,3]');
    rejects(() => activationBackward('relu', ones(2, 3), { rows: 2, cols: 3, data: new Float64Array(5) }), 'dY', 'needs 6 values but has 5');
    rejects(() => activate('sigmoid', { rows: 0, cols: 3, data: new Float64Array(0) }), 'z', '[0,3]', 'invalid');
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])('size %s for makeLesson and jacobian', (bad) => {
    for (const field of ['B', 'N', 'T'] as const) {
      const sizes = { B: 2, N: 2, T: 2, [field]: bad };
      rejects(() => makeLesson({ convention: 'row', loss: 'mse', ...sizes }, 1), field, `size ${String(bad)}`, 'at least 1');
      rejects(() => jacobian('dY/dX', 'column', sizes), field, `size ${String(bad)}`, 'at least 1');
    }
  });

  it('a Jacobian entry out of range', () => {
    const J = jacobian('dY/dW', 'row', { B: 2, N: 3, T: 4 }, 'row-major', { x: ones(2, 3), W: ones(3, 4) }); // [8, 12]
    rejects(() => J.entry(8, 0), 'index', '(8, 0)', '[8,12]');
    rejects(() => J.entry(0, 12), 'index', '(0, 12)', '[8,12]');
    rejects(() => J.entry(-1, 0), 'index', '(-1, 0)');
    rejects(() => J.entry(0, 0.5), 'index', '(0, 0.5)');
    expect(J.entry(7, 11)).toBe(1);
  });

  it('a Jacobian entry without values', () => {
    for (const kind of ['dY/dW', 'dY/dX'] as const) {
      const J = jacobian(kind, 'torch', { B: 2, N: 3, T: 4 });
      const c = J.rowNonZeros(0)[0];
      rejects(() => J.entry(0, c), 'values', kind, 'sizes only');
      rejects(() => J.materialise(), 'values');
      rejects(() => J.vjp(new Float64Array(J.rows)), 'values');
    }
    // dY/db needs no values: its entries are 0 and 1.
    const J = jacobian('dY/db', 'torch', { B: 2, N: 3, T: 4 });
    expect(J.entry(0, 0)).toBe(1);
    expect(J.entry(0, 1)).toBe(0);
    // dy/dz needs z, even when x and W are given.
    const Z = jacobian('dY/dZ', 'row', { B: 2, N: 3, T: 4 }, 'row-major', { x: ones(2, 3), W: ones(3, 4) }, 'sigmoid');
    rejects(() => Z.entry(0, 0), 'values', 'dY/dZ', 'need z', 'sizes only');
    expect(Z.entry(0, 1)).toBe(0); // a structural zero needs no value
    const withZ = jacobian('dY/dZ', 'row', { B: 2, N: 3, T: 4 }, 'row-major', { x: ones(2, 3), W: ones(3, 4), z: mat(2, 4, () => 0) }, 'sigmoid');
    expect(withZ.entry(0, 0)).toBe(0.25);
  });

  it('a VJP vector of the wrong length', () => {
    const J = jacobian('dY/db', 'row', { B: 2, N: 3, T: 4 });
    rejects(() => J.vjp(new Float64Array(7)), 'g', 'g has 7 entries', 'y has 8');
  });

  it('materialising or multiplying above the limits', () => {
    const J = jacobian('dY/dX', 'row', { B: 2, N: 3, T: 4 }, 'row-major', { x: ones(2, 3), W: ones(3, 4) });
    rejects(() => J.materialise(47), 'size', '48 entries', 'limit of 47');
    const big = jacobian('dY/dX', 'row', { B: 64, N: 1024, T: 64 });
    // A message for developers: plain numbers, no locale's digit grouping.
    rejects(() => big.vjp(new Float64Array(big.rows)), 'size', '268435456 entries', 'limit of 67108864');
  });

  it('a derivation cell outside its matrix', () => {
    const cfg = { convention: 'row' as const, loss: 'mse' as const, B: 2, N: 2, T: 2 };
    const inputs = makeLesson(cfg, 1);
    const ctx = { convention: cfg.convention, loss: cfg.loss, sizes: cfg, inputs, outputs: computeLesson('row', 'mse', inputs) };
    rejects(() => derive(ctx, { m: 'dW', r: 2, c: 0 }), 'cell', 'dW[2,0]', '[2,2]');
  });
});

describe('jacobian values', () => {
  it('refuses x or W whose shape does not match the sizes, naming both shapes', () => {
    const sizes = { B: 2, N: 3, T: 2 };
    const x = { rows: 2, cols: 3, data: new Float64Array(6) };
    const W = { rows: 3, cols: 2, data: new Float64Array(6) };
    expect(() => jacobian('dY/dW', 'row', sizes, 'row-major', { x, W })).not.toThrow();
    try {
      jacobian('dY/dW', 'torch', sizes, 'row-major', { x, W });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('W');
      expect((e as Error).message).toBe("jacobian dY/dW: W is [3,2] but the sizes need [2,3] (convention 'torch')");
    }
    expect(() => jacobian('dY/dX', 'column', sizes, 'row-major', { x, W: { rows: 2, cols: 3, data: new Float64Array(6) } })).toThrow(/x is \[2,3\] but the sizes need \[3,2\]/);
    // z must have y's shape in the convention.
    const xc = { rows: 3, cols: 2, data: new Float64Array(6) }, Wc = { rows: 2, cols: 3, data: new Float64Array(6) };
    expect(() => jacobian('dY/dZ', 'column', sizes, 'row-major', { x: xc, W: Wc, z: { rows: 2, cols: 2, data: new Float64Array(4) } }, 'tanh')).not.toThrow();
    const v = rejects(() => jacobian('dY/dZ', 'column', sizes, 'row-major', { x: xc, W: Wc, z: { rows: 1, cols: 4, data: new Float64Array(4) } }, 'tanh'), 'z');
    expect(v.message).toBe("jacobian dY/dZ: z is [1,4] but the sizes need [2,2] (convention 'column')");
  });
});

describe('overflow', () => {
  const x = { rows: 1, cols: 2, data: Float64Array.of(1e200, 1) };
  const W = { rows: 2, cols: 1, data: Float64Array.of(1e200, 1) };
  it('forward names the overflowing y entry when every input is finite', () => {
    expect(() => forward('row', x, W, Float64Array.of(0))).toThrow("forward: y[0,0] overflows to Infinity; the inputs are too large for float64");
    // The learner is told the same as a message of the string catalogue.
    const v = rejects(() => forward('row', x, W, Float64Array.of(0)), 'y');
    expect(v.userMessage).toEqual({ key: 'error.overflow', params: { name: code('y'), index: '0,0' } });
  });
  it('a lesson with an activation names the overflowing entry z, the grid it happens in', () => {
    const inputs = { x, W, b: Float64Array.of(0), targetMatrix: { rows: 1, cols: 1, data: Float64Array.of(0) }, targetClasses: [0], upstream: { rows: 1, cols: 1, data: Float64Array.of(1) } };
    const v = rejects(() => computeLesson('row', 'sum', inputs, 'relu'), 'z');
    expect(v.userMessage).toEqual({ key: 'error.overflow', params: { name: code('z'), index: '0,0' } });
    expect(rejects(() => computeLesson('row', 'sum', inputs), 'y').userMessage?.params?.name).toEqual(code('y'));
  });
  it('forward still names a non-finite weight rather than the output it spoils', () => {
    const bad = { rows: 2, cols: 1, data: Float64Array.of(1, Number.NaN) };
    try {
      forward('row', { rows: 1, cols: 2, data: Float64Array.of(0, 0) }, bad, Float64Array.of(0));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).field).toBe('W');
      expect((e as Error).message).toMatch(/W: entry 1 is NaN/);
    }
  });
  it('backward names an overflowing dW, which W does not enter', () => {
    const dY = { rows: 1, cols: 1, data: Float64Array.of(1e200) };
    try {
      backward('row', x, { rows: 2, cols: 1, data: Float64Array.of(1e-300, 1e-300) }, dY);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).field).toBe('dW');
      expect((e as Error).message).toBe('backward: dW[0,0] overflows to Infinity; the inputs are too large for float64');
    }
  });
  it('loss refuses an overflowing value', () => {
    const y = { rows: 1, cols: 2, data: Float64Array.of(1e200, 1e200) };
    expect(() => loss('row', 'mse', y, { rows: 1, cols: 2, data: Float64Array.of(0, 0) })).toThrow(/mse loss overflows to Infinity/);
    expect(() => loss('row', 'sum', { rows: 1, cols: 2, data: Float64Array.of(1e308, 1e308) })).toThrow(/sum loss overflows/);
    try {
      loss('row', 'mse', y, { rows: 1, cols: 2, data: Float64Array.of(0, 0) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('L');
      expect((e as ValidationError).userMessage).toEqual({ key: 'error.lossOverflow', params: { loss: code('mse') } });
    }
  });

  it('input errors carry no learner message unless they can reach the screen', () => {
    expect(rejects(() => fromRows([[1, 2], [3]]), 'rows').userMessage).toBeNull();
    expect(new ValidationError('x', 'm').userMessage).toBeNull();
  });
});
