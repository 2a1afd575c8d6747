// The shape of the exercise mode's state: the set (from the link), where the
// learner is, what they typed, and how each exercise went.
import type { Answer, ExerciseKind, QuizSpec, Verdict } from '../core/index.ts';
import type { QuizEngine } from '../core/exercises/engine.ts';

/** How one exercise went: judged tries, hints taken, whether the first judged try was right, and whether it is solved. */
export interface QuizRecord {
  tries: number;
  hints: number;
  /** Right at the first judged try (null before any). */
  firstTry: boolean | null;
  solved: boolean;
  /** The kind the exercise was when first judged (what an adaptive set learns from); null before. */
  kind: ExerciseKind | null;
}

/** Where progress is kept between visits (the page's localStorage, say), by a key naming the set. */
export interface ProgressStorage {
  load(key: string): string | null;
  save(key: string, text: string): void;
  remove(key: string): void;
}

/** Progress kept nowhere. */
export const NO_PROGRESS: ProgressStorage = { load: () => null, save: () => {}, remove: () => {} };

/** The exercise mode. */
export interface QuizSlice {
  /** The set, or null outside the mode. */
  quiz: QuizSpec | null;
  quizIndex: number;
  /** What was typed or chosen for each exercise, kept as it is. */
  quizDrafts: Readonly<Record<number, Answer>>;
  quizRecords: Readonly<Record<number, QuizRecord>>;
  /** What the last Check said about the exercise shown (null after moving on). */
  quizVerdict: Verdict | null;
  /** The exercises' generation and checking, loaded when the mode first opens (null until then). */
  quizEngine: QuizEngine | null;
  /** Opens the mode on a set; resolves once its exercises can be made. */
  openQuiz(spec: QuizSpec): Promise<void>;
  /** Resolves once the mode's exercises can be made (at once outside the mode). */
  quizReady(): Promise<void>;
  closeQuiz(): void;
  setQuizIndex(k: number): void;
  setQuizDraft(a: Answer): void;
  /** Checks the draft of the exercise shown: invalid answers are said and not counted. */
  submitQuiz(): Verdict;
  takeHint(): void;
  setQuizAdaptive(on: boolean): void;
  resetQuiz(): void;
}
