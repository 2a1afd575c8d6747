// An exercise set: a seeded list of exercises of the kinds asked for, in a
// seeded order; adaptive, each exercise not yet answered is of a kind drawn
// with more weight on the kinds the learner has missed.
import type { LessonGraph } from '../graph.ts';
import { lessonGraph } from '../graph.ts';
import type { DerivationContext } from '../ops/types.ts';
import { createRng } from '../random.ts';
import { exerciseSeed, makeExercise, shuffled } from './generate.ts';
import { EXERCISE_KINDS, MISS_WEIGHT, type Exercise, type ExerciseKind, type Outcome, type QuizSpec } from './types.ts';

/**
 * The kind of every exercise of a set. Without adapting, the kinds take turns in a seeded order. Adapting, the
 * exercises already answered keep their kinds, and each one after is drawn with weight 1 + MISS_WEIGHT · misses.
 */
export function kindsOf(spec: QuizSpec, outcomes: readonly Outcome[] = []): ExerciseKind[] {
  const kinds = spec.kinds.length > 0 ? spec.kinds : EXERCISE_KINDS;
  const order = shuffled(createRng(exerciseSeed(spec.seed, -1)), kinds);
  const turns = Array.from({ length: spec.count }, (_, k) => order[k % order.length]);
  if (!spec.adaptive) return turns;
  const misses = new Map<ExerciseKind, number>();
  for (const o of outcomes) if (!o.correct) misses.set(o.kind, (misses.get(o.kind) ?? 0) + 1);
  const weights = kinds.map((k) => 1 + MISS_WEIGHT * (misses.get(k) ?? 0));
  const total = weights.reduce((a, w) => a + w, 0);
  return turns.map((turn, k) => {
    if (k < outcomes.length) return outcomes[k].kind;
    if (misses.size === 0) return turn;
    let u = createRng(exerciseSeed(spec.seed, 1000 + k)).uniform() * total;
    for (let q = 0; q < kinds.length; q++) if ((u -= weights[q]) < 0) return kinds[q];
    return kinds[kinds.length - 1];
  });
}

/** The exercises of a set for a lesson; a kind the lesson has none of (no mistake applies) gives way to the next kind in order. */
export function exerciseSet(ctx: DerivationContext, spec: QuizSpec, outcomes: readonly Outcome[] = [], graph: LessonGraph = lessonGraph(ctx)): Exercise[] {
  return kindsOf(spec, outcomes).map((kind, index) => {
    const start = EXERCISE_KINDS.indexOf(kind);
    for (let q = 0; q < EXERCISE_KINDS.length; q++) {
      const ex = makeExercise(ctx, EXERCISE_KINDS[(start + q) % EXERCISE_KINDS.length], spec.seed, index, graph);
      if (ex) return ex;
    }
    throw new Error('exerciseSet: no exercise of any kind');
  });
}
