// What the exercise e2e tests compute on their side: the default lesson's exercises, from the same pure core.
export { computeLesson, makeLesson, type Exercise, type QuizSpec } from '../../src/core/index.ts';
export { exerciseSet } from '../../src/core/exercises/engine.ts';
import type { CellRef } from '../../src/core/index.ts';

/** A cell as links and the deps picker write it, `dW:1,0`. */
export const writeCellText = (c: CellRef): string => `${c.m}:${c.r},${c.c}`;
