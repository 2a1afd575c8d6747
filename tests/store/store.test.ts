// The app store through its vanilla API: edits, dependents, conventions, sizes, focus and the URL.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONVENTIONS,
  LOSS_KINDS,
  computeLesson,
  derive,
  makeLesson,
  transpose,
  type CellRef,
  type Convention,
  type Matrix,
} from '../../src/core/index.ts';
import { createAppStore, urlStateOf, type AppState, type AppStore } from '../../src/store/store.ts';
import { encodeUrl } from '../../src/store/url.ts';

const at = (m: Matrix, r: number, c: number) => m.data[r * m.cols + c];
const rows = (m: Matrix) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
/** A matrix in the row layout, whatever the convention's layout is. */
const logical = (conv: Convention, m: Matrix, transposedIn: (c: Convention) => boolean) => rows(transposedIn(conv) ? transpose(m) : m);
const xT = (c: Convention) => c === 'column';
const wT = (c: Convention) => c !== 'row';

/** Everything the screen shows, for comparing two stores. */
const screen = (s: AppState) => ({
  config: s.config,
  seed: s.seed,
  x: rows(s.inputs.x),
  W: rows(s.inputs.W),
  b: Array.from(s.inputs.b),
  target: s.config.loss === 'softmax-ce' ? s.inputs.targetClasses : rows(s.inputs.targetMatrix),
  y: rows(s.outputs.y),
  L: s.outputs.L,
  dY: rows(s.outputs.dY),
  dW: rows(s.outputs.dW),
  db: Array.from(s.outputs.db),
  dX: rows(s.outputs.dX),
  focus: s.focus,
  derivation: s.derivation && { cell: s.derivation.cell, value: s.derivation.value, numeric: s.derivation.numeric },
});

/** The outputs core computes for the store's own inputs. */
const expectConsistent = (store: AppStore) => {
  const s = store.getState();
  const out = computeLesson(s.config.convention, s.config.loss, s.inputs);
  expect(rows(s.outputs.y)).toEqual(rows(out.y));
  expect(rows(s.outputs.dW)).toEqual(rows(out.dW));
  expect(rows(s.outputs.dX)).toEqual(rows(out.dX));
  expect(Array.from(s.outputs.db)).toEqual(Array.from(out.db));
  if (s.config.loss !== 'upstream') expect(s.outputs.L).toBe(out.L);
};

describe('the default store', () => {
  it('holds the seed-7 lesson of README and core', () => {
    const s = createAppStore('').getState();
    expect(s.config).toEqual({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 });
    expect(s.seed).toBe(7);
    const inputs = makeLesson(s.config, 7);
    expect(rows(s.inputs.x)).toEqual(rows(inputs.x));
    expect(rows(s.inputs.W)).toEqual(rows(inputs.W));
    expect(s.notices).toEqual([]);
    expect(s.focus).toBeNull();
    expect(s.derivation).toBeNull();
    expect(Array.from(s.lossCell)).toEqual([s.outputs.L]);
  });

  it('keeps URL notices, and dismisses them one by one', () => {
    const store = createAppStore('?B=40&conv=foo');
    expect(store.getState().notices.map((n) => n.param)).toEqual(['conv', 'B']);
    store.getState().dismissNotice('B');
    expect(store.getState().notices.map((n) => n.param)).toEqual(['conv']);
  });

  it('explains the URL focus', () => {
    const s = createAppStore('?focus=dW:1,0').getState();
    expect(s.focus).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(s.derivation?.cell).toEqual({ m: 'dW', r: 1, c: 0 });
    expect(s.derivation?.value).toBe(at(s.outputs.dW, 1, 0));
  });
});

describe('editCell', () => {
  it('takes a finite number and updates every dependent', () => {
    const store = createAppStore('?focus=y:0,1');
    const before = store.getState();
    expect(store.getState().editCell({ m: 'x', r: 0, c: 1 }, ' \u22122.5 ')).toEqual({ ok: true });
    const s = store.getState();
    expect(at(s.inputs.x, 0, 1)).toBe(-2.5);
    expect(s.edited.x).toBe(true);
    expect(at(before.inputs.x, 0, 1)).not.toBe(-2.5); // the old inputs were not mutated
    expect(at(s.outputs.y, 0, 1)).not.toBe(at(before.outputs.y, 0, 1));
    expect(s.outputs.L).not.toBe(before.outputs.L);
    expectConsistent(store);
    // The explained cell follows the new values.
    expect(s.derivation?.value).toBe(at(s.outputs.y, 0, 1));
  });

  it('edits W, b, the mse target, class targets and the upstream gradient', () => {
    const store = createAppStore('');
    expect(store.getState().editCell({ m: 'W', r: 2, c: 1 }, '0.5').ok).toBe(true);
    expect(store.getState().editCell({ m: 'b', r: 0, c: 1 }, '1e-1').ok).toBe(true);
    expect(store.getState().editCell({ m: 'target', r: 1, c: 0 }, '-3').ok).toBe(true);
    let s = store.getState();
    expect(at(s.inputs.W, 2, 1)).toBe(0.5);
    expect(s.inputs.b[1]).toBe(0.1);
    expect(at(s.inputs.targetMatrix, 1, 0)).toBe(-3);
    expect(s.edited).toMatchObject({ W: true, b: true, target: true, x: false });
    expectConsistent(store);

    const ce = createAppStore('?loss=softmax-ce&T=3');
    expect(ce.getState().editCell({ m: 'target', r: 0, c: 1 }, '2').ok).toBe(true);
    expect(ce.getState().inputs.targetClasses[1]).toBe(2);
    expectConsistent(ce);

    const up = createAppStore('?loss=upstream');
    expect(up.getState().editCell({ m: 'dY', r: 1, c: 1 }, '4').ok).toBe(true);
    s = up.getState();
    expect(at(s.outputs.dY, 1, 1)).toBe(4);
    expectConsistent(up);
  });

  it('refuses text that is not a finite number, keeping the old state', () => {
    const store = createAppStore('');
    const before = store.getState();
    for (const text of ['', '  ', 'abc', '1/2', '1,5', 'Infinity', '1e999', 'NaN', '--1', '0x10', '1e']) {
      const r = store.getState().editCell({ m: 'x', r: 0, c: 0 }, text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message.length, text).toBeGreaterThan(10);
    }
    expect(store.getState()).toBe(before);
  });

  it('names the refused text in its message', () => {
    const r = createAppStore('').getState().editCell({ m: 'W', r: 0, c: 0 }, 'abc');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('abc') });
  });

  it('refuses computed cells and cells outside the matrix', () => {
    const store = createAppStore('');
    for (const cell of [
      { m: 'y', r: 0, c: 0 },
      { m: 'dW', r: 0, c: 0 },
      { m: 'L', r: 0, c: 0 },
      { m: 'dY', r: 0, c: 0 }, // computed by the loss unless it is 'upstream'
      { m: 'x', r: 5, c: 0 },
    ] as CellRef[]) {
      expect(store.getState().editCell(cell, '1').ok, cell.m).toBe(false);
    }
    expect(createAppStore('?loss=sum').getState().editCell({ m: 'target', r: 0, c: 0 }, '1').ok).toBe(false);
  });

  it('refuses a class index that is fractional or out of range', () => {
    const store = createAppStore('?loss=softmax-ce&T=3');
    for (const t of ['3', '-1', '1.5']) {
      const r = store.getState().editCell({ m: 'target', r: 0, c: 0 }, t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toContain('0 to 2');
    }
  });

  it('refuses a value that would overflow the layer, without throwing', () => {
    const store = createAppStore('');
    // Large but finite everywhere: y, L and every gradient stay below float64's limit.
    expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e100').ok).toBe(true);
    const before = store.getState();
    let r: ReturnType<AppState['editCell']> | undefined;
    expect(() => (r = store.getState().editCell({ m: 'W', r: 0, c: 0 }, '1e300'))).not.toThrow();
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.message).toMatch(/overflow|infinit/i);
    expect(store.getState().inputs).toBe(before.inputs);
    // A value that makes only the gradient overflow is refused too, not shown as Infinity.
    const r2 = store.getState().editCell({ m: 'x', r: 0, c: 0 }, '1e200');
    expect(r2.ok).toBe(false);
    expect(Array.from(store.getState().outputs.dW.data).every(Number.isFinite)).toBe(true);
  });
});

describe('setConvention', () => {
  it('keeps every logical value and moves the focus to the same logical cell', () => {
    const store = createAppStore('?B=2&N=3&T=4&focus=W:2,1');
    store.getState().editCell({ m: 'x', r: 1, c: 2 }, '9');
    const row = store.getState();
    for (const [conv, wFocus] of [
      ['torch', { m: 'W', r: 1, c: 2 }],
      ['column', { m: 'W', r: 1, c: 2 }],
      ['row', { m: 'W', r: 2, c: 1 }],
    ] as const) {
      store.getState().setConvention(conv);
      const s = store.getState();
      expect(s.config.convention).toBe(conv);
      expect(logical(conv, s.inputs.x, xT)).toEqual(rows(row.inputs.x));
      expect(logical(conv, s.inputs.W, wT)).toEqual(rows(row.inputs.W));
      expect(logical(conv, s.outputs.y, xT)).toEqual(rows(row.outputs.y));
      expect(logical(conv, s.outputs.dW, wT)).toEqual(rows(row.outputs.dW));
      expect(logical(conv, s.outputs.dX, xT)).toEqual(rows(row.outputs.dX));
      expect(s.outputs.L).toBe(row.outputs.L);
      expect(s.edited.x).toBe(true);
      expect(s.focus).toEqual(wFocus);
      expect(s.derivation?.value).toBe(row.derivation?.value);
      expectConsistent(store);
    }
  });

  it('moves focus on x, y and their gradients only across the column convention; b, db and L stay', () => {
    const cases: [string, CellRef, Convention, CellRef][] = [
      ['x', { m: 'x', r: 1, c: 2 }, 'torch', { m: 'x', r: 1, c: 2 }],
      ['x', { m: 'x', r: 1, c: 2 }, 'column', { m: 'x', r: 2, c: 1 }],
      ['dY', { m: 'dY', r: 1, c: 0 }, 'column', { m: 'dY', r: 0, c: 1 }],
      ['target', { m: 'target', r: 1, c: 0 }, 'column', { m: 'target', r: 0, c: 1 }],
      ['b', { m: 'b', r: 0, c: 1 }, 'column', { m: 'b', r: 0, c: 1 }],
      ['db', { m: 'db', r: 0, c: 1 }, 'torch', { m: 'db', r: 0, c: 1 }],
      ['L', { m: 'L', r: 0, c: 0 }, 'column', { m: 'L', r: 0, c: 0 }],
    ];
    for (const [what, from, conv, to] of cases) {
      const store = createAppStore('');
      store.getState().setFocus(from);
      const v = store.getState().derivation?.value;
      store.getState().setConvention(conv);
      expect(store.getState().focus, what).toEqual(to);
      expect(store.getState().derivation?.value, what).toBe(v);
    }
  });

  it('keeps class targets as they are', () => {
    const store = createAppStore('?loss=softmax-ce&B=3&focus=target:0,2');
    const before = store.getState();
    store.getState().setConvention('column');
    expect(store.getState().inputs.targetClasses).toEqual(before.inputs.targetClasses);
    expect(store.getState().focus).toEqual({ m: 'target', r: 0, c: 2 });
    expect(store.getState().outputs.L).toBeCloseTo(before.outputs.L, 12);
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
    expect(rows(s.inputs.W)).toEqual(rows(seed.W)); // W was never edited
    store.getState().setSize('T', 3);
    s = store.getState();
    expect(s.inputs.b[1]).toBe(-4);
    expect(s.inputs.b.length).toBe(3);
    expectConsistent(store);
  });

  it('clamps to 1–12 and ignores what is not a number', () => {
    const store = createAppStore('');
    store.getState().setSize('B', 40);
    expect(store.getState().config.B).toBe(12);
    store.getState().setSize('B', 0);
    expect(store.getState().config.B).toBe(1);
    store.getState().setSize('B', Number.NaN);
    expect(store.getState().config.B).toBe(1);
    expectConsistent(store);
  });

  it('drops a focus that no longer exists and keeps one that does', () => {
    const store = createAppStore('?focus=x:1,2');
    store.getState().setSize('N', 4);
    expect(store.getState().focus).toEqual({ m: 'x', r: 1, c: 2 });
    store.getState().setSize('N', 2);
    expect(store.getState().focus).toBeNull();
    expect(store.getState().derivation).toBeNull();
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
  it('recomputes dL/dy for each loss', () => {
    const store = createAppStore('');
    for (const l of LOSS_KINDS) {
      store.getState().setLoss(l);
      expect(store.getState().config.loss).toBe(l);
      expectConsistent(store);
    }
    expect(Number.isNaN(store.getState().outputs.L)).toBe(true); // 'upstream' has no loss value
  });

  it('drops the focus on the target when the new loss shows no target', () => {
    const store = createAppStore('?focus=target:0,1');
    store.getState().setLoss('sum');
    expect(store.getState().focus).toBeNull();
    expect(store.getState().derivation).toBeNull();
  });

  it('a new seed gives new values and forgets edits', () => {
    const store = createAppStore('');
    store.getState().editCell({ m: 'x', r: 0, c: 0 }, '5');
    store.getState().setSeed(8);
    const s = store.getState();
    expect(s.seed).toBe(8);
    expect(s.edited.x).toBe(false);
    expect(rows(s.inputs.x)).toEqual(rows(makeLesson(s.config, 8).x));
    expectConsistent(store);
  });
});

describe('focus, hover and terms', () => {
  it('hover wins over focus while it lasts', () => {
    const store = createAppStore('?focus=dW:1,0');
    store.getState().setHover({ m: 'y', r: 0, c: 1 });
    expect(store.getState().derivation?.cell).toEqual({ m: 'y', r: 0, c: 1 });
    store.getState().setHover(null);
    expect(store.getState().derivation?.cell).toEqual({ m: 'dW', r: 1, c: 0 });
    store.getState().setFocus(null);
    expect(store.getState().derivation).toBeNull();
  });

  it('ignores a cell outside the lesson', () => {
    const store = createAppStore('');
    store.getState().setFocus({ m: 'x', r: 9, c: 9 });
    expect(store.getState().focus).toBeNull();
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
    const h = store.getState().highlights;
    expect([...(h.x ?? [])].sort()).toEqual(['1,0', '1,1', '1,2']);
    expect([...(h.W ?? [])].sort()).toEqual(['0,0', '1,0', '2,0']);
    expect([...(h.b ?? [])]).toEqual(['0,0']);
  });

  it('highlights a term’s two factor cells', () => {
    const store = createAppStore('?focus=dW:1,0');
    const d = store.getState().derivation;
    expect(d?.terms.length).toBe(2);
    store.getState().setTerm(1);
    const th = store.getState().termHighlights;
    expect(th).toEqual({ x: new Set(['1,1']), dY: new Set(['1,0']) });
    store.getState().setTerm(null);
    expect(store.getState().termHighlights).toEqual({});
    store.getState().setTerm(7); // no such term
    expect(store.getState().term).toBeNull();
  });

  it('matches core’s derivation for every cell of every matrix', () => {
    for (const conv of CONVENTIONS) {
      const store = createAppStore(`?conv=${conv}`);
      const s = store.getState();
      for (const m of ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX'] as const) {
        store.getState().setFocus({ m, r: 0, c: 0 });
        expect(store.getState().derivation, `${conv} ${m}`).toEqual(derive(s.ctx, { m, r: 0, c: 0 }));
      }
    }
  });
});

describe('the URL state', () => {
  it('round-trips an edited, focused lesson through encodeUrl and createAppStore', () => {
    for (const conv of CONVENTIONS) {
      for (const loss of LOSS_KINDS) {
        const store = createAppStore(`?conv=${conv}&loss=${loss}&B=3&N=2&T=4&seed=11`);
        const st = store.getState();
        st.editCell({ m: 'x', r: 0, c: 1 }, '0.125');
        st.editCell({ m: 'W', r: 1, c: 0 }, '-2');
        st.editCell({ m: 'b', r: 0, c: 3 }, '1e-7');
        if (loss === 'mse') st.editCell({ m: 'target', r: 0, c: 0 }, '0.3');
        if (loss === 'softmax-ce') st.editCell({ m: 'target', r: 0, c: 2 }, '3');
        if (loss === 'upstream') st.editCell({ m: 'dY', r: 0, c: 0 }, '-0.7');
        store.getState().setFocus({ m: 'dX', r: 1, c: 1 });
        const q = encodeUrl(urlStateOf(store.getState()));
        const again = createAppStore(`?${q}`);
        expect(again.getState().notices, q).toEqual([]);
        expect(screen(again.getState()), q).toEqual(screen(store.getState()));
        expect(again.getState().edited).toEqual(store.getState().edited);
      }
    }
  });

  it('round-trips any sequence of actions', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('conv' as const), v: fc.constantFrom(...CONVENTIONS) }),
      fc.record({ kind: fc.constant('loss' as const), v: fc.constantFrom(...LOSS_KINDS) }),
      fc.record({ kind: fc.constant('size' as const), k: fc.constantFrom('B' as const, 'N' as const, 'T' as const), v: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('seed' as const), v: fc.integer({ min: 0, max: 99999 }) }),
      fc.record({
        kind: fc.constant('edit' as const),
        m: fc.constantFrom('x' as const, 'W' as const, 'b' as const, 'target' as const, 'dY' as const),
        r: fc.nat(11),
        c: fc.nat(11),
        v: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String), fc.integer({ min: 0, max: 3 }).map(String)),
      }),
      fc.record({ kind: fc.constant('focus' as const), m: fc.constantFrom('x' as const, 'y' as const, 'L' as const, 'dW' as const, 'target' as const), r: fc.nat(11), c: fc.nat(11) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const store = createAppStore('');
        for (const a of actions) {
          const s = store.getState();
          if (a.kind === 'conv') s.setConvention(a.v);
          else if (a.kind === 'loss') s.setLoss(a.v);
          else if (a.kind === 'size') s.setSize(a.k, a.v);
          else if (a.kind === 'seed') s.setSeed(a.v);
          else if (a.kind === 'edit') s.editCell({ m: a.m, r: a.r, c: a.c }, a.v);
          else s.setFocus({ m: a.m, r: a.r, c: a.c });
        }
        const q = encodeUrl(urlStateOf(store.getState()));
        const again = createAppStore(`?${q}`);
        expect(again.getState().notices).toEqual([]);
        expect(screen(again.getState())).toEqual(screen(store.getState()));
      }),
      { numRuns: 150 },
    );
  });

  it('builds a page from a URL whose values overflow, with a notice instead of an exception', () => {
    let store: AppStore | undefined;
    expect(() => (store = createAppStore('?x=1e200,1,1;1,1,1&W=1e200,1;1,1;1,1'))).not.toThrow();
    const s = store!.getState();
    expect(s.notices.length).toBeGreaterThan(0);
    expect(s.notices.map((n) => n.message).join(' ')).toMatch(/overflow|infinit/i);
    expect(s.outputs.y.data.every(Number.isFinite)).toBe(true);
  });
});
