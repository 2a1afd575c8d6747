// Changing a size keeps every value whose index still exists: W and b when B changes, the kept samples of x, the
// target and dL/dy, and the overlapping block of anything whose shape changes. New entries are the seed's, and the
// link carries whatever the seed alone would not give back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, LOSS_KINDS, type Convention, type LessonInputs, type LossKind, type Matrix, logicalOf, makeLesson, type Sizes } from '../../src/core/index.ts';
import { createAppStore, urlStateOf, type AppStore } from '../../src/store/store.ts';
import { encodeUrl } from '../../src/store/url.ts';

fc.configureGlobal({ seed: 20260909, numRuns: 60 });

type Layout = 'x' | 'W' | 'y';
/** Every entry of a matrix by its logical indices, e.g. 's1 i2' → value. */
function byIndex(m: Matrix, layout: Layout, conv: Convention): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = 0; r < m.rows; r++)
    for (let c = 0; c < m.cols; c++) {
      const idx = logicalOf(layout, conv, r, c);
      out.set(Object.entries(idx).map(([k, v]) => `${k}${v}`).sort().join(' '), m.data[r * m.cols + c]);
    }
  return out;
}

/** What a store's lesson must hold after resizing from `before`: each entry kept where its index existed, the seed's where new. */
function expectResized(conv: Convention, loss: LossKind, before: LessonInputs, after: LessonInputs, sizes: Sizes, seed: number, why: string) {
  const fresh = makeLesson({ convention: conv, loss, ...sizes }, seed);
  const check = (name: string, layout: Layout, old: Matrix, now: Matrix, seedM: Matrix) => {
    const o = byIndex(old, layout, conv);
    const s = byIndex(seedM, layout, conv);
    for (const [k, v] of byIndex(now, layout, conv)) expect(v, `${why}: ${name} ${k}`).toBe(o.has(k) ? o.get(k) : s.get(k));
  };
  check('x', 'x', before.x, after.x, fresh.x);
  check('W', 'W', before.W, after.W, fresh.W);
  check('target', 'y', before.targetMatrix, after.targetMatrix, fresh.targetMatrix);
  check('dY', 'y', before.upstream, after.upstream, fresh.upstream);
  expect(Array.from(after.b), `${why}: b`).toEqual(Array.from(fresh.b, (v, j) => (j < before.b.length ? before.b[j] : v)));
  after.targetClasses.forEach((c, s) => {
    const kept = s < before.targetClasses.length && before.targetClasses[s] < sizes.T;
    expect(c, `${why}: class ${s}`).toBe(kept ? before.targetClasses[s] : fresh.targetClasses[s]);
  });
}

const inputsOf = (store: AppStore) => store.getState().inputs;
/** The inputs a lesson with this loss shows: x, W, b, and its target or upstream gradient. */
function shown(inp: LessonInputs, loss: LossKind): unknown {
  const list = (m: Matrix | Float64Array | number[]) => Array.from(m instanceof Float64Array || Array.isArray(m) ? m : m.data);
  const extra = loss === 'mse' ? list(inp.targetMatrix) : loss === 'softmax-ce' ? list(inp.targetClasses) : loss === 'upstream' ? list(inp.upstream) : [];
  return { x: list(inp.x), W: list(inp.W), b: list(inp.b), extra };
}
const same = (a: LessonInputs, b: LessonInputs, loss: LossKind) => expect(shown(a, loss)).toEqual(shown(b, loss));

describe('changing a size', () => {
  it('keeps W and b when B changes, in every convention, and the samples that stay', () => {
    for (const conv of CONVENTIONS) {
      const store = createAppStore(`?conv=${conv}&B=2&N=3&T=2`);
      const before = inputsOf(store);
      store.getState().setSize('B', 4);
      const after = inputsOf(store);
      // The case: W and b do not depend on B, and used to be drawn again.
      expect(Array.from(after.W.data), conv).toEqual(Array.from(before.W.data));
      expect(Array.from(after.b), conv).toEqual(Array.from(before.b));
      expectResized(conv, 'mse', before, after, { B: 4, N: 3, T: 2 }, 7, `${conv} B 2→4`);
      store.getState().setSize('B', 1);
      expect(Array.from(inputsOf(store).W.data), conv).toEqual(Array.from(before.W.data));
      expectResized(conv, 'mse', after, inputsOf(store), { B: 1, N: 3, T: 2 }, 7, `${conv} B 4→1`);
    }
  });

  it('keeps b, the target and dL/dy when N changes, and the overlapping part of x and W', () => {
    const store = createAppStore('?conv=torch&loss=upstream&B=2&N=3&T=2');
    const before = inputsOf(store);
    store.getState().setSize('N', 5);
    expect(Array.from(inputsOf(store).b)).toEqual(Array.from(before.b));
    expect(Array.from(inputsOf(store).upstream.data)).toEqual(Array.from(before.upstream.data));
    expect(Array.from(inputsOf(store).targetMatrix.data)).toEqual(Array.from(before.targetMatrix.data));
    expectResized('torch', 'upstream', before, inputsOf(store), { B: 2, N: 5, T: 2 }, 7, 'N 3→5');
  });

  it('keeps every value whose index still exists, for any size change, loss and convention', () => {
    const sizes = fc.record({ B: fc.integer({ min: 1, max: 6 }), N: fc.integer({ min: 1, max: 6 }), T: fc.integer({ min: 1, max: 6 }) });
    fc.assert(
      fc.property(fc.constantFrom(...CONVENTIONS), fc.constantFrom(...LOSS_KINDS), sizes, fc.constantFrom('B', 'N', 'T'), fc.integer({ min: 1, max: 6 }), fc.integer({ min: -99, max: 99 }), (conv, loss, s, name, v, seed) => {
        const store = createAppStore(`?conv=${conv}&loss=${loss}&B=${s.B}&N=${s.N}&T=${s.T}&seed=${seed}`);
        // One typed value, to show typed and drawn values are kept alike.
        expect(store.getState().editCell({ m: 'x', r: 0, c: 0 }, '0.25').ok).toBe(true);
        const before = inputsOf(store);
        store.getState().setSize(name, v);
        const next = { ...s, [name]: v };
        expectResized(conv, loss, before, inputsOf(store), next, seed, `${conv} ${loss} ${name} → ${v}`);
        // The link gives back the same lesson.
        const again = createAppStore(`?${encodeUrl(urlStateOf(store.getState(), store.select))}`);
        expect(again.getState().notices).toEqual([]);
        same(inputsOf(again), inputsOf(store), loss);
      }),
    );
  });

  it('writes into the link only what the seed would not give back', () => {
    const store = createAppStore('?B=2&N=3&T=2');
    store.getState().setSize('B', 3);
    // W and b are the B = 2 lesson's, not what the seed draws for B = 3, so the link holds them; x's rows are the
    // seed's own (its draws come first), so it does not.
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toMatch(/(^|&)W=/);
    expect(q).toMatch(/(^|&)b=/);
    expect(q).not.toMatch(/(^|&)x=/);
    // Back to B = 2: every value is the seed's again, and the link is short.
    store.getState().setSize('B', 2);
    same(inputsOf(store), makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7), 'mse');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toBe('');
  });
});
