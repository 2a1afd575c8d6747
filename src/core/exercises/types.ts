// The exercises as data: what each kind asks, its stated answer, and what a
// learner's answer and a hint are. Core generates and checks them; the views
// only lay them out and word their message keys.
import type { CellRef, MatrixName } from '../cells.ts';
import type { JacobianKind } from '../jacobianKinds.ts';
import type { Msg } from '../messages.ts';

/** The five kinds of exercise. */
export type ExerciseKind = 'predict' | 'deps' | 'shape' | 'formula' | 'bug';

/** Every kind, in the order a set lists them and a link names them. */
export const EXERCISE_KINDS: readonly ExerciseKind[] = ['predict', 'deps', 'shape', 'formula', 'bug'];

/** True for a kind's name. */
export const isExerciseKind = (v: string): v is ExerciseKind => (EXERCISE_KINDS as readonly string[]).includes(v);

/** The mistakes a backward pass can have planted in it. */
export type BugId = 'transpose' | 'batch-sum' | 'mean' | 'softmax' | 'slope-at-y';

/** Predict a hidden value. */
export interface PredictExercise {
  kind: 'predict';
  cell: CellRef;
  /** The value, unrounded. */
  answer: number;
  /** How far a typed value may be from it: what the shown inputs' rounding moves the value by, at least half a unit in its third figure. */
  tolerance: number;
}

/** Pick every cell a value depends on, among the cells of the nodes it is computed from. */
export interface DepsExercise {
  kind: 'deps';
  cell: CellRef;
  /** The nodes whose cells are offered. */
  from: MatrixName[];
  /** The cells it depends on, in first-seen order. */
  answer: CellRef[];
}

/** Give a shape: of a gradient as displayed, or of a full Jacobian. */
export interface ShapeExercise {
  kind: 'shape';
  of: { gradient: MatrixName } | { jacobian: JacobianKind };
  /** [rows, cols]. */
  answer: [number, number];
  /** The shape in letters, e.g. ['B·T', 'N·T']. */
  dims: [string, string];
}

/** Choose the matrix-form rule of a gradient among transposed and reordered decoys. */
export interface FormulaExercise {
  kind: 'formula';
  node: MatrixName;
  /** Each option's rule in LaTeX. */
  options: string[];
  /** The index of the right one. */
  answer: number;
}

/** One gradient of a backward pass as shown with a bug planted, and its finite-difference check cell by cell. */
export interface CheckedGradient {
  node: MatrixName;
  rows: number;
  cols: number;
  /** The values shown (wrong for the gradient with the bug). */
  shown: Float64Array;
  /** Central differences of L by the node's value. */
  numeric: Float64Array;
  /** Per cell: the shown value agrees with the numeric one. */
  ok: boolean[];
}

/** Find the gradient a planted mistake made wrong. */
export interface BugExercise {
  kind: 'bug';
  bug: BugId;
  /** The wrong gradient. */
  answer: MatrixName;
  /** The gradients offered, in the order the backward pass computes them. */
  gradients: CheckedGradient[];
}

/** One exercise. */
export type Exercise = PredictExercise | DepsExercise | ShapeExercise | FormulaExercise | BugExercise;

/** A learner's answer, as typed or chosen (text kept as typed). */
export type Answer =
  | { kind: 'predict'; text: string }
  | { kind: 'deps'; cells: readonly CellRef[] }
  | { kind: 'shape'; rows: string; cols: string }
  | { kind: 'formula'; choice: number | null }
  | { kind: 'bug'; node: MatrixName | null };

/** What checking an answer says: right, wrong, or not an answer yet (empty, not a number), with the problem. */
export type Verdict = { status: 'correct' } | { status: 'wrong' } | { status: 'invalid'; problem: Msg };

/** A hint: a sentence, a formula to show beside it (or ''), and cells to outline. */
export interface Hint {
  level: number;
  text: Msg;
  tex: string;
  cells: CellRef[];
}

/** How many hints each exercise has: first the factors involved, then the rule with indices, then the numbers. */
export const HINT_LEVELS = 3;

/** What a set is made from: the kinds, how many exercises, the seed, and whether it adapts. */
export interface QuizSpec {
  kinds: readonly ExerciseKind[];
  count: number;
  seed: number;
  adaptive: boolean;
}

/** The fewest and most exercises a set has. */
export const QUIZ_MIN = 1;
export const QUIZ_MAX = 20;

/** How an answered exercise went: right first time or not. */
export interface Outcome {
  kind: ExerciseKind;
  correct: boolean;
}

/** How much more often a missed kind comes up: each miss adds this to the kind's weight of 1. */
export const MISS_WEIGHT = 2;

/** The answer a learner has given before typing or choosing anything. */
export function blankAnswer(kind: Exercise['kind']): Answer {
  switch (kind) {
    case 'predict':
      return { kind, text: '' };
    case 'deps':
      return { kind, cells: [] };
    case 'shape':
      return { kind, rows: '', cols: '' };
    case 'formula':
      return { kind, choice: null };
    case 'bug':
      return { kind, node: null };
  }
}
