// The app store through its vanilla API: edits, dependents, conventions, sizes, activations, focus, the URL,
// the memoised selectors, and two stores on one page sharing nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  LOSS_KINDS,
  activate,
  activationBackward,
  computeLesson,
  derive,
  forward,
  makeLesson,
  transpose,
  type Activation,
  type CellRef,
  type Convention,
  type Matrix,
  type MatrixName,
} from '../../src/core/index.ts';
import { createAppStore, urlStateOf, type AppState, type AppStore } from '../../src/store/store.ts';
import { encodeUrl } from '../../src/store/url.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const at = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c];
const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
/** A matrix in the row layout, whatever the convention's layout is. */
const logical = (conv: Convention, m: Matrix, transposedIn: (c: Convention) => boolean) => rows(transposedIn(conv) ? transpose(m) : m);
/** x, y, z and their gradients are transposed in the column convention only; W in torch and column. */
const xT = (c: Convention) => c === 'column';
const wT = (c: Convention) => c !== 'row';

const english = createI18n('en', EN);

/** The lesson computed from the store's sources. */
const ctxOf = (store: AppStore) => store.select.ctx(store.getState());
const outputsOf = (store: AppStore) => ctxOf(store).outputs;
const derivationOf = (store: AppStore) => store.select.derivation(store.getState());

/** Everything the screen shows, for comparing two stores. */
const screen = (store: AppStore) => {
  const s = store.getState();
  const o = store.select.ctx(s).outputs;
  const d = store.select.derivation(s);
  return {
    config: s.config,
    seed: s.seed,
    x: rows(s.inputs.x),
    W: rows(s.inputs.W),
    b: Array.from(s.inputs.b),
    target: s.config.loss === 'softmax-ce' ? s.inputs.targetClasses : rows(s.inputs.targetMatrix),
    z: rows(o.z),
    y: rows(o.y),
    L: o.L,
    dY: rows(o.dY),
    dZ: rows(o.dZ),
    dW: rows(o.dW),
    db: Array.from(o.db),
    dX: rows(o.dX),
    focus: s.focus,
    derivation: d && { cell: d.cell, value: d.value, lhs: d.lhs, terms: d.terms.map((t) => t.tex) },
  };
};

/** The outputs core computes for the store's own inputs. */
const expectConsistent = (store: AppStore) => {
  const s = store.getState();
  const o = outputsOf(store);
  const out = computeLesson(s.config.convention, s.config.loss, s.inputs, s.config.activation);
  expect(rows(o.z)).toEqual(rows(out.z));
  expect(rows(o.y)).toEqual(rows(out.y));
  expect(rows(o.dY)).toEqual(rows(out.dY));
  expect(rows(o.dZ)).toEqual(rows(out.dZ));
  expect(rows(o.dW)).toEqual(rows(out.dW));
  expect(rows(o.dX)).toEqual(rows(out.dX));
  expect(Array.from(o.db)).toEqual(Array.from(out.db));
  if (s.config.loss !== 'upstream') expect(o.L).toBe(out.L);
};

describe('the default store', () => {
  it('holds the seed-7 lesson of README and core', () => {
    const store = createAppStore('');
    const s = store.getState();
    expect(s.config).toEqual({ convention: 'row', loss: 'mse', activation: 'identity', B: 2, N: 3, T: 2 });
    expect(s.seed).toBe(7);
    expect(s.locale).toBe('en');
    const inputs = makeLesson(s.config, 7);
    expect(rows(s.inputs.x)).toEqual(rows(inputs.x));
    expect(rows(s.inputs.W)).toEqual(rows(inputs.W));
    expect(s.notices).toEqual([]);
    expect(s.focus).toBeNull();
    expect(store.select.derivation(s)).toBeNull();
    expect(Array.from(store.select.finalValues(s, 'L'))).toEqual([outputsOf(store).L]);
    expect(Array.from(store.select.values(s, 'L'))).toEqual([outputsOf(store).L]);
  });

  it('keeps URL notices, and dismisses them one by one', () => {
    const store = createAppStore('?B=40&conv=foo');
    expect(store.getState().notices.map((n) => n.param)).toEqual(['conv', 'B']);
    store.getState().dismissNotice('B');
    expect(store.getState().notices.map((n) => n.param)).toEqual(['conv']);
  });

  it('explains the URL focus', () => {
    const store = createAppStore('?focus=dW:1,0');
    const s = store.getState();
    expect(s.focus).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(derivationOf(store)?.cell).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(derivationOf(store)?.value).toBe(at(outputsOf(store).dW, 1, 0));
  });
});

describe('editCell', () => {
  it('takes a finite number and updates every dependent', () => {
    const store = createAppStore('?focus=y:0,1');
    const before = store.getState();
    const beforeOut = store.select.ctx(before).outputs;
    expect(store.getState().editCell({ m: 'x', r: 0, c: 1 }, ' \u22122.5 ')).toEqual({ ok: true });
    const s = store.getState();
    const o = outputsOf(store);
    expect(at(s.inputs.x, 0, 1)).toBe(-2.5);
    expect(s.edited.x).toBe(true);
    expect(at(before.inputs.x, 0, 1)).not.toBe(-2.5); // the old inputs were not mutated
    expect(at(o.y, 0, 1)).not.toBe(at(beforeOut.y, 0, 1));
    expect(o.L).not.toBe(beforeOut.L);
    expectConsistent(store);
    // The explained cell follows the new values.
    expect(derivationOf(store)?.value).toBe(at(o.y, 0, 1));
  });

  it('edits W, b, the mse target, class targets and the upstream gradient', () => {
    const store = createAppStore('');
    expect(store.getState().editCell({ m: 'W', r: 2, c: 1 }, '0.5').ok).toBe(true);
    expect(store.getState().editCell({ m: 'b', r: 0, c: 1 }, '1e-1').ok).toBe(true);
    expect(store.getState().editCell({ m: 'target', r: 1, c: 0 }, '-3').ok).toBe(true);
    const s = store.getState();
    expect(at(s.inputs.W, 2, 1)).toBe(0.5);
    expect(s.inputs.b[1]).toBe(0.1);
    expect(at(s.inputs.targetMatrix, 1, 0)).toBe(-3);
    expect(s.edited).toMatchObject({ W: true, b: true, target: true, x: false });
    expectConsistent(store);
    // In the column convention b is a column: b[2] is the cell 2,0.
    const col = createAppStore('?conv=column&T=3');
    expect(col.getState().editCell({ m: 'b', r: 2, c: 0 }, '4').ok).toBe(true);
    expect(col.getState().inputs.b[2]).toBe(4);
    expect(col.getState().editCell({ m: 'b', r: 0, c: 2 }, '4').ok).toBe(false);
    expectConsistent(col);


    const ce = createAppStore('?loss=softmax-ce&T=3');
    expect(ce.getState().editCell({ m: 'target', r: 0, c: 1 }, '2').ok).toBe(true);
    expect(ce.getState().inputs.targetClasses[1]).toBe(2);
    expectConsistent(ce);

    const up = createAppStore('?loss=upstream');
    expect(up.getState().editCell({ m: 'dY', r: 1, c: 1 }, '4').ok).toBe(true);
    expect(at(outputsOf(up).dY, 1, 1)).toBe(4);
    expectConsistent(up);
  });

  it('edits inputs under every activation, the activation following the new values', () => {
    for (const act of ACTIVATIONS) {
      const store = createAppStore(`?act=${act}&loss=upstream&focus=dZ:1,1`);
      expect(store.getState().editCell({ m: 'x', r: 1, c: 2 }, '1.5').ok, act).toBe(true);
      expect(store.getState().editCell({ m: 'dY', r: 1, c: 1 }, '-2').ok, act).toBe(true);
      expectConsistent(store);
      const o = outputsOf(store);
      expect(at(o.dY, 1, 1)).toBe(-2);
      if (act !== 'identity') expect(derivationOf(store)?.value, act).toBe(at(o.dZ, 1, 1));
      else expect(store.getState().focus, act).toBeNull(); // no dL/dz without an activation
    }
  });

  it('refuses text that is not a finite number, keeping the old state', () => {
    const store = createAppStore('');
    const before = store.getState();
    for (const text of ['', '  ', 'abc', '1/2', '1,5', 'Infinity', '1e999', 'NaN', '--1', '0x10', '1e']) {
      const r = store.getState().editCell({ m: 'x', r: 0, c: 0 }, text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.message, text).toEqual(text.trim() === '' ? { key: 'edit.empty' } : { key: 'edit.notNumber', params: { text: text.trim() } });
        expect(english.msg(r.message).length, text).toBeGreaterThan(10);
      }
    }
    expect(store.getState()).toBe(before);
  });

  it('names the refused text in its message', () => {
    const r = createAppStore('').getState().editCell({ m: 'W', r: 0, c: 0 }, 'abc');
    expect(r).toEqual({ ok: false, message: { key: 'edit.notNumber', params: { text: 'abc' } } });
    if (!r.ok) expect(english.msg(r.message)).toContain('abc');
  });

  it('refuses computed cells and cells outside the matrix, naming the cell', () => {
    const check = (store: AppStore, cell: CellRef, key: 'edit.computed' | 'edit.outside') => {
      const before = store.getState();
      const r = store.getState().editCell(cell, '1');
      const layout = store.select.graph(before).rule(cell.m)?.layout ?? 'y';
      expect(r, `${cell.m} ${key}`).toEqual({ ok: false, message: { key, params: { cell: { cell, layout } } } });
      expect(store.getState()).toBe(before);
    };
    const store = createAppStore('');
    for (const m of ['y', 'dW', 'db', 'dX', 'L', 'dY'] as const) check(store, { m, r: 0, c: 0 }, 'edit.computed'); // dY is the loss's unless it is 'upstream'
    check(store, { m: 'x', r: 5, c: 0 }, 'edit.outside');
    check(store, { m: 'b', r: 0, c: 2 }, 'edit.outside');
    check(createAppStore('?loss=sum'), { m: 'target', r: 0, c: 0 }, 'edit.computed');
    // A class target is named by its sample, as its grid names it, not as a y-shaped cell.
    const ce = createAppStore('?loss=softmax-ce');
    check(ce, { m: 'target', r: 0, c: 2 }, 'edit.outside');
    const refused = ce.getState().editCell({ m: 'target', r: 0, c: 2 }, '1');
    expect(refused.ok ? '' : english.msg(refused.message)).toContain('target class[2]');
    check(ce, { m: 'L', r: 0, c: 0 }, 'edit.computed');
    const L = ce.getState().editCell({ m: 'L', r: 0, c: 0 }, '1');
    expect(L.ok ? '' : english.msg(L.message)).toContain('L[0]');
    // z and dL/dz are computed through the activation.
    const relu = createAppStore('?act=relu&loss=upstream');
    for (const m of ['z', 'y', 'dZ'] as const) check(relu, { m, r: 0, c: 0 }, 'edit.computed');
    expect(relu.getState().editCell({ m: 'dY', r: 0, c: 0 }, '1').ok).toBe(true);
  });

  it('refuses a class index that is fractional or out of range', () => {
    const store = createAppStore('?loss=softmax-ce&T=3');
    for (const t of ['3', '-1', '1.5']) {
      const r = store.getState().editCell({ m: 'target', r: 0, c: 0 }, t);
      expect(r, t).toEqual({ ok: false, message: { key: 'edit.classIndex', params: { last: 2 } } });
      if (!r.ok) expect(english.msg(r.message)).toContain('0 to 2');
    }
  });

  it('refuses a value that would overflow the layer, without throwing', () => {
    const store = createAppStore('');
    // Large but finite everywhere: y, L and every gradient stay below float64's limit.
    expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e100').ok).toBe(true);
    const before = store.getState();
    let r: ReturnType<AppState['editCell']> | undefined;
    expect(() => (r = store.getState().editCell({ m: 'W', r: 0, c: 0 }, '1e300'))).not.toThrow();
    expect(r).toEqual({ ok: false, message: { key: 'edit.overflow', params: { text: '1e300', problem: expect.objectContaining({ key: 'error.overflow' }) } } });
    expect(store.getState().inputs).toBe(before.inputs);
    // A value that makes only the loss and its gradient overflow is refused too, not shown as Infinity.
    const r2 = store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e200');
    expect(r2).toEqual({ ok: false, message: { key: 'edit.overflow', params: { text: '1e200', problem: { key: 'error.lossOverflow', params: { loss: { code: 'mse' } } } } } });
    expect(store.getState().inputs).toBe(before.inputs);
    expect(Array.from(outputsOf(store).dW.data).every(Number.isFinite)).toBe(true);
  });
});

describe('setConvention', () => {
  it('keeps every logical value and moves the focus to the same logical cell', () => {
    for (const act of ['identity', 'tanh'] as const) {
      const store = createAppStore(`?B=2&N=3&T=4&focus=W:2,1&act=${act}`);
      store.getState().editCell({ m: 'x', r: 1, c: 2 }, '9');
      const row = store.getState();
      const rowOut = store.select.ctx(row).outputs;
      const rowValue = store.select.derivation(row)?.value;
      for (const [conv, wFocus] of [
        ['torch', { m: 'W', r: 1, c: 2 }],
        ['column', { m: 'W', r: 1, c: 2 }],
        ['row', { m: 'W', r: 2, c: 1 }],
      ] as const) {
        store.getState().setConvention(conv);
        const s = store.getState();
        const o = outputsOf(store);
        const what = `${act} ${conv}`;
        expect(s.config.convention, what).toBe(conv);
        expect(s.config.activation, what).toBe(act);
        expect(logical(conv, s.inputs.x, xT), what).toEqual(rows(row.inputs.x));
        expect(logical(conv, s.inputs.W, wT), what).toEqual(rows(row.inputs.W));
        expect(logical(conv, o.z, xT), what).toEqual(rows(rowOut.z));
        expect(logical(conv, o.y, xT), what).toEqual(rows(rowOut.y));
        expect(logical(conv, o.dZ, xT), what).toEqual(rows(rowOut.dZ));
        expect(logical(conv, o.dW, wT), what).toEqual(rows(rowOut.dW));
        expect(logical(conv, o.dX, xT), what).toEqual(rows(rowOut.dX));
        expect(o.L, what).toBe(rowOut.L);
        expect(s.edited.x, what).toBe(true);
        expect(s.focus, what).toEqual(wFocus);
        expect(derivationOf(store)?.value, what).toBe(rowValue);
        expectConsistent(store);
      }
    }
  });

  it('moves focus on x, y, z, b and their gradients only across the column convention; L stays', () => {
    const cases: [string, string, CellRef, Convention, CellRef][] = [
      ['x', '', { m: 'x', r: 1, c: 2 }, 'torch', { m: 'x', r: 1, c: 2 }],
      ['x', '', { m: 'x', r: 1, c: 2 }, 'column', { m: 'x', r: 2, c: 1 }],
      ['dY', '', { m: 'dY', r: 1, c: 0 }, 'column', { m: 'dY', r: 0, c: 1 }],
      ['target', '', { m: 'target', r: 1, c: 0 }, 'column', { m: 'target', r: 0, c: 1 }],
      // b is a row [1×T], and the column [T×1] that Y = WX + b1ᵀ adds in the column convention.
      ['b', '', { m: 'b', r: 0, c: 1 }, 'column', { m: 'b', r: 1, c: 0 }],
      ['db', 'conv=column', { m: 'db', r: 1, c: 0 }, 'row', { m: 'db', r: 0, c: 1 }],
      ['db', '', { m: 'db', r: 0, c: 1 }, 'torch', { m: 'db', r: 0, c: 1 }],
      ['L', '', { m: 'L', r: 0, c: 0 }, 'column', { m: 'L', r: 0, c: 0 }],
      ['z', 'act=relu', { m: 'z', r: 1, c: 0 }, 'column', { m: 'z', r: 0, c: 1 }],
      ['z', 'act=relu', { m: 'z', r: 1, c: 0 }, 'torch', { m: 'z', r: 1, c: 0 }],
      ['dZ', 'act=sigmoid', { m: 'dZ', r: 1, c: 0 }, 'column', { m: 'dZ', r: 0, c: 1 }],
      ['y', 'act=tanh', { m: 'y', r: 1, c: 0 }, 'column', { m: 'y', r: 0, c: 1 }],
    ];
    for (const [what, q, from, conv, to] of cases) {
      const store = createAppStore(`?${q}`);
      store.getState().setFocus(from);
      expect(store.getState().focus, what).toEqual(from);
      const v = derivationOf(store)?.value;
      expect(v, what).not.toBeUndefined();
      store.getState().setConvention(conv);
      expect(store.getState().focus, what).toEqual(to);
      expect(derivationOf(store)?.value, what).toBe(v);
    }
  });

  it('keeps class targets as they are', () => {
    const store = createAppStore('?loss=softmax-ce&B=3&focus=target:0,2');
    const before = store.getState();
    const L = outputsOf(store).L;
    store.getState().setConvention('column');
    expect(store.getState().inputs.targetClasses).toEqual(before.inputs.targetClasses);
    expect(store.getState().focus).toEqual({ m: 'target', r: 0, c: 2 });
    expect(outputsOf(store).L).toBeCloseTo(L, 12);
  });

  it('does nothing for the current convention', () => {
    const store = createAppStore('');
    const before = store.getState();
    store.getState().setConvention('row');
    expect(store.getState()).toBe(before);
  });
});

describe('setSize', () => {
  it('keeps edited values where their index still exists, and the seed elsewhere', () => {
    const store = createAppStore('');
    store.getState().editCell({ m: 'x', r: 0, c: 0 }, '5');
    store.getState().editCell({ m: 'b', r: 0, c: 1 }, '-4');
    store.getState().setSize('N', 5);
    let s = store.getState();
    expect(s.config.N).toBe(5);
    expect([s.inputs.x.rows, s.inputs.x.cols]).toEqual([2, 5]);
    expect(at(s.inputs.x, 0, 0)).toBe(5);
    const seed = makeLesson(s.config, 7);
    expect(at(s.inputs.x, 1, 4)).toBe(at(seed.x, 1, 4));
    // W's three old rows stay, typed or not (see resize.test.ts); its new rows are the seed's.
    expect(rows(s.inputs.W).slice(0, 3)).toEqual(rows(makeLesson({ ...s.config, N: 3 }, 7).W));
    expect(rows(s.inputs.W).slice(3)).toEqual(rows(seed.W).slice(3));
    store.getState().setSize('T', 3);
    s = store.getState();
    expect(s.inputs.b[1]).toBe(-4);
    expect(s.inputs.b.length).toBe(3);
    expectConsistent(store);
  });

  it('clamps to 1–12 and ignores what is not a number', () => {
    const store = createAppStore('?act=sigmoid');
    store.getState().setSize('B', 40);
    expect(store.getState().config.B).toBe(12);
    store.getState().setSize('B', 0);
    expect(store.getState().config.B).toBe(1);
    store.getState().setSize('B', Number.NaN);
    expect(store.getState().config.B).toBe(1);
    expect(store.getState().config.activation).toBe('sigmoid');
    expectConsistent(store);
  });

  it('drops a focus that no longer exists and keeps one that does', () => {
    const store = createAppStore('?focus=x:1,2');
    store.getState().setSize('N', 4);
    expect(store.getState().focus).toEqual({ m: 'x', r: 1, c: 2 });
    store.getState().setSize('N', 2);
    expect(store.getState().focus).toBeNull();
    expect(derivationOf(store)).toBeNull();
    // The same for z.
    const relu = createAppStore('?act=relu&T=3&focus=z:1,2');
    expect(relu.getState().focus).toEqual({ m: 'z', r: 1, c: 2 });
    relu.getState().setSize('T', 2);
    expect(relu.getState().focus).toBeNull();
  });

  it('keeps a class target only while it names an existing class', () => {
    const store = createAppStore('?loss=softmax-ce&T=4&B=2&target=3,1');
    store.getState().setSize('T', 2);
    const s = store.getState();
    expect(s.inputs.targetClasses[1]).toBe(1);
    expect(s.inputs.targetClasses[0]).toBeLessThan(2);
    expectConsistent(store);
  });
});

describe('setLoss and setSeed', () => {
  it('recomputes dL/dy for each loss, under every activation', () => {
    for (const act of ACTIVATIONS) {
      const store = createAppStore(`?act=${act}`);
      for (const l of LOSS_KINDS) {
        store.getState().setLoss(l);
        expect(store.getState().config.loss, `${act} ${l}`).toBe(l);
        expect(store.getState().config.activation, `${act} ${l}`).toBe(act);
        expectConsistent(store);
      }
      expect(Number.isNaN(outputsOf(store).L), act).toBe(true); // 'upstream' has no loss value
    }
  });

  it('drops the focus on the target when the new loss shows no target', () => {
    const store = createAppStore('?focus=target:0,1');
    store.getState().setLoss('sum');
    expect(store.getState().focus).toBeNull();
    expect(derivationOf(store)).toBeNull();
  });

  it('a new seed gives new values and forgets edits', () => {
    const store = createAppStore('?act=tanh');
    store.getState().editCell({ m: 'x', r: 0, c: 0 }, '5');
    store.getState().setSeed(8);
    const s = store.getState();
    expect(s.seed).toBe(8);
    expect(s.edited.x).toBe(false);
    expect(rows(s.inputs.x)).toEqual(rows(makeLesson(s.config, 8).x));
    expectConsistent(store);
  });
});

describe('setActivation', () => {
  it('recomputes the values through the activation, in every convention', () => {
    for (const conv of CONVENTIONS) {
      const store = createAppStore(`?conv=${conv}&B=3&N=2&T=4`);
      const x = store.getState().inputs.x;
      for (const act of [...ACTIVATIONS.slice(1), 'identity'] as Activation[]) {
        store.getState().setActivation(act);
        const s = store.getState();
        const o = outputsOf(store);
        const what = `${conv} ${act}`;
        expect(s.config.activation, what).toBe(act);
        expect(s.inputs.x, what).toBe(x); // the inputs stay
        expect(rows(o.z), what).toEqual(rows(forward(conv, s.inputs.x, s.inputs.W, s.inputs.b)));
        expect(rows(o.y), what).toEqual(rows(act === 'identity' ? o.z : activate(act, o.z)));
        expect(rows(o.dZ), what).toEqual(rows(act === 'identity' ? o.dY : activationBackward(act, o.z, o.dY)));
        expectConsistent(store);
      }
    }
    // The activation changes the numbers: relu, sigmoid and tanh each give another y than the dense product.
    const store = createAppStore('');
    const z = rows(outputsOf(store).z);
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      store.getState().setActivation(act);
      expect(rows(outputsOf(store).y), act).not.toEqual(z);
    }
  });

  it('shows z and dL/dz in the graph only with an activation', () => {
    const store = createAppStore('');
    const nodes = () => store.select.graph(store.getState());
    expect(nodes().forward).not.toContain('z');
    expect(nodes().backward).not.toContain('dZ');
    expect(nodes().rule('z')).toBeNull();
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      store.getState().setActivation(act);
      const g = nodes();
      expect(g.forward.slice(0, 5), act).toEqual(['x', 'W', 'b', 'z', 'y']);
      expect(g.backward.slice(0, 2), act).toEqual(['dY', 'dZ']);
      expect(g.rule('z')?.role, act).toBe('computed');
      expect(g.rule('dZ')?.role, act).toBe('computed');
      // Their grids show the lesson's values.
      const s = store.getState();
      expect(Array.from(store.select.values(s, 'z')), act).toEqual(Array.from(outputsOf(store).z.data));
      expect(Array.from(store.select.values(s, 'dZ')), act).toEqual(Array.from(outputsOf(store).dZ.data));
      // And the player computes them.
      expect(store.select.script(s).nodes, act).toEqual(expect.arrayContaining(['z', 'y', 'dY', 'dZ']));
    }
    store.getState().setActivation('identity');
    expect(nodes().forward).not.toContain('z');
    expect(nodes().backward).not.toContain('dZ');
    expect(store.select.script(store.getState()).nodes).not.toContain('z');
  });

  it('explains z and dL/dz cells with the lesson’s values', () => {
    const store = createAppStore('?act=sigmoid&focus=dZ:1,0');
    const o = outputsOf(store);
    expect(derivationOf(store)?.value).toBe(at(o.dZ, 1, 0));
    store.getState().setHover({ m: 'z', r: 0, c: 1 });
    expect(derivationOf(store)?.cell).toEqual({ m: 'z', r: 0, c: 1 });
    expect(derivationOf(store)?.value).toBe(at(o.z, 0, 1));
  });

  it('moves a focus or hover on z to y (the dense product) and drops one on dL/dz when the activation goes back to identity, and keeps the others', () => {
    // z does the dense product's job, which y does without an activation: the same cell, the same explanation.
    {
      const store = createAppStore('?act=tanh&focus=z:1,1');
      store.getState().setHover({ m: 'z', r: 0, c: 1 });
      store.getState().setActivation('identity');
      expect(store.getState().focus).toEqual({ m: 'y', r: 1, c: 1 });
      expect(store.getState().hover).toEqual({ m: 'y', r: 0, c: 1 });
      store.getState().setActivation('sigmoid');
      expect(store.getState().focus).toEqual({ m: 'z', r: 1, c: 1 });
    }
    for (const m of ['dZ'] as const) {
      const store = createAppStore(`?act=tanh&focus=${m}:1,1`);
      expect(store.getState().focus).toEqual({ m, r: 1, c: 1 });
      store.getState().setHover({ m, r: 0, c: 1 });
      store.getState().setActivation('relu'); // another activation keeps them
      expect(store.getState().focus, m).toEqual({ m, r: 1, c: 1 });
      expect(store.getState().hover, m).toEqual({ m, r: 0, c: 1 });
      store.getState().setActivation('identity');
      expect(store.getState().focus, m).toBeNull();
      expect(store.getState().hover, m).toBeNull();
      expect(derivationOf(store), m).toBeNull();
      // And they cannot be chosen again.
      store.getState().setFocus({ m, r: 0, c: 0 });
      expect(store.getState().focus, m).toBeNull();
    }
    const store = createAppStore('?act=tanh&focus=y:1,1');
    store.getState().setActivation('identity');
    expect(store.getState().focus).toEqual({ m: 'y', r: 1, c: 1 });
    expect(derivationOf(store)?.value).toBe(at(outputsOf(store).y, 1, 1));
  });

  it('falls back from the Jacobian dy/dz to dy/dW when the activation is removed', () => {
    const store = createAppStore('?act=relu');
    store.getState().setJacobianKind('dY/dZ');
    expect(store.getState().jacobianKind).toBe('dY/dZ');
    store.getState().setActivation('sigmoid'); // still an activation: kept
    expect(store.getState().jacobianKind).toBe('dY/dZ');
    store.getState().setActivation('identity');
    expect(store.getState().jacobianKind).toBe('dY/dW');
    expect(store.select.jacobianKinds(store.getState())).not.toContain('dY/dZ');
    // Without an activation dy/dz cannot be chosen.
    store.getState().setJacobianKind('dY/dZ');
    expect(store.getState().jacobianKind).toBe('dY/dW');
    // Other kinds survive the change.
    const x = createAppStore('?act=tanh&jac=x');
    x.getState().setActivation('identity');
    expect(x.getState().jacobianKind).toBe('dY/dX');
  });

  it('keeps edits, and the step on the first step of the matrix shown', () => {
    const store = createAppStore('?act=relu');
    store.getState().editCell({ m: 'W', r: 1, c: 1 }, '2');
    const sc = store.select.script(store.getState());
    store.getState().setStep(sc.targetStart.dW + 1);
    store.getState().setActivation('sigmoid'); // the same steps: the same place
    expect(store.getState().step).toBe(sc.targetStart.dW + 1);
    store.getState().setActivation('identity'); // fewer steps: the first step of dL/dW
    const s = store.getState();
    const script = store.select.script(s);
    expect(script.steps[store.select.step(s) - 1].target).toBe('dW');
    expect(store.select.step(s)).toBe(script.targetStart.dW + 1);
    expect(s.edited.W).toBe(true);
    expect(at(s.inputs.W, 1, 1)).toBe(2);
    expectConsistent(store);
  });

  it('does nothing for the current activation', () => {
    const store = createAppStore('?act=tanh');
    const before = store.getState();
    store.getState().setActivation('tanh');
    expect(store.getState()).toBe(before);
  });

  it('keeps the activation and says why when removing it would overflow', () => {
    // sigmoid keeps y in (0, 1), so huge inputs are fine; without it the loss overflows.
    const store = createAppStore('?act=sigmoid');
    expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e200').ok).toBe(true);
    const before = store.getState();
    expect(() => store.getState().setActivation('identity')).not.toThrow();
    const s = store.getState();
    expect(s.config.activation).toBe('sigmoid');
    expect(s.inputs).toBe(before.inputs);
    expect(s.notices).toEqual([
      { param: 'act', message: { key: 'notice.overflow.change', params: { param: { code: 'act' }, problem: { key: 'error.lossOverflow', params: { loss: { code: 'mse' } } } } } },
    ]);
  });
});

describe('focus, hover and terms', () => {
  it('hover wins over focus while it lasts', () => {
    const store = createAppStore('?focus=dW:1,0');
    store.getState().setHover({ m: 'y', r: 0, c: 1 });
    expect(derivationOf(store)?.cell).toEqual({ m: 'y', r: 0, c: 1 });
    expect(store.select.explained(store.getState())).toEqual({ m: 'y', r: 0, c: 1 });
    store.getState().setHover(null);
    expect(derivationOf(store)?.cell).toEqual({ m: 'dW', r: 1, c: 0 });
    store.getState().setFocus(null);
    expect(derivationOf(store)).toBeNull();
  });

  it('ignores a cell outside the lesson', () => {
    const store = createAppStore('');
    store.getState().setFocus({ m: 'x', r: 9, c: 9 });
    expect(store.getState().focus).toBeNull();
    store.getState().setFocus({ m: 'z', r: 0, c: 0 }); // no z without an activation
    expect(store.getState().focus).toBeNull();
    store.getState().setHover({ m: 'dZ', r: 0, c: 0 });
    expect(store.getState().hover).toBeNull();
  });

  it('does not notify subscribers when the same cell is hovered again', () => {
    const store = createAppStore('');
    store.getState().setHover({ m: 'x', r: 0, c: 0 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.getState().setHover({ m: 'x', r: 0, c: 0 });
    off();
    expect(calls).toBe(0);
  });

  it('highlights what y[s,j] depends on: a row of x, a column of W and b[j]', () => {
    const store = createAppStore('');
    store.getState().setFocus({ m: 'y', r: 1, c: 0 });
    const h = store.select.highlights(store.getState());
    expect([...(h.x ?? [])].sort()).toEqual(['1,0', '1,1', '1,2']);
    expect([...(h.W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    expect([...(h.b ?? [])]).toEqual(['0,0']);
  });

  it('with an activation, y[s,j] depends on z[s,j] alone, and z[s,j] on a row of x, a column of W and b[j]', () => {
    const store = createAppStore('?act=relu');
    store.getState().setFocus({ m: 'y', r: 1, c: 0 });
    expect(store.select.highlights(store.getState())).toEqual({ z: new Set(['1,0']) });
    store.getState().setFocus({ m: 'z', r: 1, c: 0 });
    const h = store.select.highlights(store.getState());
    expect([...(h.x ?? [])].sort()).toEqual(['1,0', '1,1', '1,2']);
    expect([...(h.W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    expect([...(h.b ?? [])]).toEqual(['0,0']);
    expect(h.y).toBeUndefined();
  });

  it('highlights a term’s two factor cells', () => {
    const store = createAppStore('?focus=dW:1,0');
    const d = derivationOf(store);
    expect(d?.terms.length).toBe(2);
    store.getState().setTerm(1);
    expect(store.select.termHighlights(store.getState())).toEqual({ x: new Set(['1,1']), dY: new Set(['1,0']) });
    store.getState().setTerm(null);
    expect(store.select.termHighlights(store.getState())).toEqual({});
    store.getState().setTerm(7); // no such term
    expect(store.getState().term).toBeNull();
    // After an activation the gradient arriving at the layer is dL/dz.
    const relu = createAppStore('?act=relu&focus=dW:1,0');
    relu.getState().setTerm(1);
    expect(relu.select.termHighlights(relu.getState())).toEqual({ x: new Set(['1,1']), dZ: new Set(['1,0']) });
  });

  it('matches core’s derivation for every cell of every matrix, with and without an activation', () => {
    for (const conv of CONVENTIONS) {
      for (const act of ACTIVATIONS) {
        const store = createAppStore(`?conv=${conv}&act=${act}`);
        const s = store.getState();
        const ctx = store.select.ctx(s);
        const shown = [...store.select.graph(s).forward, ...store.select.graph(s).backward];
        expect(shown.includes('z'), `${conv} ${act}`).toBe(act !== 'identity');
        for (const m of shown) {
          store.getState().setFocus({ m, r: 0, c: 0 });
          expect(derivationOf(store), `${conv} ${act} ${m}`).toEqual(derive(ctx, { m, r: 0, c: 0 }));
        }
      }
    }
  });
});

describe('the URL state', () => {
  it('round-trips an edited, focused lesson through encodeUrl and createAppStore', () => {
    for (const conv of CONVENTIONS) {
      for (const loss of LOSS_KINDS) {
        for (const act of ACTIVATIONS) {
          const store = createAppStore(`?conv=${conv}&loss=${loss}&act=${act}&B=3&N=2&T=4&seed=11`);
          const st = store.getState();
          st.editCell({ m: 'x', r: 0, c: 1 }, '0.125');
          st.editCell({ m: 'W', r: 1, c: 0 }, '-2');
          st.editCell({ m: 'b', r: 0, c: 3 }, '1e-7');
          if (loss === 'mse') st.editCell({ m: 'target', r: 0, c: 0 }, '0.3');
          if (loss === 'softmax-ce') st.editCell({ m: 'target', r: 0, c: 2 }, '3');
          if (loss === 'upstream') st.editCell({ m: 'dY', r: 0, c: 0 }, '-0.7');
          store.getState().setFocus({ m: act === 'identity' ? 'dX' : 'dZ', r: 1, c: 1 });
          const q = encodeUrl(urlStateOf(store.getState(), store.select));
          const again = createAppStore(`?${q}`);
          expect(again.getState().notices, q).toEqual([]);
          expect(screen(again), q).toEqual(screen(store));
          expect(again.getState().edited, q).toEqual(store.getState().edited);
        }
      }
    }
  });

  it('round-trips any sequence of actions', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('conv' as const), v: fc.constantFrom(...CONVENTIONS) }),
      fc.record({ kind: fc.constant('loss' as const), v: fc.constantFrom(...LOSS_KINDS) }),
      fc.record({ kind: fc.constant('act' as const), v: fc.constantFrom(...ACTIVATIONS) }),
      fc.record({ kind: fc.constant('size' as const), k: fc.constantFrom('B' as const, 'N' as const, 'T' as const), v: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('seed' as const), v: fc.integer({ min: 0, max: 99999 }) }),
      fc.record({
        kind: fc.constant('edit' as const),
        m: fc.constantFrom('x' as const, 'W' as const, 'b' as const, 'target' as const, 'dY' as const),
        r: fc.nat(11),
        c: fc.nat(11),
        v: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String), fc.integer({ min: 0, max: 3 }).map(String)),
      }),
      fc.record({
        kind: fc.constant('focus' as const),
        m: fc.constantFrom<MatrixName>('x', 'y', 'z', 'L', 'dW', 'dZ', 'target'),
        r: fc.nat(11),
        c: fc.nat(11),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const store = createAppStore('');
        for (const a of actions) {
          const s = store.getState();
          if (a.kind === 'conv') s.setConvention(a.v);
          else if (a.kind === 'loss') s.setLoss(a.v);
          else if (a.kind === 'act') s.setActivation(a.v);
          else if (a.kind === 'size') s.setSize(a.k, a.v);
          else if (a.kind === 'seed') s.setSeed(a.v);
          else if (a.kind === 'edit') s.editCell({ m: a.m, r: a.r, c: a.c }, a.v);
          else s.setFocus({ m: a.m, r: a.r, c: a.c });
        }
        const q = encodeUrl(urlStateOf(store.getState(), store.select));
        const again = createAppStore(`?${q}`);
        expect(again.getState().notices).toEqual([]);
        expect(screen(again)).toEqual(screen(store));
      }),
      { numRuns: 150 },
    );
  });

  it('builds a page from a URL whose values overflow, with a notice instead of an exception', () => {
    let store: AppStore | undefined;
    expect(() => (store = createAppStore('?x=1e200,1,1;1,1,1&W=1e200,1;1,1;1,1'))).not.toThrow();
    const s = store!.getState();
    expect(s.notices).toEqual([
      {
        param: 'x, W',
        message: { key: 'notice.overflow.explicit', params: { names: { code: 'x, W' }, problem: expect.objectContaining({ key: 'error.overflow' }) } },
      },
    ]);
    expect(english.msg(s.notices[0].message)).toMatch(/overflow/);
    // The seed's values instead.
    expect(s.edited).toEqual({ x: false, W: false, b: false, target: false, dY: false });
    expect(outputsOf(store!).y.data.every(Number.isFinite)).toBe(true);
  });
});

describe('selectors', () => {
  /** Every selector of a store, applied to one state. */
  const readAll = (store: AppStore, s: AppState = store.getState()) => {
    const q = store.select;
    return {
      ctx: q.ctx(s),
      graph: q.graph(s),
      fmt: q.fmt(s),
      granularity: q.granularity(s),
      script: q.script(s),
      step: q.step(s),
      snapshot: q.snapshot(s),
      valuesY: q.values(s, 'y'),
      valuesDW: q.values(s, 'dW'),
      finalY: q.finalValues(s, 'y'),
      finalL: q.finalValues(s, 'L'),
      explained: q.explained(s),
      derivation: q.derivation(s),
      highlights: q.highlights(s),
      termHighlights: q.termHighlights(s),
      linked: q.linked(s),
      stepReads: q.stepReads(s),
      stepWrites: q.stepWrites(s),
      jacobianKinds: q.jacobianKinds(s),
      jacobianSizes: q.jacobianSizes(s),
      jacobian: q.jacobian(s),
      walkthrough: q.walkthrough(s),
      costs: q.costs(s),
    };
  };
  const expectSame = (a: ReturnType<typeof readAll>, b: ReturnType<typeof readAll>, what: string) => {
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(b[k], `${what}: ${k}`).toBe(a[k]);
  };

  it('memoise: the same state gives the same references twice', () => {
    for (const q of ['', '?act=tanh&conv=column&focus=dZ:1,0&step=9&jac=z', '?loss=softmax-ce&focus=dW:0,1&step=3']) {
      const store = createAppStore(q);
      store.getState().setTerm(0);
      store.getState().setJacobianEntry({ r: 0, c: 0 });
      const s = store.getState();
      const a = readAll(store, s);
      expectSame(a, readAll(store, s), q);
      // A change to a source that no derived value reads keeps them all.
      store.getState().setSpeed(2);
      expectSame(a, readAll(store), `${q} after setSpeed`);
    }
  });

  it('recompute only what a change reaches: a hover keeps the lesson, a step keeps the Jacobian', () => {
    const store = createAppStore('?act=relu&focus=y:0,0&step=5');
    const a = readAll(store);
    store.getState().setHover({ m: 'x', r: 1, c: 1 });
    const b = readAll(store);
    expect(b.derivation).not.toBe(a.derivation);
    for (const k of ['ctx', 'graph', 'script', 'snapshot', 'jacobian', 'walkthrough', 'costs'] as const) expect(b[k], k).toBe(a[k]);
    store.getState().next();
    const c = readAll(store);
    expect(c.snapshot).not.toBe(b.snapshot);
    for (const k of ['ctx', 'graph', 'script', 'jacobian', 'walkthrough', 'costs'] as const) expect(c[k], k).toBe(b[k]);
  });

  it('of two stores are independent: hovering, playing and editing in one leaves the other untouched', () => {
    const a = createAppStore('?act=tanh&conv=torch&B=3&focus=dZ:0,1');
    const b = createAppStore('?loss=softmax-ce&T=3&focus=dW:0,1&step=4');
    const fresh = createAppStore('?loss=softmax-ce&T=3&focus=dW:0,1&step=4');
    let calls = 0;
    b.subscribe(() => calls++);
    const bState = b.getState();
    const bSeen = readAll(b);
    const bScreen = screen(b);
    const check = (what: string) => {
      expect(b.getState(), what).toBe(bState);
      expectSame(bSeen, readAll(b), what);
      expect(screen(b), what).toEqual(bScreen);
      expect(calls, what).toBe(0);
    };
    // Read a's selectors between every action, so that a shared cache would be overwritten.
    const aSeen = readAll(a);
    a.getState().setHover({ m: 'z', r: 1, c: 0 });
    expect(readAll(a).derivation).not.toBe(aSeen.derivation);
    check('hover');
    a.getState().setTerm(1);
    readAll(a);
    check('term');
    a.getState().play();
    a.getState().next();
    a.getState().next();
    expect(a.getState().step).toBe(2);
    readAll(a);
    check('play');
    a.getState().setGranularity('coarse');
    readAll(a);
    check('grain');
    expect(a.getState().editCell({ m: 'x', r: 0, c: 0 }, '3')).toEqual({ ok: true });
    expect(readAll(a).ctx).not.toBe(aSeen.ctx);
    check('edit');
    a.getState().setJacobianKind('dY/dZ');
    a.getState().setJacobianEntry({ r: 1, c: 1 });
    readAll(a);
    check('jacobian');
    a.getState().setActivation('sigmoid');
    a.getState().setConvention('column');
    readAll(a);
    check('lesson');
    // And b shows what a store made from the same link shows.
    expect(screen(b)).toEqual(screen(fresh));
    expect(b.select.snapshot(b.getState())).toEqual(fresh.select.snapshot(fresh.getState()));
    // The other way round: b's actions leave a alone.
    const aState = a.getState();
    const aNow = readAll(a);
    b.getState().setHover({ m: 'x', r: 0, c: 0 });
    b.getState().toEnd();
    expect(b.getState().editCell({ m: 'W', r: 0, c: 0 }, '-1').ok).toBe(true);
    readAll(b);
    expect(a.getState()).toBe(aState);
    expectSame(aNow, readAll(a), 'a after b');
  });
});
