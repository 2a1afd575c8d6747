// The exercises' generation and checking, as one module the exercise mode loads when it opens (a chunk of its own).
import { checkAnswer, hintAt } from './check.ts';
import { blankAnswer } from './types.ts';
import { exerciseSet } from './set.ts';

export { checkAnswer, hintAt } from './check.ts';
export { blankAnswer } from './types.ts';
export { exerciseSet, kindsOf } from './set.ts';
export { makeExercise } from './generate.ts';
export { BUG_IDS, BUGS, bugsFor, buggyGradient } from './bugs.ts';
export { numericGradient } from './numeric.ts';

/** What the store calls once the module is loaded. */
export const ENGINE = { exerciseSet, hintAt, checkAnswer, blankAnswer };
export type QuizEngine = typeof ENGINE;
