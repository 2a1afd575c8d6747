// The Jacobian slice through the vanilla store API: entries and the lesson
// cells they outline, resets on every change of view, the step bounds, and the
// memoised selectors.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, CONVENTIONS, backward, type JacobianKind } from '../../src/core/index.ts';
import { SHORTCUT_STEPS } from '../../src/store/jacobianSlice.ts';
import { JACOBIAN_PRESETS, PRESET_SIZES } from '../../src/store/selectors.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';

const jacobianOf = (store: AppStore) => store.select.jacobian(store.getState());
const linkedOf = (store: AppStore) => store.select.linked(store.getState());

describe('jacobian slice', () => {
  it('starts on dY/dW, row-major, at the teaching size, on step 0', () => {
    const s = createAppStore('').getState();
    expect([s.jacobianKind, s.linearisation, s.jacobianPreset, s.jacobianEntry, s.shortcutStep, s.shortcutPlaying]).toEqual([
      'dY/dW',
      'row-major',
      'teaching',
      null,
      0,
      false,
    ]);
  });

  it('offers dy/dz only with an activation', () => {
    expect(createAppStore('').select.jacobianKinds(createAppStore('').getState())).toEqual(['dY/dW', 'dY/dX', 'dY/db']);
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      const store = createAppStore(`?act=${act}`);
      expect(store.select.jacobianKinds(store.getState()), act).toEqual(['dY/dW', 'dY/dX', 'dY/db', 'dY/dZ']);
    }
    const store = createAppStore('');
    const before = store.getState();
    store.getState().setJacobianKind('dY/dZ');
    expect(store.getState()).toBe(before);
  });

  it('points at an entry and outlines its y and parameter cells; null clears both', () => {
    const store = createAppStore('?conv=column');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    const s = store.getState();
    const J = jacobianOf(store);
    expect(s.jacobianEntry).toEqual({ r: 1, c: 2 });
    const y = J.rowCell(1), w = J.colCell(2);
    expect([y.m, w.m]).toEqual(['y', 'W']);
    expect(s.linked).toEqual([y, w]);
    expect(linkedOf(store)).toEqual({ y: new Set([`${y.r},${y.c}`]), W: new Set([`${w.r},${w.c}`]) });
    store.getState().setJacobianEntry(null);
    expect(store.getState().jacobianEntry).toBeNull();
    expect(store.getState().linked).toEqual([]);
    expect(linkedOf(store)).toEqual({});
  });

  it('with an activation, outlines z and the parameter for the layer’s Jacobians, y and z for dy/dz', () => {
    for (const conv of CONVENTIONS) {
      const store = createAppStore(`?conv=${conv}&act=tanh`);
      for (const [kind, rowNode, colNode] of [
        ['dY/dW', 'z', 'W'],
        ['dY/dX', 'z', 'x'],
        ['dY/db', 'z', 'b'],
        ['dY/dZ', 'y', 'z'],
      ] as [JacobianKind, string, string][]) {
        store.getState().setJacobianKind(kind);
        store.getState().setJacobianEntry({ r: 1, c: 1 });
        const J = jacobianOf(store);
        const row = J.rowCell(1), col = J.colCell(1);
        expect([row.m, col.m], `${conv} ${kind}`).toEqual([rowNode, colNode]);
        expect(store.getState().linked, `${conv} ${kind}`).toEqual([row, col]);
        // The cells outlined are cells the lesson shows.
        const g = store.select.graph(store.getState());
        for (const cell of [row, col]) expect(g.rule(cell.m), `${conv} ${kind} ${cell.m}`).not.toBeNull();
      }
    }
  });

  it('refuses entries outside the Jacobian', () => {
    const store = createAppStore('');
    for (const e of [{ r: 4, c: 0 }, { r: 0, c: 6 }, { r: -1, c: 0 }, { r: 0.5, c: 1 }]) {
      store.getState().setJacobianEntry(e);
      expect(store.getState().jacobianEntry).toBeNull();
    }
    // dy/dz is square, |y| × |z|.
    const act = createAppStore('?act=relu&jac=z');
    act.getState().setJacobianEntry({ r: 0, c: 4 });
    expect(act.getState().jacobianEntry).toBeNull();
    act.getState().setJacobianEntry({ r: 3, c: 3 });
    expect(act.getState().jacobianEntry).toEqual({ r: 3, c: 3 });
  });

  it('outlines nothing at a preset, whose cells are not on screen', () => {
    const store = createAppStore('');
    store.getState().setJacobianPreset('image-b32');
    store.getState().setJacobianEntry({ r: 3199, c: 1_638_399 });
    expect(store.getState().jacobianEntry).toEqual({ r: 3199, c: 1_638_399 });
    expect(store.getState().linked).toEqual([]);
    expect(linkedOf(store)).toEqual({});
  });

  it('clears the entry and its outlines when the kind, linearisation or preset changes', () => {
    const store = createAppStore('?act=sigmoid');
    const changes = [
      () => store.getState().setJacobianKind('dY/dX'),
      () => store.getState().setJacobianKind('dY/dZ'),
      () => store.getState().setLinearisation('column-major'),
      () => store.getState().setJacobianPreset('mnist'),
    ];
    for (const change of changes) {
      store.getState().setJacobianPreset('teaching');
      store.getState().setJacobianEntry({ r: 0, c: 0 });
      expect(linkedOf(store)).not.toEqual({});
      change();
      expect(store.getState().jacobianEntry).toBeNull();
      expect(store.getState().linked).toEqual([]);
      expect(linkedOf(store)).toEqual({});
    }
  });

  it('keeps the walkthrough step within its four steps', () => {
    const store = createAppStore('');
    expect(SHORTCUT_STEPS).toBe(4);
    store.getState().setShortcutStep(99);
    expect(store.getState().shortcutStep).toBe(SHORTCUT_STEPS - 1);
    store.getState().setShortcutStep(-3);
    expect(store.getState().shortcutStep).toBe(0);
    store.getState().setShortcutStep(Number.NaN);
    expect(store.getState().shortcutStep).toBe(0);
  });

  it('plays the walkthrough to its last step and stops there; playing again starts over', () => {
    const store = createAppStore('');
    store.getState().playShortcut();
    expect(store.getState().shortcutPlaying).toBe(true);
    for (let k = 1; k < SHORTCUT_STEPS; k++) {
      store.getState().nextShortcutStep();
      expect(store.getState().shortcutStep).toBe(k);
    }
    expect(store.getState().shortcutPlaying).toBe(false);
    store.getState().nextShortcutStep();
    expect(store.getState().shortcutStep).toBe(SHORTCUT_STEPS - 1);
    store.getState().playShortcut();
    expect([store.getState().shortcutStep, store.getState().shortcutPlaying]).toEqual([0, true]);
    store.getState().pauseShortcut();
    expect(store.getState().shortcutPlaying).toBe(false);
    store.getState().nextShortcutStep(); // stepping by hand while paused stays paused
    expect([store.getState().shortcutStep, store.getState().shortcutPlaying]).toEqual([1, false]);
  });
});

describe('selectors', () => {
  it('give the lesson sizes at the teaching preset and fixed ones otherwise, as stable references', () => {
    const store = createAppStore('?B=3&N=4&T=5');
    const a = store.select.jacobianSizes(store.getState());
    expect(a).toEqual({ B: 3, N: 4, T: 5 });
    expect(store.select.jacobianSizes(store.getState())).toBe(a);
    store.getState().setJacobianPreset('image-b1');
    expect(store.select.jacobianSizes(store.getState())).toBe(PRESET_SIZES['image-b1']);
    expect(JACOBIAN_PRESETS).toEqual(['teaching', 'mnist', 'image-b1', 'image-b32']);
    expect(PRESET_SIZES.teaching).toBeNull();
  });

  it('memoise the Jacobian, which has values at the teaching size only', () => {
    const store = createAppStore('');
    const J = jacobianOf(store);
    expect(jacobianOf(store)).toBe(J);
    expect(J.entry(0, 0)).toBe(store.getState().inputs.x.data[0]);
    store.getState().setJacobianPreset('mnist');
    const M = jacobianOf(store);
    expect([M.rows, M.cols]).toEqual([32 * 128, 784 * 128]);
    expect(() => M.entry(0, 0)).toThrow(/values/);
    store.getState().setJacobianPreset('teaching');
    store.getState().setSize('N', 4);
    expect(jacobianOf(store).cols).toBe(4 * 2);
  });

  it('give dy/dz the activation’s slope at z on its diagonal, zero elsewhere', () => {
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      const store = createAppStore(`?act=${act}&jac=z&conv=column`);
      const J = jacobianOf(store);
      const o = store.select.ctx(store.getState()).outputs;
      expect([J.rows, J.cols], act).toEqual([4, 4]);
      for (let r = 0; r < J.rows; r++) {
        for (let c = 0; c < J.cols; c++) {
          if (r !== c) {
            expect(J.isStructuralNonZero(r, c), `${act} ${r},${c}`).toBe(false);
            continue;
          }
          // dy/dz at z: the ratio of dL/dz to dL/dy for the same cell.
          const cell = J.colCell(c);
          const z = o.z.data[cell.r * o.z.cols + cell.c];
          const y = o.y.data[cell.r * o.y.cols + cell.c];
          const slope = act === 'relu' ? (z > 0 ? 1 : 0) : act === 'sigmoid' ? y * (1 - y) : 1 - y * y;
          expect(J.entry(r, c), `${act} ${r}`).toBeCloseTo(slope, 12);
        }
      }
    }
  });

  it('walk through to the lesson gradient for each kind, recomputed when the lesson changes', () => {
    for (const act of ACTIVATIONS) {
      const store = createAppStore(`?conv=torch&loss=upstream&act=${act}`);
      for (const kind of store.select.jacobianKinds(store.getState())) {
        store.getState().setJacobianKind(kind);
        const w = store.select.walkthrough(store.getState());
        expect(store.select.walkthrough(store.getState())).toBe(w);
        expect(w.agrees, `${act} ${kind}`).toBe(true);
        const s = store.getState();
        const o = store.select.ctx(s).outputs;
        // The layer's gradients come from dL/dz (dL/dy itself without an activation), dL/dz from dL/dy.
        expect(w.upstream, `${act} ${kind}`).toBe(kind === 'dY/dZ' || act === 'identity' ? 'dY' : 'dZ');
        const g = backward('torch', s.inputs.x, s.inputs.W, o.dZ);
        const want = kind === 'dY/dW' ? g.dW.data : kind === 'dY/dX' ? g.dX.data : kind === 'dY/db' ? g.db : o.dZ.data;
        expect(w.rolled.data.length, `${act} ${kind}`).toBe(want.length);
        Array.from(want).forEach((v, k) => expect(w.rolled.data[k], `${act} ${kind} ${k}`).toBeCloseTo(v, 12));
      }
      const before = store.select.walkthrough(store.getState());
      store.getState().setSeed(123);
      const after = store.select.walkthrough(store.getState());
      expect(after).not.toBe(before);
      expect(after.agrees).toBe(true);
    }
  });
});
