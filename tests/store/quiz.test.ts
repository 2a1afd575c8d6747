// The exercise mode's store: the link's set, answers checked with nothing typed lost, hints, progress kept and reset.
import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../src/core/index.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import type { ProgressStorage } from '../../src/store/quizState.ts';

function memoryStorage(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, load: (k) => data.get(k) ?? null, save: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

/** A right answer to an exercise, as a learner would give it. */
function rightAnswer(ex: Exercise) {
  switch (ex.kind) {
    case 'predict':
      return { kind: 'predict' as const, text: String(ex.answer) };
    case 'deps':
      return { kind: 'deps' as const, cells: ex.answer };
    case 'shape':
      return { kind: 'shape' as const, rows: String(ex.answer[0]), cols: String(ex.answer[1]) };
    case 'formula':
      return { kind: 'formula' as const, choice: ex.answer };
    case 'bug':
      return { kind: 'bug' as const, node: ex.answer };
  }
}

describe('the quiz slice', () => {
  it('reads quiz=, qseed and qn from the link and writes them back, saying what was wrong', () => {
    const { state, notices } = decodeUrl('?quiz=predict,bug,adaptive,nonsense&qseed=42&qn=99');
    expect(state.quiz).toEqual({ kinds: ['predict', 'bug'], adaptive: true, seed: 42, count: 20 });
    expect(notices.map((n) => n.param)).toEqual(['quiz', 'qn']);
    expect(encodeUrl(state)).toContain('quiz=predict,bug,adaptive&qseed=42&qn=20');
    expect(decodeUrl('?quiz=all').state.quiz).toEqual({ kinds: ['predict', 'deps', 'shape', 'formula', 'bug'], adaptive: false, seed: 1, count: 5 });
    const store = createAppStore('?quiz=all&qseed=3&qn=4&seed=9');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toContain('quiz=all&qseed=3&qn=4');
    // The lesson's own seed is untouched by the set's.
    expect(store.getState().seed).toBe(9);
  });

  it('refuses empty and non-numeric answers without counting them, counts wrong ones, and keeps what was typed', async () => {
    const store = createAppStore('?quiz=predict&qn=2&qseed=5');
    await store.getState().quizReady();
    const s = () => store.getState();
    expect(s().submitQuiz()).toEqual({ status: 'invalid', problem: { key: 'quiz.problem.empty' } });
    // Reopening the same set keeps the engine: no second load.
    await s().openQuiz(s().quiz ?? { kinds: [], count: 1, seed: 1, adaptive: false });
    s().setQuizDraft({ kind: 'predict', text: 'abc' });
    expect(s().submitQuiz().status).toBe('invalid');
    expect(s().quizRecords[0]).toBeUndefined();
    s().setQuizDraft({ kind: 'predict', text: '12345' });
    expect(s().submitQuiz().status).toBe('wrong');
    s().setQuizIndex(1);
    s().setQuizIndex(0);
    expect(s().quizDrafts[0]).toEqual({ kind: 'predict', text: '12345' });
    s().takeHint();
    expect(store.select.quiz.hints(s()).map((h) => h.level)).toEqual([1]);
    expect(s().linked.length).toBeGreaterThan(0);
    const ex = store.select.quiz.current(s());
    if (!ex) throw new Error('no exercise');
    expect(store.select.quiz.asking(s())).toBe(true);
    s().setQuizDraft(rightAnswer(ex));
    expect(s().submitQuiz().status).toBe('correct');
    expect(s().quizRecords[0]).toMatchObject({ tries: 2, hints: 1, firstTry: false, solved: true, kind: 'predict' });
    expect(store.select.quiz.asking(s())).toBe(false);
    if (ex.kind === 'predict') expect(s().focus).toEqual(ex.cell);
  });

  it('keeps progress under a key naming the set and lesson, shows it again on return, and resets it', async () => {
    const storage = memoryStorage();
    const a = createAppStore('?quiz=all&qn=5&qseed=2', { progress: storage });
    await a.getState().quizReady();
    for (let k = 0; k < 5; k++) {
      a.getState().setQuizIndex(k);
      const ex = a.select.quiz.current(a.getState());
      if (!ex) throw new Error('no exercise');
      a.getState().setQuizDraft(rightAnswer(ex));
      expect(a.getState().submitQuiz().status).toBe('correct');
    }
    expect(a.select.quiz.score(a.getState())).toEqual({ n: 5, answered: 5, correct: 5, hints: 0, complete: true });
    expect(storage.data.size).toBe(1);
    const b = createAppStore('?quiz=all&qn=5&qseed=2', { progress: storage });
    await b.getState().quizReady();
    expect(b.select.quiz.score(b.getState()).correct).toBe(5);
    // Another set keeps its own progress.
    const c = createAppStore('?quiz=all&qn=5&qseed=3', { progress: storage });
    await c.getState().quizReady();
    expect(c.select.quiz.score(c.getState()).answered).toBe(0);
    b.getState().resetQuiz();
    expect(storage.data.size).toBe(0);
    expect(b.select.quiz.score(b.getState()).answered).toBe(0);
  });

  it('hides the predicted cell and everything computed from it until it is answered', async () => {
    const store = createAppStore('?quiz=predict&qn=3&qseed=1');
    await store.getState().quizReady();
    const ex = store.select.quiz.current(store.getState());
    if (!ex || ex.kind !== 'predict') throw new Error('no predict exercise');
    const hidden = store.select.quiz.hidden(store.getState());
    expect(hidden[ex.cell.m]).toEqual(new Set([`${ex.cell.r},${ex.cell.c}`]));
    if (ex.cell.m === 'y') expect(hidden.dW).toBe('all');
  });

  it('adapts: after a miss, the exercises not yet answered are drawn again with more of the kind missed; those answered keep theirs', async () => {
    const store = createAppStore('?quiz=all,adaptive&qn=12&qseed=3');
    await store.getState().quizReady();
    const s = () => store.getState();
    const before = store.select.quiz.exercises(s()).map((e) => e.kind);
    const missed = before[0];
    const ex = store.select.quiz.current(s());
    if (!ex) throw new Error('no exercise');
    // A wrong answer of the first exercise's kind.
    const wrong = { predict: { kind: 'predict', text: '123456' }, shape: { kind: 'shape', rows: '99', cols: '99' }, formula: { kind: 'formula', choice: ex.kind === 'formula' ? (ex.answer + 1) % 4 : 0 }, bug: { kind: 'bug', node: ex.kind === 'bug' ? (ex.gradients.find((g) => g.node !== ex.answer)?.node ?? null) : null }, deps: { kind: 'deps', cells: [{ m: 'x', r: 0, c: 0 }, { m: 'W', r: 9, c: 9 }] } } as const;
    s().setQuizDraft(wrong[ex.kind]);
    expect(s().submitQuiz().status).toBe('wrong');
    const after = store.select.quiz.exercises(s()).map((e) => e.kind);
    expect(after[0]).toBe(missed);
    expect(after.filter((k) => k === missed).length).toBeGreaterThanOrEqual(before.filter((k) => k === missed).length);
    expect(after).not.toEqual(before);
  });
});
