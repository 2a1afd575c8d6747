// The exercise mode's slice: the set (from the link or the Practice button),
// the exercise shown, what was typed for each (kept as typed), and how each
// went, kept in the page's storage under a key naming the set and the lesson.
import type { StateCreator } from 'zustand/vanilla';
import { HINT_LEVELS, isExerciseKind, type QuizSpec, type Verdict } from '../core/index.ts';
import type { QuizSelectors } from './quizSelectors.ts';
import type { ProgressStorage, QuizRecord, QuizSlice } from './quizState.ts';
import type { AppState } from './state.ts';
import { writeQuiz } from './quizLink.ts';

const EMPTY: QuizRecord = { tries: 0, hints: 0, firstTry: null, solved: false, kind: null };

/** The storage key of a set's progress: the set and the lesson it is on, so other sets and lessons keep theirs. */
export function progressKey(s: Pick<AppState, 'config' | 'seed'>, spec: QuizSpec): string {
  const c = s.config;
  return `backprop-dense.quiz:${writeQuiz(spec)}:${spec.seed}:${spec.count}|${c.convention},${c.B},${c.N},${c.T},${c.loss},${c.activation},${s.seed}`;
}

/** Progress read back from storage, field by field; anything else is dropped. */
export function readProgress(text: string | null): Record<number, QuizRecord> {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const out: Record<number, QuizRecord> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const index = Number(k);
    if (!Number.isInteger(index) || index < 0 || typeof v !== 'object' || v === null) continue;
    const r = v as Record<string, unknown>;
    const count = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
    out[index] = {
      tries: count(r.tries),
      hints: Math.min(HINT_LEVELS, count(r.hints)),
      firstTry: typeof r.firstTry === 'boolean' ? r.firstTry : null,
      solved: r.solved === true,
      kind: typeof r.kind === 'string' && isExerciseKind(r.kind) ? r.kind : null,
    };
  }
  return out;
}

/** Creates the quiz slice, open on the link's set or closed. */
export function createQuizSlice(select: { quiz: QuizSelectors }, start: { quiz: QuizSpec | null }, storage: ProgressStorage): StateCreator<AppState, [], [], QuizSlice> {
  return (set, get) => {
    const save = () => {
      const s = get();
      if (s.quiz) storage.save(progressKey(s, s.quiz), JSON.stringify(s.quizRecords));
    };
    const record = (k = get().quizIndex) => get().quizRecords[k] ?? EMPTY;
    const update = (patch: Partial<QuizRecord>) => {
      const s = get();
      set({ quizRecords: { ...s.quizRecords, [s.quizIndex]: { ...record(), ...patch } } });
      save();
    };
    // The engine, fetched once per store the first time the mode opens.
    let loading: Promise<void> | null = null;
    const load = (): Promise<void> => {
      if (get().quizEngine) return Promise.resolve();
      loading ??= import('../core/exercises/engine.ts').then((m) => set({ quizEngine: m.ENGINE }));
      return loading;
    };
    const opened = (spec: QuizSpec) => ({ quiz: spec, quizIndex: 0, quizDrafts: {}, quizVerdict: null, quizRecords: readProgress(storage.load(progressKey(get(), spec))) });
    return {
      quiz: start.quiz,
      quizIndex: 0,
      quizDrafts: {},
      quizRecords: {},
      quizVerdict: null,
      quizEngine: null,
      openQuiz: (spec) => {
        set(opened(spec));
        return load();
      },
      quizReady: () => (get().quiz ? load() : Promise.resolve()),
      closeQuiz: () => set({ quiz: null, quizVerdict: null, linked: [] }),
      setQuizIndex: (k) => {
        const n = select.quiz.exercises(get()).length;
        const index = Math.max(0, Math.min(n - 1, Math.trunc(k)));
        if (index !== get().quizIndex) set({ quizIndex: index, quizVerdict: null, linked: [] });
      },
      setQuizDraft: (a) => set({ quizDrafts: { ...get().quizDrafts, [get().quizIndex]: a } }),
      submitQuiz: (): Verdict => {
        const s = get();
        const ex = select.quiz.current(s);
        const draft = s.quizDrafts[s.quizIndex];
        const engine = s.quizEngine;
        if (!ex || !engine) return { status: 'wrong' };
        const verdict = engine.checkAnswer(ex, draft && draft.kind === ex.kind ? draft : engine.blankAnswer(ex.kind));
        set({ quizVerdict: verdict });
        if (verdict.status === 'invalid') return verdict;
        const r = record();
        const right = verdict.status === 'correct';
        update({ tries: r.tries + 1, firstTry: r.firstTry ?? right, solved: r.solved || right, kind: r.kind ?? ex.kind });
        // Solved: the derivation panel explains the cell, as it does outside the mode.
        if (right && (ex.kind === 'predict' || ex.kind === 'deps')) get().setFocus(ex.cell);
        return verdict;
      },
      takeHint: () => {
        const r = record();
        if (r.hints >= HINT_LEVELS || r.solved) return;
        update({ hints: r.hints + 1 });
        const hints = select.quiz.hints(get());
        set({ linked: hints[hints.length - 1]?.cells ?? [] });
      },
      setQuizAdaptive: (on) => {
        const q = get().quiz;
        if (q && q.adaptive !== on) set(opened({ ...q, adaptive: on }));
      },
      resetQuiz: () => {
        const s = get();
        if (s.quiz) storage.remove(progressKey(s, s.quiz));
        set({ quizRecords: {}, quizDrafts: {}, quizIndex: 0, quizVerdict: null, linked: [] });
      },
    };
  };
}
