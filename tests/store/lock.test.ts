// lock=1: the learner cannot change the lesson; pointing, stepping and the
// host's setState still work.
import { describe, expect, it } from 'vitest';
import { applyLessonState, lessonStateOf } from '../../src/embed/lessonState.ts';
import { createAppStore } from '../../src/store/store.ts';

describe('a locked lesson', () => {
  it('refuses every change the learner could make, saying why for edits', () => {
    const store = createAppStore('?lock=1&embed=1');
    const before = lessonStateOf(store);
    const s = store.getState();
    s.setConvention('torch');
    s.setSize('B', 5);
    s.setLoss('sum');
    s.setActivation('relu');
    s.setSeed(99);
    expect(s.editCell({ m: 'x', r: 0, c: 0 }, '3')).toEqual({ ok: false, message: { key: 'edit.locked' } });
    expect(lessonStateOf(store)).toEqual(before);
  });

  it('still hovers, focuses and plays', () => {
    const store = createAppStore('?lock=1');
    store.getState().setFocus({ m: 'dW', r: 0, c: 0 });
    store.getState().setStep(2);
    expect(store.getState().focus).toEqual({ m: 'dW', r: 0, c: 0 });
    expect(store.select.step(store.getState())).toBe(2);
  });

  it('takes the host’s state, and stays locked', () => {
    const store = createAppStore('?lock=1&embed=1');
    expect(applyLessonState(store, { conv: 'column', B: '4' })).toEqual([]);
    expect(store.getState().config).toMatchObject({ convention: 'column', B: 4 });
    expect(store.getState().frame.lock).toBe(true);
  });
});
