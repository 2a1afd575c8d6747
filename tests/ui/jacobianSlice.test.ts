// The Jacobian slice through the vanilla store API: entries and the lesson
// cells they outline, resets on every change of view, the step bounds, and the
// memoised selectors.
import { describe, expect, it } from 'vitest';
import { backward } from '../../src/core/index.ts';
import { PRESET_INFO, SHORTCUT_STEPS, selectJacobian, selectJacobianSizes, selectWalkthrough } from '../../src/store/jacobianSlice.ts';
import { createAppStore } from '../../src/store/store.ts';

describe('jacobian slice', () => {
  it('starts on dY/dW, row-major, at the teaching size, on step 0', () => {
    const s = createAppStore('').getState();
    expect([s.jacobianKind, s.linearisation, s.jacobianPreset, s.jacobianEntry, s.shortcutStep]).toEqual(['dY/dW', 'row-major', 'teaching', null, 0]);
  });

  it('points at an entry and outlines its y and parameter cells; null clears both', () => {
    const store = createAppStore('?conv=column');
    store.getState().setJacobianEntry({ r: 1, c: 2 });
    let s = store.getState();
    const J = selectJacobian(s);
    expect(s.jacobianEntry).toEqual({ r: 1, c: 2 });
    const y = J.rowCell(1), w = J.colCell(2);
    expect([...(s.linked.y ?? [])]).toEqual([`${y.r},${y.c}`]);
    expect([...(s.linked.W ?? [])]).toEqual([`${w.r},${w.c}`]);
    store.getState().setJacobianEntry(null);
    s = store.getState();
    expect(s.jacobianEntry).toBeNull();
    expect(s.linked).toEqual({});
  });

  it('refuses entries outside the Jacobian', () => {
    const store = createAppStore('');
    for (const e of [{ r: 4, c: 0 }, { r: 0, c: 6 }, { r: -1, c: 0 }, { r: 0.5, c: 1 }]) {
      store.getState().setJacobianEntry(e);
      expect(store.getState().jacobianEntry).toBeNull();
    }
  });

  it('outlines nothing at a preset, whose cells are not on screen', () => {
    const store = createAppStore('');
    store.getState().setJacobianPreset('image-b32');
    store.getState().setJacobianEntry({ r: 3199, c: 1_638_399 });
    expect(store.getState().jacobianEntry).toEqual({ r: 3199, c: 1_638_399 });
    expect(store.getState().linked).toEqual({});
  });

  it('clears the entry and its outlines when the kind, linearisation or preset changes', () => {
    const store = createAppStore('');
    const changes = [() => store.getState().setJacobianKind('dY/dX'), () => store.getState().setLinearisation('column-major'), () => store.getState().setJacobianPreset('mnist')];
    for (const change of changes) {
      store.getState().setJacobianPreset('teaching');
      store.getState().setJacobianEntry({ r: 0, c: 0 });
      expect(store.getState().linked).not.toEqual({});
      change();
      expect(store.getState().jacobianEntry).toBeNull();
      expect(store.getState().linked).toEqual({});
    }
  });

  it('keeps the walkthrough step within its four steps', () => {
    const store = createAppStore('');
    store.getState().setShortcutStep(99);
    expect(store.getState().shortcutStep).toBe(SHORTCUT_STEPS - 1);
    store.getState().setShortcutStep(-3);
    expect(store.getState().shortcutStep).toBe(0);
    store.getState().setShortcutStep(Number.NaN);
    expect(store.getState().shortcutStep).toBe(0);
  });
});

describe('selectors', () => {
  it('give the lesson sizes at the teaching preset and fixed ones otherwise, as stable references', () => {
    const store = createAppStore('?B=3&N=4&T=5');
    const a = selectJacobianSizes(store.getState());
    expect(a).toEqual({ B: 3, N: 4, T: 5 });
    expect(selectJacobianSizes(store.getState())).toBe(a);
    store.getState().setJacobianPreset('image-b1');
    expect(selectJacobianSizes(store.getState())).toBe(PRESET_INFO['image-b1'].sizes);
  });

  it('memoise the Jacobian, which has values at the teaching size only', () => {
    const store = createAppStore('');
    const J = selectJacobian(store.getState());
    expect(selectJacobian(store.getState())).toBe(J);
    expect(J.entry(0, 0)).toBe(store.getState().inputs.x.data[0]);
    store.getState().setJacobianPreset('mnist');
    const M = selectJacobian(store.getState());
    expect([M.rows, M.cols]).toEqual([32 * 128, 784 * 128]);
    expect(() => M.entry(0, 0)).toThrow(/values/);
    store.getState().setJacobianPreset('teaching');
    store.getState().setSize('N', 4);
    expect(selectJacobian(store.getState()).cols).toBe(4 * 2);
  });

  it('walk through to the lesson gradient for each kind, recomputed when the lesson changes', () => {
    const store = createAppStore('?conv=torch&loss=upstream');
    for (const kind of ['dY/dW', 'dY/dX', 'dY/db'] as const) {
      store.getState().setJacobianKind(kind);
      const w = selectWalkthrough(store.getState());
      expect(selectWalkthrough(store.getState())).toBe(w);
      expect(w.agrees).toBe(true);
      const s = store.getState();
      const g = backward('torch', s.inputs.x, s.inputs.W, s.outputs.dY);
      const want = kind === 'dY/dW' ? g.dW.data : kind === 'dY/dX' ? g.dX.data : g.db;
      Array.from(want).forEach((v, k) => expect(w.rolled.data[k]).toBeCloseTo(v, 12));
    }
    const before = selectWalkthrough(store.getState());
    store.getState().setSeed(123);
    const after = selectWalkthrough(store.getState());
    expect(after).not.toBe(before);
    expect(after.agrees).toBe(true);
  });
});
