// Derivations of the values shown part-way through the step script: cells not
// yet computed, and running sums that hold only the samples added so far.
import { blockHas } from './blocks.ts';
import { type Derivation, type DerivationContext, computedParts, derive } from './derivation.ts';
import { ENGLISH, type NumberFormat } from './format.ts';
import { type LessonGraph, lessonGraph } from './graph.ts';
import type { CellRef } from './nodes.ts';
import { type Script, samplesDoneAt, snapshotAt } from './script.ts';
import { nodeShape } from './values.ts';

/** The derivation of a cell as it stands after the first k steps of a script. */
export function deriveAtStep(
  ctx: DerivationContext,
  script: Script,
  k: number,
  cell: CellRef,
  fmt: NumberFormat = ENGLISH,
  graph: LessonGraph = lessonGraph(ctx),
): Derivation {
  const full = derive(ctx, cell, fmt, graph);
  if (k >= script.steps.length || !script.nodes.includes(cell.m)) return full;
  const snap = snapshotAt(ctx, script, k);
  const [, cols] = nodeShape(cell.m, ctx.convention, ctx.sizes, ctx.loss);
  const shown = snap[cell.m]?.[cell.r * cols + cell.c] ?? Number.NaN;
  const of = script.steps.length;
  if (Number.isNaN(shown)) {
    const at = script.steps.findIndex((st) => blockHas(st.writes, cell));
    return { ...full, value: Number.NaN, terms: [], progress: { kind: 'pending', at: at + 1, of } };
  }
  if (script.schedules[cell.m] !== 'accumulate') return full;
  const done = samplesDoneAt(script, k)[cell.m] ?? 0;
  const B = ctx.sizes.B;
  const rule = graph.rule(cell.m);
  if (done >= B || rule?.role !== 'computed') return full;
  // The terms of a running sum run over samples in order, so the first `done` are the ones added so far;
  // their numbers get the figures that make what is added so far add up.
  const all = rule.terms(ctx, cell);
  const t = { scale: all.scale, terms: all.terms.slice(0, done) };
  let sum = 0;
  for (const x of t.terms) sum += x.value;
  const value = t.scale * sum;
  return { ...full, ...computedParts(ctx, cell, rule, t, value, fmt), value, progress: { kind: 'partial', done, of: B } };
}
