// The URL codec: bad parameters become notices naming them, and every valid lesson round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  LOSS_KINDS,
  MATRIX_NAMES,
  matrixShape,
  numberFormat,
  type Activation,
  type Convention,
  type Granularity,
  type JacobianKind,
  type Linearisation,
  type LossKind,
} from '../../src/core/index.ts';
import { DEFAULT_FRAME, type Frame, SECTIONS } from '../../src/store/frame.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import {
  DEFAULTS,
  EDITABLE_NAMES,
  LOCALES,
  SIZE_MAX,
  SIZE_MIN,
  cellShape,
  decodeUrl,
  encodeUrl,
  parseCell,
  shownMatrices,
  writeCell,
  type Locale,
  type Notice,
  type UrlState,
} from '../../src/store/url.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const params = (notices: { param: string }[]) => notices.map((n) => n.param);
const english = createI18n('en', EN);
/** A notice as the learner reads it in English. */
const words = (n: Notice) => english.msg(n.message);

describe('decodeUrl: defaults and valid parameters', () => {
  it('gives the default lesson for an empty query, with no notices', () => {
    for (const q of ['', '?', '?&&']) {
      const { state, notices } = decodeUrl(q);
      expect(notices).toEqual([]);
      expect(state).toEqual({
        convention: DEFAULTS.convention,
        sizes: { B: DEFAULTS.B, N: DEFAULTS.N, T: DEFAULTS.T },
        loss: DEFAULTS.loss,
        activation: 'identity',
        seed: DEFAULTS.seed,
        explicit: {},
        focus: null,
        step: null,
        granularity: null,
        jacobianKind: null,
        linearisation: null,
        locale: 'en',
        frame: DEFAULT_FRAME,
      });
    }
  });

  it('reads every parameter of the README table', () => {
    const { state, notices } = decodeUrl(
      '?conv=column&B=2&N=3&T=2&seed=42&loss=upstream&act=sigmoid&x=1,2;3,4;5,6&W=1,2,3;4,5,6&b=0.5,-1&dY=1,2;3,4&focus=dZ:1,0&step=3&grain=coarse&jac=z&lin=col&lang=en-XA',
    );
    expect(notices).toEqual([]);
    expect(state.convention).toBe('column');
    expect(state.sizes).toEqual({ B: 2, N: 3, T: 2 });
    expect(state.seed).toBe(42);
    expect(state.loss).toBe('upstream');
    expect(state.activation).toBe('sigmoid');
    expect(state.explicit.x).toEqual([[1, 2], [3, 4], [5, 6]]); // [N×B] in column
    expect(state.explicit.W).toEqual([[1, 2, 3], [4, 5, 6]]); // [T×N]
    expect(state.explicit.b).toEqual([[0.5, -1]]);
    expect(state.explicit.dY).toEqual([[1, 2], [3, 4]]);
    expect(state.focus).toEqual({ m: 'dZ', r: 1, c: 0 });
    expect(state.step).toBe(3);
    expect(state.granularity).toBe('coarse');
    expect(state.jacobianKind).toBe('dY/dZ');
    expect(state.linearisation).toBe('column-major');
    expect(state.locale).toBe('en-XA');
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

  it('reads and writes b as one list of T numbers in every convention, though the column convention shows it T×1', () => {
    for (const conv of CONVENTIONS) {
      expect(cellShape('b', conv, { B: 2, N: 3, T: 3 }, 'mse'), conv).toEqual(conv === 'column' ? [3, 1] : [1, 3]);
      const { state, notices } = decodeUrl(`?conv=${conv}&T=3&b=1,2,3`);
      expect(notices, conv).toEqual([]);
      expect(state.explicit.b, conv).toEqual([[1, 2, 3]]);
      expect(encodeUrl(state), conv).toContain('b=1,2,3');
      // Typed as the column it is shown as, it is the same list.
      expect(decodeUrl(`?conv=${conv}&T=3&b=1;2;3`).state.explicit.b, conv).toEqual([[1, 2, 3]]);
    }
    const store = createAppStore('?conv=column&T=3&b=1,2,3');
    expect(Array.from(store.getState().inputs.b)).toEqual([1, 2, 3]);
    expect(store.select.ctx(store.getState()).outputs.db).toHaveLength(3);
    expect(decodeUrl('?conv=column&T=3&b=1,2').notices.map((n) => n.param)).toEqual(['b']);
  });

  it('opens an old link’s focus on b:0,j in the column convention at b[j], now the cell j,0', () => {
    expect(decodeUrl('?conv=column&focus=b:0,1').state.focus).toEqual({ m: 'b', r: 1, c: 0 });
    expect(decodeUrl('?conv=column&focus=db:0,1').state.focus).toEqual({ m: 'db', r: 1, c: 0 });
    expect(decodeUrl('?conv=column&focus=db:1,0').state.focus).toEqual({ m: 'db', r: 1, c: 0 });
    expect(encodeUrl(decodeUrl('?conv=column&focus=b:0,1').state)).toContain('focus=b:1,0');
    expect(decodeUrl('?focus=b:0,1').state.focus).toEqual({ m: 'b', r: 0, c: 1 });
    // Only b moves: x in the column convention with B = 1 is N×1, and x:0,2 is not in it.
    expect(decodeUrl('?conv=column&B=1&focus=x:0,2').state.focus).toBeNull();
    expect(decodeUrl('?conv=column&focus=b:0,2').state.focus).toBeNull();
  });
});

describe('decodeUrl: bad parameters become notices naming them', () => {
  it('clamps out-of-range sizes and says so', () => {
    const { state, notices } = decodeUrl('?B=40&N=0&T=-3');
    expect(state.sizes).toEqual({ B: SIZE_MAX, N: SIZE_MIN, T: SIZE_MIN });
    expect(params(notices)).toEqual(['B', 'N', 'T']);
    expect(notices[0].message).toEqual({ key: 'notice.size.clamped', params: { name: { code: 'B' }, raw: { code: '40' }, min: SIZE_MIN, max: SIZE_MAX, value: 12 } });
    expect(notices[1].message).toEqual({ key: 'notice.size.clamped', params: { name: { code: 'N' }, raw: { code: '0' }, min: SIZE_MIN, max: SIZE_MAX, value: 1 } });
    expect(words(notices[0])).toMatch(/B=40.*clamped to 12/);
    expect(words(notices[1])).toMatch(/clamped to 1/);
  });

  it('rounds a fractional size with a notice, and falls back for a non-number', () => {
    const { state, notices } = decodeUrl('?B=2.6&N=three');
    expect(state.sizes.B).toBe(3);
    expect(state.sizes.N).toBe(DEFAULTS.N);
    expect(params(notices)).toEqual(['B', 'N']);
    expect(notices[0].message).toEqual({ key: 'notice.size.clamped', params: { name: { code: 'B' }, raw: { code: '2.6' }, min: SIZE_MIN, max: SIZE_MAX, value: 3 } });
    expect(notices[1].message).toEqual({ key: 'notice.size.notNumber', params: { name: { code: 'N' }, raw: { code: 'three' }, fallback: DEFAULTS.N } });
    expect(words(notices[1])).toContain('three');
  });

  it('falls back to the default convention and loss', () => {
    const { state, notices } = decodeUrl('?conv=foo&loss=hinge');
    expect(state.convention).toBe('row');
    expect(state.loss).toBe('mse');
    expect(notices).toEqual([
      { param: 'conv', message: { key: 'notice.choice', params: { name: { code: 'conv' }, raw: { code: 'foo' }, options: { code: 'row, torch, column' }, fallback: { code: 'row' } } } },
      { param: 'loss', message: { key: 'notice.choice', params: { name: { code: 'loss' }, raw: { code: 'hinge' }, options: { code: 'mse, softmax-ce, sum, upstream' }, fallback: { code: 'mse' } } } },
    ]);
    expect(words(notices[0])).toContain('foo');
    expect(words(notices[1])).toContain('hinge');
  });

  it('refuses a seed that is not a whole number', () => {
    for (const seed of ['1.5', 'abc', '1e40', '']) {
      const { state, notices } = decodeUrl(`?seed=${seed}`);
      expect(state.seed).toBe(DEFAULTS.seed);
      expect(notices, seed).toEqual([{ param: 'seed', message: { key: 'notice.seed', params: { raw: { code: seed }, fallback: DEFAULTS.seed } } }]);
    }
  });

  it('ignores a matrix of the wrong shape, naming both shapes', () => {
    const { state, notices } = decodeUrl('?x=1,2;3,4');
    expect(state.explicit.x).toBeUndefined();
    expect(notices).toEqual([{ param: 'x', message: { key: 'notice.matrix.shape', params: { name: { code: 'x' }, rows: 2, cols: 2, er: 2, ec: 3, conv: { code: 'row' } } } }]);
    expect(words(notices[0])).toContain('[2×2]');
    expect(words(notices[0])).toContain('[2×3]');
  });

  it('ignores a matrix with a non-number, and says what is wrong', () => {
    const { state, notices } = decodeUrl('?W=1,2;3,x;5,6&b=1,NaN');
    expect(state.explicit.W).toBeUndefined();
    expect(state.explicit.b).toBeUndefined();
    expect(notices).toEqual([
      { param: 'W', message: { key: 'notice.matrix.malformed', params: { name: { code: 'W' }, problem: { key: 'problem.notNumber', params: { text: { code: 'x' }, row: 1 } } } } },
      { param: 'b', message: { key: 'notice.matrix.malformed', params: { name: { code: 'b' }, problem: { key: 'problem.notNumber', params: { text: { code: 'NaN' }, row: 0 } } } } },
    ]);
    expect(words(notices[0])).toMatch(/not a number/);
  });

  it('says rows of different lengths are ragged, not that they hold a non-number', () => {
    const { state, notices } = decodeUrl('?x=1,2;3');
    expect(state.explicit.x).toBeUndefined();
    expect(notices).toEqual([
      { param: 'x', message: { key: 'notice.matrix.malformed', params: { name: { code: 'x' }, problem: { key: 'problem.ragged', params: { first: 2, row: 1, n: 1 } } } } },
    ]);
    expect(words(notices[0])).not.toMatch(/not a number/);
    expect(words(notices[0])).toMatch(/row/);
  });

  it('ignores an empty matrix', () => {
    const { state, notices } = decodeUrl('?x=');
    expect(state.explicit.x).toBeUndefined();
    expect(notices).toEqual([{ param: 'x', message: { key: 'notice.matrix.malformed', params: { name: { code: 'x' }, problem: { key: 'problem.empty' } } } }]);
  });

  it('checks the shape in the selected convention', () => {
    // [B×N] = [2×3] in row is the wrong shape in column, which needs [N×B] = [3×2].
    const { notices } = decodeUrl('?conv=column&x=1,2,3;4,5,6');
    expect(notices).toEqual([{ param: 'x', message: { key: 'notice.matrix.shape', params: { name: { code: 'x' }, rows: 2, cols: 3, er: 3, ec: 2, conv: { code: 'column' } } } }]);
    expect(words(notices[0])).toContain('column');
  });

  it('refuses class targets out of range or fractional', () => {
    for (const t of ['0,2', '0,-1', '0,0.5']) {
      const { state, notices } = decodeUrl(`?loss=softmax-ce&target=${t}`);
      expect(state.explicit.target, t).toBeUndefined();
      expect(notices, t).toEqual([{ param: 'target', message: { key: 'notice.target.classes', params: { last: 1 } } }]);
    }
    // Two rows is not a list of classes at all.
    const { state, notices } = decodeUrl('?loss=softmax-ce&target=0;1');
    expect(state.explicit.target).toBeUndefined();
    expect(notices).toEqual([{ param: 'target', message: { key: 'notice.matrix.shape', params: { name: { code: 'target' }, rows: 2, cols: 1, er: 1, ec: 2, conv: { code: 'row' } } } }]);
  });

  it('refuses a focus outside the lesson or malformed', () => {
    for (const f of ['dW:3,0', 'dW:0,2', 'Q:0,0', 'dW', 'dW:-1,0', 'dW:0', 'x:1,2,3']) {
      const { state, notices } = decodeUrl(`?focus=${encodeURIComponent(f)}`);
      expect(state.focus, f).toBeNull();
      expect(notices, f).toEqual([{ param: 'focus', message: { key: 'notice.focus', params: { raw: { code: f } } } }]);
      expect(words(notices[0])).toContain(f);
    }
  });

  it('refuses a focus on the target when the loss shows none', () => {
    for (const loss of ['sum', 'upstream']) {
      const { state, notices } = decodeUrl(`?loss=${loss}&focus=target:0,0`);
      expect(state.focus).toBeNull();
      expect(params(notices)).toEqual(['focus']);
    }
  });

  it('refuses a focus on z or dL/dz without an activation, and takes it with one', () => {
    for (const m of ['z', 'dZ']) {
      const { state, notices } = decodeUrl(`?focus=${m}:0,1`);
      expect(state.focus, m).toBeNull();
      expect(notices, m).toEqual([{ param: 'focus', message: { key: 'notice.focus', params: { raw: { code: `${m}:0,1` } } } }]);
      for (const act of ['relu', 'sigmoid', 'tanh']) {
        const ok = decodeUrl(`?act=${act}&focus=${m}:0,1`);
        expect(ok.notices, `${act} ${m}`).toEqual([]);
        expect(ok.state.focus, `${act} ${m}`).toEqual({ m, r: 0, c: 1 });
      }
      // The shape is checked too: z has y's shape.
      expect(params(decodeUrl(`?act=relu&focus=${m}:2,0`).notices), m).toEqual(['focus']);
    }
  });

  it('refuses a bad step', () => {
    const { state, notices } = decodeUrl('?step=-1');
    expect(state.step).toBeNull();
    expect(notices).toEqual([{ param: 'step', message: { key: 'notice.step', params: { raw: { code: '-1' } } } }]);
  });

  it('reports the example of the README: ?B=40&conv=foo&x=1,2;3', () => {
    const { state, notices } = decodeUrl('?B=40&conv=foo&x=1,2;3');
    expect(new Set(params(notices))).toEqual(new Set(['B', 'conv', 'x']));
    expect(state.sizes.B).toBe(12);
    expect(state.convention).toBe('row');
  });
});

describe('the activation in the link: act', () => {
  it('round-trips every activation, and leaves identity out', () => {
    for (const act of ACTIVATIONS) {
      const { state, notices } = decodeUrl(`?act=${act}`);
      expect(notices, act).toEqual([]);
      expect(state.activation, act).toBe(act);
      expect(encodeUrl(state), act).toBe(act === 'identity' ? '' : `act=${act}`);
      // Through a store too.
      const store = createAppStore(`?act=${act}&B=3`);
      expect(store.getState().config.activation, act).toBe(act);
      const q = encodeUrl(urlStateOf(store.getState(), store.select));
      expect(q, act).toBe(act === 'identity' ? 'B=3' : `B=3&act=${act}`);
      expect(createAppStore(`?${q}`).getState().config, act).toEqual(store.getState().config);
    }
  });

  it('falls back to identity for an unknown value, with a notice naming the parameter', () => {
    for (const raw of ['swish', 'ReLU', '', 'leaky-relu']) {
      const { state, notices } = decodeUrl(`?act=${raw}&focus=y:0,0`);
      expect(state.activation, raw).toBe('identity');
      expect(state.focus, raw).toEqual({ m: 'y', r: 0, c: 0 });
      expect(notices, raw).toEqual([
        { param: 'act', message: { key: 'notice.choice', params: { name: { code: 'act' }, raw: { code: raw }, options: { code: 'identity, relu, sigmoid, tanh' }, fallback: { code: 'identity' } } } },
      ]);
      expect(words(notices[0]), raw).toContain('act=');
    }
    const store = createAppStore('?act=swish');
    expect(store.getState().config.activation).toBe('identity');
    expect(params(store.getState().notices)).toEqual(['act']);
    expect(store.select.graph(store.getState()).forward).not.toContain('z');
  });
});

describe('the Jacobian dy/dz in the link: jac=z', () => {
  it('is taken only with an activation', () => {
    for (const act of ['relu', 'sigmoid', 'tanh']) {
      // The parameters are read in the table's order, whatever their order in the link.
      for (const q of [`?act=${act}&jac=z`, `?jac=z&act=${act}`]) {
        const { state, notices } = decodeUrl(q);
        expect(notices, q).toEqual([]);
        expect(state.jacobianKind, q).toBe('dY/dZ');
        expect(encodeUrl(state), q).toBe(`act=${act}&jac=z`);
        const store = createAppStore(q);
        expect(store.getState().jacobianKind, q).toBe('dY/dZ');
        expect(encodeUrl(urlStateOf(store.getState(), store.select)), q).toBe(`act=${act}&jac=z`);
      }
    }
    for (const q of ['?jac=z', '?act=identity&jac=z', '?act=swish&jac=z']) {
      const { state, notices } = decodeUrl(q);
      expect(state.jacobianKind, q).toBeNull();
      expect(notices.find((n) => n.param === 'jac'), q).toEqual({
        param: 'jac',
        message: { key: 'notice.choice', params: { name: { code: 'jac' }, raw: { code: 'z' }, options: { code: 'W, x, b' }, fallback: { code: 'W' } } },
      });
      expect(createAppStore(q).getState().jacobianKind, q).toBe('dY/dW');
    }
  });

  it('names dy/dz among the options once there is an activation', () => {
    const { notices } = decodeUrl('?act=tanh&jac=Q');
    expect(notices).toEqual([{ param: 'jac', message: { key: 'notice.choice', params: { name: { code: 'jac' }, raw: { code: 'Q' }, options: { code: 'W, x, b, z' }, fallback: { code: 'W' } } } }]);
  });
});

describe('the language in the link: lang', () => {
  it('reads en and the pseudo-locale en-XA, leaving en out', () => {
    for (const lang of LOCALES) {
      const { state, notices } = decodeUrl(`?lang=${lang}`);
      expect(notices, lang).toEqual([]);
      expect(state.locale, lang).toBe(lang);
      expect(encodeUrl(state), lang).toBe(lang === 'en' ? '' : `lang=${lang}`);
      const store = createAppStore(`?lang=${lang}`);
      expect(store.getState().locale, lang).toBe(lang);
      expect(encodeUrl(urlStateOf(store.getState(), store.select)), lang).toBe(lang === 'en' ? '' : `lang=${lang}`);
    }
    // The store's number formatter is the locale's.
    for (const lang of LOCALES) {
      const store = createAppStore(`?lang=${lang}`);
      const fmt = store.select.fmt(store.getState());
      for (const v of [-1.5, 1234567.25, 1e-7]) expect(fmt.text(v, 6), `${lang} ${v}`).toBe(numberFormat(lang).text(v, 6));
    }
  });

  it('falls back to en for an unknown language, with a notice naming the parameter', () => {
    for (const raw of ['fr', 'EN', 'en-xa', 'de-DE']) {
      const { state, notices } = decodeUrl(`?lang=${raw}`);
      expect(state.locale, raw).toBe('en');
      expect(notices, raw).toEqual([{ param: 'lang', message: { key: 'notice.choice', params: { name: { code: 'lang' }, raw: { code: raw }, options: { code: 'en, en-XA' }, fallback: { code: 'en' } } } }]);
      expect(words(notices[0]), raw).toContain('lang=');
    }
  });
});

describe('encodeUrl', () => {
  it('writes nothing for the default lesson', () => {
    expect(encodeUrl(decodeUrl('').state)).toBe('');
  });

  it('keeps , ; and : readable and escapes the rest', () => {
    const { state } = decodeUrl('?B=1&N=2&T=1&x=-1.5,2&focus=x:0,1&loss=softmax-ce&act=relu&lang=en-XA');
    expect(encodeUrl(state)).toBe('B=1&N=2&T=1&loss=softmax-ce&act=relu&x=-1.5,2&focus=x:0,1&lang=en-XA');
  });

  it('writes cells as matrix:row,col and reads them back', () => {
    expect(writeCell({ m: 'dW', r: 1, c: 0 })).toBe('dW:1,0');
    expect(parseCell('dW:1,0')).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(parseCell('dZ:0,1')).toEqual({ m: 'dZ', r: 0, c: 1 });
    expect(parseCell('dw:1,0')).toBeNull();
  });
});

// ---------- properties ----------

const KEYS = ['conv', 'B', 'N', 'T', 'seed', 'loss', 'act', 'x', 'W', 'b', 'target', 'dY', 'focus', 'step', 'grain', 'jac', 'lin', 'lang'];

/** Text that looks a little like what the codec reads, to get past its first checks. */
const nearValue = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('1', '2', '-', '.', 'e', ',', ';', ':', ' ', '\u2212', '+', 'x', 'N', '0') }),
  fc.constantFrom(
    'row',
    'torch',
    'column',
    'mse',
    'softmax-ce',
    'sum',
    'upstream',
    'identity',
    'relu',
    'sigmoid',
    'tanh',
    'W',
    'x',
    'b',
    'z',
    'col',
    'en',
    'en-XA',
    'NaN',
    'Infinity',
    '1e400',
    '-0',
    '12',
    '13',
    '0',
  ),
  fc.tuple(fc.constantFrom(...MATRIX_NAMES), fc.nat(20), fc.nat(20)).map(([m, r, c]) => `${m}:${r},${c}`),
);

const valid = (state: UrlState) => {
  const { sizes, convention, loss, activation } = state;
  for (const k of ['B', 'N', 'T'] as const) {
    expect(Number.isInteger(sizes[k])).toBe(true);
    expect(sizes[k]).toBeGreaterThanOrEqual(SIZE_MIN);
    expect(sizes[k]).toBeLessThanOrEqual(SIZE_MAX);
  }
  expect(CONVENTIONS).toContain(convention);
  expect(LOSS_KINDS).toContain(loss);
  expect(ACTIVATIONS).toContain(activation);
  expect(LOCALES).toContain(state.locale);
  expect(Number.isInteger(state.seed)).toBe(true);
  for (const [name, rows] of Object.entries(state.explicit)) {
    expect(EDITABLE_NAMES).toContain(name);
    const [r, c] = cellShape(name as 'x', convention, sizes, loss);
    expect(rows.length).toBe(r);
    for (const row of rows) {
      expect(row.length).toBe(c);
      for (const v of row) expect(Number.isFinite(v)).toBe(true);
    }
  }
  if (state.focus) {
    expect(shownMatrices(convention, sizes, loss, activation)).toContain(state.focus.m);
    const [r, c] = cellShape(state.focus.m, convention, sizes, loss);
    expect(state.focus.r).toBeLessThan(r);
    expect(state.focus.c).toBeLessThan(c);
  }
  if (state.jacobianKind === 'dY/dZ') expect(activation).not.toBe('identity');
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
      // Generating web URLs is most of this test's time; the known keys' values are fuzzed harder below.
      { numRuns: 150 },
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
        // Every notice names its parameter in the message too, as the learner reads it.
        for (const n of notices) expect(words(n)).toContain(n.param);
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
        const store = createAppStore(`?${q}`);
        const s = store.getState();
        const { outputs } = store.select.ctx(s);
        expect(outputs.y.rows * outputs.y.cols).toBe(s.config.B * s.config.T);
        expect(store.select.graph(s).forward.includes('z')).toBe(s.config.activation !== 'identity');
        expect(store.select.jacobianKinds(s)).toContain(s.jacobianKind);
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

/** Any frame a link can describe: sections in page order, at least one; origins distinct. */
const frameArb: fc.Arbitrary<Frame> = fc.record({
  embed: fc.boolean(),
  show: fc.subarray([...SECTIONS], { minLength: 1 }),
  lock: fc.boolean(),
  origins: fc.option(fc.uniqueArray(fc.constantFrom('https://lms.example.org', 'http://127.0.0.1:8080', 'https://a.b.example:8443'), { minLength: 1 }), { nil: null }),
});

const validLesson: fc.Arbitrary<UrlState> = fc
  .record({
    convention: fc.constantFrom<Convention>(...CONVENTIONS),
    loss: fc.constantFrom<LossKind>(...LOSS_KINDS),
    activation: fc.constantFrom<Activation>(...ACTIVATIONS),
    B: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    N: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    T: fc.integer({ min: SIZE_MIN, max: SIZE_MAX }),
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
    step: fc.option(fc.nat(1000), { nil: null }),
  })
  .chain(({ convention, loss, activation, B, N, T, seed, step }) => {
    const sizes = { B, N, T };
    const shape = (m: 'x' | 'W' | 'dY') => matrixShape(convention, sizes, m);
    const target = loss === 'softmax-ce' ? grid(1, B, fc.nat(T - 1)) : grid(...matrixShape(convention, sizes, 'y'));
    const focus = fc.option(
      fc.constantFrom(...shownMatrices(convention, sizes, loss, activation)).chain((m) => {
        const [r, c] = cellShape(m, convention, sizes, loss);
        return fc.record({ m: fc.constant(m), r: fc.nat(r - 1), c: fc.nat(c - 1) });
      }),
      { nil: null },
    );
    // The codec leaves out the defaults (dY/dW, row-major, en), which therefore read back as null (en as itself).
    const kinds: (JacobianKind | null)[] = activation === 'identity' ? [null, 'dY/dX', 'dY/db'] : [null, 'dY/dX', 'dY/db', 'dY/dZ'];
    return fc.record({
      convention: fc.constant(convention),
      sizes: fc.constant(sizes),
      loss: fc.constant(loss),
      activation: fc.constant(activation),
      seed: fc.constant(seed),
      step: fc.constant(step),
      granularity: fc.option(fc.constantFrom<Granularity>('fine', 'coarse'), { nil: null }),
      jacobianKind: fc.constantFrom(...kinds),
      linearisation: fc.constantFrom<Linearisation | null>(null, 'column-major'),
      locale: fc.constantFrom<Locale>(...LOCALES),
      frame: frameArb,
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
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toContain('grain=fine');
    const again = createAppStore(`?${q}`);
    expect(again.select.granularity(again.getState())).toBe('fine');
    expect(again.getState().step).toBe(20);
    expect(again.select.script(again.getState()).steps[20].id).toBe(store.select.script(store.getState()).steps[20].id);
  });

  it('keeps a chosen grain in the link when the lesson is complete, so the player counts the same steps', () => {
    const store = createAppStore('?B=1');
    expect(store.select.granularity(store.getState())).toBe('fine');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toBe('B=1');
    store.getState().setGranularity('coarse');
    store.getState().toEnd();
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toBe('B=1&grain=coarse');
    const again = createAppStore(`?${q}`);
    expect(again.select.granularity(again.getState())).toBe('coarse');
    expect(again.select.script(again.getState()).steps.length).toBe(store.select.script(store.getState()).steps.length);
    expect(again.getState().step).toBe(store.getState().step);
  });

  it('restores the Jacobian and its linearisation, and names bad values', () => {
    const store = createAppStore('?jac=x&lin=col');
    const s = store.getState();
    expect(s.jacobianKind).toBe('dY/dX');
    expect(s.linearisation).toBe('column-major');
    expect(encodeUrl(urlStateOf(s, store.select))).toBe('jac=x&lin=col');
    const { notices } = decodeUrl('?jac=Q&lin=diag&grain=medium');
    expect(notices).toEqual([
      { param: 'grain', message: { key: 'notice.choice.auto', params: { name: { code: 'grain' }, raw: { code: 'medium' }, options: { code: 'fine, coarse' } } } },
      { param: 'jac', message: { key: 'notice.choice', params: { name: { code: 'jac' }, raw: { code: 'Q' }, options: { code: 'W, x, b' }, fallback: { code: 'W' } } } },
      { param: 'lin', message: { key: 'notice.choice', params: { name: { code: 'lin' }, raw: { code: 'diag' }, options: { code: 'row, col' }, fallback: { code: 'row' } } } },
    ]);
  });
});

describe('update= in the link: a learning rate, and the update as the lesson’s last phase', () => {
  it('reads a learning rate, names W⁺ and b⁺ as focusable cells, and writes it back', () => {
    const { state, notices } = decodeUrl('?conv=torch&update=0.05&focus=Wn:1,2');
    expect(notices).toEqual([]);
    expect(state.lr).toBe(0.05);
    // W⁺ is laid out as W: [T, N] = [2, 3] in torch.
    expect(state.focus).toEqual({ m: 'Wn', r: 1, c: 2 });
    expect(encodeUrl(state)).toBe('conv=torch&update=0.05&focus=Wn:1,2');
    const store = createAppStore('?conv=torch&update=0.05&focus=Wn:1,2');
    const s = store.getState();
    expect(s.config.lr).toBe(0.05);
    expect(store.select.graph(s).update).toEqual(['Wn', 'bn']);
    expect(store.select.derivation(s)?.deps).toEqual([{ m: 'W', r: 1, c: 2 }, { m: 'dW', r: 1, c: 2 }]);
    expect(encodeUrl(urlStateOf(s, store.select))).toBe('conv=torch&update=0.05&focus=Wn:1,2');
  });

  it('refuses what is not a learning rate above 0, with a notice naming it, and the lesson has no update', () => {
    for (const raw of ['0', '-0.1', 'fast', '']) {
      const { state, notices } = decodeUrl(`?update=${raw}&focus=Wn:0,0`);
      expect(state.lr ?? null).toBeNull();
      expect(notices.map((n) => n.param)).toEqual(['update', 'focus']);
      expect(notices[0].message.key).toBe('notice.update');
    }
    const store = createAppStore('?focus=Wn:0,0');
    expect(store.select.graph(store.getState()).update).toEqual([]);
    expect(store.getState().focus).toBeNull();
    expect(shownMatrices('row', { B: 2, N: 3, T: 2 }, 'mse', 'identity')).not.toContain('Wn');
    expect(shownMatrices('row', { B: 2, N: 3, T: 2 }, 'mse', 'identity', 0.1).slice(-2)).toEqual(['Wn', 'bn']);
  });
});
