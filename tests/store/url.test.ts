// The URL codec: bad parameters become notices naming them, and every valid lesson round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, LOSS_KINDS, matrixShape, type Convention, type Granularity, type JacobianKind, type Linearisation, type LossKind, type MatrixName } from '../../src/core/index.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import { DEFAULTS, SIZE_MAX, SIZE_MIN, cellShape, decodeUrl, encodeUrl, expectedShape, parseCell, writeCell, type UrlState } from '../../src/store/url.ts';

const params = (notices: { param: string }[]) => notices.map((n) => n.param);

describe('decodeUrl: defaults and valid parameters', () => {
  it('gives the default lesson for an empty query, with no notices', () => {
    for (const q of ['', '?', '?&&']) {
      const { state, notices } = decodeUrl(q);
      expect(notices).toEqual([]);
      expect(state).toEqual({
        convention: DEFAULTS.convention,
        sizes: { B: DEFAULTS.B, N: DEFAULTS.N, T: DEFAULTS.T },
        loss: DEFAULTS.loss,
        seed: DEFAULTS.seed,
        explicit: {},
        focus: null,
        step: null,
        granularity: null,
        jacobianKind: null,
        linearisation: null,
      });
    }
  });

  it('reads every parameter of the README table', () => {
    const { state, notices } = decodeUrl('?conv=column&B=2&N=3&T=2&seed=42&loss=upstream&x=1,2;3,4;5,6&W=1,2,3;4,5,6&b=0.5,-1&dY=1,2;3,4&focus=dW:1,2&step=3');
    expect(notices).toEqual([]);
    expect(state.convention).toBe('column');
    expect(state.sizes).toEqual({ B: 2, N: 3, T: 2 });
    expect(state.seed).toBe(42);
    expect(state.loss).toBe('upstream');
    expect(state.explicit.x).toEqual([[1, 2], [3, 4], [5, 6]]); // [N×B] in column
    expect(state.explicit.W).toEqual([[1, 2, 3], [4, 5, 6]]); // [T×N]
    expect(state.explicit.b).toEqual([[0.5, -1]]);
    expect(state.explicit.dY).toEqual([[1, 2], [3, 4]]);
    expect(state.focus).toEqual({ m: 'dW', r: 1, c: 2 });
    expect(state.step).toBe(3);
  });

  it('accepts the minus sign, spaces and exponents in matrices', () => {
    const { state, notices } = decodeUrl(`?x=${encodeURIComponent('1e-3, \u22122 ,3;+4,.5,-6E2')}`);
    expect(notices).toEqual([]);
    expect(state.explicit.x).toEqual([[0.001, -2, 3], [4, 0.5, -600]]);
  });

  it('reads class-index targets as one list for softmax-ce and a matrix for mse', () => {
    expect(decodeUrl('?loss=softmax-ce&B=3&target=0,1,1').state.explicit.target).toEqual([[0, 1, 1]]);
    expect(decodeUrl('?B=3&target=0,1;1,0;0.5,0.5').state.explicit.target).toEqual([[0, 1], [1, 0], [0.5, 0.5]]);
  });
});

describe('decodeUrl: bad parameters become notices naming them', () => {
  it('clamps out-of-range sizes and says so', () => {
    const { state, notices } = decodeUrl('?B=40&N=0&T=-3');
    expect(state.sizes).toEqual({ B: SIZE_MAX, N: SIZE_MIN, T: SIZE_MIN });
    expect(params(notices)).toEqual(['B', 'N', 'T']);
    expect(notices[0].message).toMatch(/B=40.*clamped to 12/);
    expect(notices[1].message).toMatch(/clamped to 1/);
  });

  it('rounds a fractional size with a notice, and falls back for a non-number', () => {
    const { state, notices } = decodeUrl('?B=2.6&N=three');
    expect(state.sizes.B).toBe(3);
    expect(state.sizes.N).toBe(DEFAULTS.N);
    expect(params(notices)).toEqual(['B', 'N']);
    expect(notices[1].message).toContain('three');
  });

  it('falls back to the default convention and loss', () => {
    const { state, notices } = decodeUrl('?conv=foo&loss=hinge');
    expect(state.convention).toBe('row');
    expect(state.loss).toBe('mse');
    expect(params(notices)).toEqual(['conv', 'loss']);
    expect(notices[0].message).toContain('foo');
    expect(notices[1].message).toContain('hinge');
  });

  it('refuses a seed that is not a whole number', () => {
    for (const seed of ['1.5', 'abc', '1e40', '']) {
      const { state, notices } = decodeUrl(`?seed=${seed}`);
      expect(state.seed).toBe(DEFAULTS.seed);
      expect(params(notices)).toEqual(['seed']);
    }
  });

  it('ignores a matrix of the wrong shape, naming both shapes', () => {
    const { state, notices } = decodeUrl('?x=1,2;3,4');
    expect(state.explicit.x).toBeUndefined();
    expect(params(notices)).toEqual(['x']);
    expect(notices[0].message).toContain('[2×2]');
    expect(notices[0].message).toContain('[2×3]');
  });

  it('ignores a matrix with a non-number, and says what is wrong', () => {
    const { state, notices } = decodeUrl('?W=1,2;3,x;5,6&b=1,NaN');
    expect(state.explicit.W).toBeUndefined();
    expect(state.explicit.b).toBeUndefined();
    expect(params(notices)).toEqual(['W', 'b']);
    expect(notices[0].message).toMatch(/not a number/);
  });

  it('says rows of different lengths are ragged, not that they hold a non-number', () => {
    const { state, notices } = decodeUrl('?x=1,2;3');
    expect(state.explicit.x).toBeUndefined();
    expect(params(notices)).toEqual(['x']);
    expect(notices[0].message).not.toMatch(/not a number/);
    expect(notices[0].message).toMatch(/row/);
  });

  it('ignores an empty matrix', () => {
    const { state, notices } = decodeUrl('?x=');
    expect(state.explicit.x).toBeUndefined();
    expect(params(notices)).toEqual(['x']);
  });

  it('checks the shape in the selected convention', () => {
    // [B×N] = [2×3] in row is the wrong shape in column, which needs [N×B] = [3×2].
    const { notices } = decodeUrl('?conv=column&x=1,2,3;4,5,6');
    expect(params(notices)).toEqual(['x']);
    expect(notices[0].message).toContain('column');
  });

  it('refuses class targets out of range or fractional', () => {
    for (const t of ['0,2', '0,-1', '0,0.5', '0;1']) {
      const { state, notices } = decodeUrl(`?loss=softmax-ce&target=${t}`);
      expect(state.explicit.target, t).toBeUndefined();
      expect(params(notices), t).toEqual(['target']);
    }
  });

  it('refuses a focus outside the lesson or malformed', () => {
    for (const f of ['dW:3,0', 'dW:0,2', 'Q:0,0', 'dW', 'dW:-1,0', 'dW:0', 'x:1,2,3']) {
      const { state, notices } = decodeUrl(`?focus=${encodeURIComponent(f)}`);
      expect(state.focus, f).toBeNull();
      expect(params(notices), f).toEqual(['focus']);
      expect(notices[0].message).toContain(f);
    }
  });

  it('refuses a focus on the target when the loss shows none', () => {
    for (const loss of ['sum', 'upstream']) {
      const { state, notices } = decodeUrl(`?loss=${loss}&focus=target:0,0`);
      expect(state.focus).toBeNull();
      expect(params(notices)).toEqual(['focus']);
    }
  });

  it('refuses a bad step', () => {
    const { state, notices } = decodeUrl('?step=-1');
    expect(state.step).toBeNull();
    expect(params(notices)).toEqual(['step']);
  });

  it('reports the example of the README: ?B=40&conv=foo&x=1,2;3', () => {
    const { state, notices } = decodeUrl('?B=40&conv=foo&x=1,2;3');
    expect(new Set(params(notices))).toEqual(new Set(['B', 'conv', 'x']));
    expect(state.sizes.B).toBe(12);
    expect(state.convention).toBe('row');
  });
});

describe('encodeUrl', () => {
  it('writes nothing for the default lesson', () => {
    expect(encodeUrl(decodeUrl('').state)).toBe('');
  });

  it('keeps , ; and : readable and escapes the rest', () => {
    const { state } = decodeUrl('?B=1&N=2&T=1&x=-1.5,2&focus=x:0,1&loss=softmax-ce');
    expect(encodeUrl(state)).toBe('B=1&N=2&T=1&loss=softmax-ce&x=-1.5,2&focus=x:0,1');
  });

  it('writes cells as matrix:row,col and reads them back', () => {
    expect(writeCell({ m: 'dW', r: 1, c: 0 })).toBe('dW:1,0');
    expect(parseCell('dW:1,0')).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(parseCell('dw:1,0')).toBeNull();
  });
});

// ---------- properties ----------

const KEYS = ['conv', 'B', 'N', 'T', 'seed', 'loss', 'x', 'W', 'b', 'target', 'dY', 'focus', 'step', 'grain', 'jac', 'lin'];
const MATRICES: MatrixName[] = ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX'];

/** Text that looks a little like what the codec reads, to get past its first checks. */
const nearValue = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('1', '2', '-', '.', 'e', ',', ';', ':', ' ', '\u2212', '+', 'x', 'N', '0') }),
  fc.constantFrom('row', 'torch', 'column', 'mse', 'softmax-ce', 'sum', 'upstream', 'NaN', 'Infinity', '1e400', '-0', '12', '13', '0'),
  fc.tuple(fc.constantFrom(...MATRICES), fc.nat(20), fc.nat(20)).map(([m, r, c]) => `${m}:${r},${c}`),
);

const valid = (state: UrlState) => {
  const { sizes, convention, loss } = state;
  for (const k of ['B', 'N', 'T'] as const) {
    expect(Number.isInteger(sizes[k])).toBe(true);
    expect(sizes[k]).toBeGreaterThanOrEqual(SIZE_MIN);
    expect(sizes[k]).toBeLessThanOrEqual(SIZE_MAX);
  }
  expect(CONVENTIONS).toContain(convention);
  expect(LOSS_KINDS).toContain(loss);
  expect(Number.isInteger(state.seed)).toBe(true);
  for (const [name, rows] of Object.entries(state.explicit)) {
    const [r, c] = expectedShape(name as 'x', convention, sizes, loss);
    expect(rows.length).toBe(r);
    for (const row of rows) {
      expect(row.length).toBe(c);
      for (const v of row) expect(Number.isFinite(v)).toBe(true);
    }
  }
  if (state.focus) {
    const [r, c] = cellShape(state.focus.m, convention, sizes, loss);
    expect(state.focus.r).toBeLessThan(r);
    expect(state.focus.c).toBeLessThan(c);
  }
};

describe('decodeUrl never throws and always gives a valid lesson', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        valid(decodeUrl(s).state);
        valid(decodeUrl(`?${s}`).state);
      }),
      { numRuns: 500 },
    );
  });

  it('on the query strings of arbitrary web URLs', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (u) => {
        valid(decodeUrl(new URL(u).search).state);
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary values of the known keys and unknown ones', () => {
    const entry = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), nearValue);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const q = entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        const { state, notices } = decodeUrl(`?${q}`);
        valid(state);
        for (const n of notices) expect(KEYS).toContain(n.param);
        // Every notice names its parameter in the message too.
        for (const n of notices) expect(n.message).toContain(n.param);
      }),
      { numRuns: 500 },
    );
  });

  it('on raw, unencoded text with stray % and & signs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.string()), { maxLength: 6 }), (entries) => {
        valid(decodeUrl(`?${entries.map(([k, v]) => `${k}=${v}`).join('&')}`).state);
      }),
      { numRuns: 300 },
    );
  });

  it('and the store builds a lesson from whatever it gives', () => {
    const entry = fc.tuple(fc.constantFrom(...KEYS), nearValue);
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        const q = entries.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const s = createAppStore(`?${q}`).getState();
        expect(s.outputs.y.rows * s.outputs.y.cols).toBe(s.config.B * s.config.T);
      }),
      { numRuns: 200 },
    );
  });
});

/** A finite double as the codec writes it: -0 is written as 0. */
const num = fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);
const grid = (r: number, c: number, v: fc.Arbitrary<number> = num) =>
  fc.array(fc.array(v, { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const validLesson: fc.Arbitrary<UrlState> = fc
  .record({
    convention: fc.constantFrom<Convention>(...CONVENTIONS),
    loss: fc.constantFrom<LossKind>(...LOSS_KINDS),
    B: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    N: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    T: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
    step: fc.option(fc.nat(1000), { nil: null }),
  })
  .chain(({ convention, loss, B, N, T, seed, step }) => {
    const sizes = { B, N, T };
    const shape = (m: 'x' | 'W' | 'dY') => matrixShape(convention, sizes, m);
    const target = loss === 'softmax-ce' ? grid(1, B, fc.nat(T - 1)) : grid(...matrixShape(convention, sizes, 'y'));
    const focus = fc.option(
      fc
        .constantFrom(...MATRICES.filter((m) => m !== 'target' || loss === 'mse' || loss === 'softmax-ce'))
        .chain((m) => {
          const [r, c] = cellShape(m, convention, sizes, loss);
          return fc.record({ m: fc.constant(m), r: fc.nat(r - 1), c: fc.nat(c - 1) });
        }),
      { nil: null },
    );
    return fc.record({
      convention: fc.constant(convention),
      sizes: fc.constant(sizes),
      loss: fc.constant(loss),
      seed: fc.constant(seed),
      step: fc.constant(step),
      granularity: fc.option(fc.constantFrom<Granularity>('fine', 'coarse'), { nil: null }),
      // The codec leaves out the defaults (dY/dW, row-major), which therefore read back as null.
      jacobianKind: fc.constantFrom<JacobianKind | null>(null, 'dY/dX', 'dY/db'),
      linearisation: fc.constantFrom<Linearisation | null>(null, 'column-major'),
      focus,
      explicit: fc.record(
        { x: optional(grid(...shape('x'))), W: optional(grid(...shape('W'))), b: optional(grid(1, T)), target: optional(target), dY: optional(grid(...shape('dY'))) },
        { requiredKeys: [] },
      ),
    });
  })
  .map((s) => ({ ...s, explicit: Object.fromEntries(Object.entries(s.explicit).filter(([, v]) => v !== undefined)) }));

describe('every valid lesson round-trips through the URL', () => {
  it('encodeUrl then decodeUrl gives the same state, with no notices', () => {
    fc.assert(
      fc.property(validLesson, (s) => {
        const q = encodeUrl(s);
        const back = decodeUrl(`?${q}`);
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(s);
        // And a second trip writes the same text.
        expect(encodeUrl(back.state)).toBe(q);
      }),
      { numRuns: 400 },
    );
  });

  it('survives the URL parser a browser applies to a copied link', () => {
    fc.assert(
      fc.property(validLesson, (s) => {
        const href = new URL(`http://example.org/app/?${encodeUrl(s)}#top`).href;
        const back = decodeUrl(new URL(href).search);
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});

describe('player grain and Jacobian view in the link', () => {
  it('restores a fine step at a size whose default is coarse', () => {
    const store = createAppStore('?B=12&N=12&T=12');
    store.getState().setGranularity('fine');
    store.getState().setStep(20);
    const q = encodeUrl(urlStateOf(store.getState()));
    expect(q).toContain('grain=fine');
    const again = createAppStore(`?${q}`).getState();
    expect(again.granularity).toBe('fine');
    expect(again.step).toBe(20);
    expect(again.script.steps[20].id).toBe(store.getState().script.steps[20].id);
  });
  it('restores the Jacobian and its linearisation, and names bad values', () => {
    const s = createAppStore('?jac=x&lin=col').getState();
    expect(s.jacobianKind).toBe('dY/dX');
    expect(s.linearisation).toBe('column-major');
    expect(encodeUrl(urlStateOf(s))).toBe('jac=x&lin=col');
    const { notices } = decodeUrl('?jac=Q&lin=diag&grain=medium');
    expect(notices.map((n) => n.param)).toEqual(['grain', 'jac', 'lin']);
  });
});
