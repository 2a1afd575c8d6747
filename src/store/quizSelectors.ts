// What the exercise mode shows, derived per store: the set's exercises for the
// lesson (re-drawn as an adaptive set learns), the exercise shown, its hints,
// the score, and the cells its question hides.
import type { DerivationContext, Exercise, ExerciseKind, Hint, LessonGraph, MatrixName, Outcome } from '../core/index.ts';
import { memo } from './memo.ts';
import type { AppState } from './state.ts';

/** The score so far: answered, right first time (without a hint), hints used, and whether the set is complete. */
export interface QuizScore {
  n: number;
  answered: number;
  correct: number;
  hints: number;
  complete: boolean;
}

/** The selectors of the exercise mode. */
export interface QuizSelectors {
  exercises(s: AppState): Exercise[];
  current(s: AppState): Exercise | null;
  hints(s: AppState): Hint[];
  score(s: AppState): QuizScore;
  /** Matrices whose cells the exercise shown hides (all of them, or one cell as 'r,c'), until it is solved. */
  hidden(s: AppState): Partial<Record<MatrixName, ReadonlySet<string> | 'all'>>;
  /** True while the exercise shown is not solved: the derivation panel would give it away. */
  asking(s: AppState): boolean;
}

/** A set is passed with at least half its exercises right first time. */
export const passed = (score: Pick<QuizScore, 'correct' | 'n'>): boolean => score.n > 0 && score.correct * 2 >= score.n;

/** Right first time and without a hint: what a set's score counts, and what an adaptive set learns from. */
export const rightFirstTime = (r: { firstTry: boolean | null; hints: number } | undefined): boolean => r?.firstTry === true && r.hints === 0;

/** Creates the exercise mode's selectors over the lesson's. */
export function createQuizSelectors(ctx: (s: AppState) => DerivationContext, graph: (s: AppState) => LessonGraph): QuizSelectors {
  // An adaptive set learns from the exercises answered from the first on, each with the kind it was.
  const exercises = memo(
    (s: AppState) => [s.quizEngine, s.quiz, s.quiz && s.quizEngine ? ctx(s) : null, graph(s), s.quiz?.adaptive ? s.quizRecords : null] as const,
    (engine, quiz, c, g, records): Exercise[] => {
      if (!quiz || !engine || !c) return [];
      const learned: Outcome[] = [];
      for (let k = 0; records && records[k]?.kind; k++) learned.push({ kind: records[k].kind as ExerciseKind, correct: rightFirstTime(records[k]) });
      return engine.exerciseSet(c, quiz, learned, g);
    },
  );
  const current = (s: AppState) => exercises(s)[s.quizIndex] ?? null;
  const hints = memo(
    (s: AppState) => [s.quizEngine, current(s), s.quizRecords[s.quizIndex]?.hints ?? 0, graph(s), ctx(s)] as const,
    (engine, ex, n, g, c): Hint[] => (ex && engine ? Array.from({ length: n }, (_, k) => engine.hintAt(c, ex, k + 1, g)) : []),
  );
  const score = memo((s: AppState) => [s.quizRecords, exercises(s).length] as const, (records, n): QuizScore => {
    const rs = Object.entries(records).filter(([k]) => Number(k) < n).map(([, r]) => r);
    const answered = rs.filter((r) => r.tries > 0).length;
    return { n, answered, correct: rs.filter(rightFirstTime).length, hints: rs.reduce((a, r) => a + r.hints, 0), complete: n > 0 && rs.filter((r) => r.solved).length >= n };
  });
  const asking = (s: AppState) => s.quiz !== null && !(s.quizRecords[s.quizIndex]?.solved ?? false);
  const hidden = memo((s: AppState) => [current(s), asking(s), graph(s)] as const, (ex, ask, g) => {
    const out: Partial<Record<MatrixName, ReadonlySet<string> | 'all'>> = {};
    if (!ex || !ask || ex.kind !== 'predict') return out;
    out[ex.cell.m] = new Set([`${ex.cell.r},${ex.cell.c}`]);
    // Every node computed from the hidden one would give it away: hidden whole.
    const after = new Set<MatrixName>([ex.cell.m]);
    for (const n of g.nodes) if (n.role === 'computed' && n.from.some((m) => after.has(m))) after.add(n.node);
    for (const m of after) if (m !== ex.cell.m) out[m] = 'all';
    return out;
  });
  return { exercises, current, hints, score, hidden, asking };
}
