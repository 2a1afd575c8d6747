// The step script for playback: an ordered list of plain records, each naming
// the cells it reads, the cells it writes with their values after the step,
// and a narration. It walks the lesson's graph: each node's rule says how the
// player computes it (a cell, a sample or all at once, or a running sum over
// samples) and what to say. Running sums add the rule's terms in order, the
// order dense.ts sums in, so the last step ends exactly on backward's numbers.
import { ENGLISH, type NumberFormat } from './format.ts';
import { type LessonGraph, lessonGraph } from './graph.ts';
import { axesOf, cellsBySample, layoutShape } from './layout.ts';
import type { CellRef, MatrixName } from './nodes.ts';
import type { ComputedRule, DerivationContext, Narration, NodeRule, Phase, Schedule, StepGroup } from './ops/types.ts';
import { uniqueCells } from './derivation.ts';
import { cellValue, nodeShape } from './values.ts';

export type { Phase, Schedule } from './ops/types.ts';

/** The matrices a script can compute, in the order a lesson with an activation fills them. */
export const COMPUTED: readonly MatrixName[] = ['z', 'y', 'L', 'dY', 'dZ', 'dW', 'db', 'dX'];

/** A matrix a script writes. */
export type ComputedName = MatrixName;

/** Fine: one y element at a time. Coarse: a row or a sample at a time, about 40 steps at most. */
export type Granularity = 'fine' | 'coarse';

/** A cell written by a step, with its value after the step. */
export interface StepWrite {
  cell: CellRef;
  value: number;
  /** The value before the step (0 for a fresh cell), so a view can count up. */
  from: number;
}

/** One step of the script. */
export interface Step {
  id: string;
  phase: Phase;
  /** The matrix this step works on, for phase markers and grouping. */
  target: MatrixName;
  reads: CellRef[];
  writes: StepWrite[];
  /** For steps of a running sum: how many samples the sum now holds. */
  samplesDone?: number;
  narration: Narration;
}

/** A whole script, with where each phase and matrix starts. */
export interface Script {
  granularity: Granularity;
  steps: Step[];
  /** The matrices the script writes, in order. */
  nodes: MatrixName[];
  /** How each of them is computed at this grain. */
  schedules: Partial<Record<MatrixName, Schedule>>;
  /** Index of the first step of each phase. */
  phaseStart: Record<Phase, number>;
  /** Index of the first step writing each matrix (-1 when none does). */
  targetStart: Record<MatrixName, number>;
}

/** Values on screen after some steps: one array per matrix the script writes, NaN where nothing is written yet. */
export type Snapshot = Partial<Record<MatrixName, Float64Array>>;

/** The largest number of steps the coarse script takes for sizes up to 12: 3B + 5 with an activation. */
export const COARSE_TARGET = 41;

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** The groups of cells a node is written in, at a schedule. */
function groupsOf(ctx: DerivationContext, rule: NodeRule, schedule: Schedule): { group: StepGroup; cells: CellRef[] }[] {
  const { convention: conv, sizes } = ctx;
  const bySample = cellsBySample(rule.layout, conv, sizes).map((cells) => cells.map(([r, c]) => ({ m: rule.node, r, c })));
  const g = (s: number, cell: CellRef | null, samplesDone = 0): StepGroup => ({ schedule, s, cell, samplesDone });
  switch (schedule) {
    case 'cell':
      return bySample.flatMap((cells, s) => cells.map((cell) => ({ group: g(s, cell), cells: [cell] })));
    case 'sample':
      return bySample.map((cells, s) => ({ group: g(s, null), cells }));
    case 'all':
      return [{ group: g(0, null, sizes.B), cells: bySample.flat() }];
    case 'accumulate':
      return range(sizes.B).map((s) => ({ group: g(s, null, s + 1), cells: bySample.flat() }));
  }
}

/** The steps of one node: its values from the lesson, or running sums of its terms. */
function nodeSteps(ctx: DerivationContext, rule: NodeRule, granularity: Granularity, fmt: NumberFormat): Step[] {
  const script = rule.script;
  if (!script) return [];
  const schedule = script[granularity];
  const computed = rule.role === 'computed' ? rule : null;
  const termsOf = new Map<string, ReturnType<ComputedRule['terms']>>();
  const terms = (cell: CellRef) => {
    const k = `${cell.r},${cell.c}`;
    let t = termsOf.get(k);
    if (!t && computed) termsOf.set(k, (t = computed.terms(ctx, cell)));
    return t ?? null;
  };
  // Running sums hold the sum of the terms added so far, one per sample in order.
  const sums = new Map<string, number>();
  return groupsOf(ctx, rule, schedule).map(({ group, cells }) => {
    const reads: CellRef[] = [];
    const writes = cells.map((cell) => {
      const t = terms(cell);
      if (schedule === 'accumulate' && t) {
        const k = `${cell.r},${cell.c}`;
        const from = sums.get(k) ?? 0;
        const term = t.terms[group.s];
        reads.push(...term.factors);
        const value = from + term.value;
        sums.set(k, value);
        return { cell, value, from };
      }
      if (t) for (const term of t.terms) reads.push(...term.factors);
      return { cell, value: cellValue(ctx, cell), from: 0 };
    });
    const id = group.cell ? `${rule.node}-${group.cell.r}-${group.cell.c}` : schedule === 'all' ? rule.node : `${rule.node}-${group.s}`;
    const step: Step = { id, phase: script.phase, target: rule.node, reads: uniqueCells(reads), writes, narration: script.narrate(ctx, group, fmt) };
    if (schedule === 'accumulate') step.samplesDone = group.samplesDone;
    return step;
  });
}

/** Builds the step script of a lesson, narration numbers written by `fmt`. */
export function buildScript(ctx: DerivationContext, granularity: Granularity, fmt: NumberFormat = ENGLISH, graph: LessonGraph = lessonGraph(ctx)): Script {
  const steps: Step[] = [];
  const nodes: MatrixName[] = [];
  const schedules: Script['schedules'] = {};
  for (const rule of graph.nodes) {
    if (!rule.script) continue;
    nodes.push(rule.node);
    schedules[rule.node] = rule.script[granularity];
    steps.push(...nodeSteps(ctx, rule, granularity, fmt));
  }
  const phaseStart: Record<Phase, number> = { forward: -1, loss: -1, backward: -1 };
  const targetStart = Object.fromEntries(COMPUTED.map((m) => [m, -1])) as Record<MatrixName, number>;
  steps.forEach((st, k) => {
    if (phaseStart[st.phase] === -1) phaseStart[st.phase] = k;
    if ((targetStart[st.target] ?? -1) === -1) targetStart[st.target] = k;
  });
  if (phaseStart.forward === -1) phaseStart.forward = 0;
  if (phaseStart.loss === -1) phaseStart.loss = phaseStart.backward;
  return { granularity, steps, nodes, schedules, phaseStart, targetStart };
}

/** How many steps a node takes at a schedule, counted from its shape. */
function stepCount(ctx: DerivationContext, rule: NodeRule, schedule: Schedule): number {
  if (schedule === 'all') return 1;
  if (schedule === 'accumulate') return ctx.sizes.B;
  if (schedule === 'sample') return axesOf(rule.layout, ctx.convention).includes('s') ? ctx.sizes.B : 1;
  const [rows, cols] = layoutShape(rule.layout, ctx.convention, ctx.sizes);
  return rows * cols;
}

/** The granularity to open with: fine when it fits in about 40 steps, coarse otherwise. */
export function defaultGranularity(ctx: DerivationContext, graph: LessonGraph = lessonGraph(ctx)): Granularity {
  const fine = graph.nodes.reduce((n, rule) => n + (rule.script ? stepCount(ctx, rule, rule.script.fine) : 0), 0);
  return fine <= 40 ? 'fine' : 'coarse';
}

/** The values on screen after the first k steps (k = 0: nothing computed yet). */
export function snapshotAt(ctx: DerivationContext, script: Script, k: number): Snapshot {
  const snap: Snapshot = {};
  const cols: Partial<Record<MatrixName, number>> = {};
  for (const m of script.nodes) {
    const [r, c] = nodeShape(m, ctx.convention, ctx.sizes, ctx.loss);
    snap[m] = new Float64Array(r * c).fill(Number.NaN);
    cols[m] = c;
  }
  const end = Math.max(0, Math.min(k, script.steps.length));
  for (let n = 0; n < end; n++)
    for (const w of script.steps[n].writes) {
      const arr = snap[w.cell.m];
      if (arr) arr[w.cell.r * (cols[w.cell.m] ?? 1) + w.cell.c] = w.value;
    }
  return snap;
}

/** How many samples each running sum holds after the first k steps. */
export function samplesDoneAt(script: Script, k: number): Partial<Record<MatrixName, number>> {
  const out: Partial<Record<MatrixName, number>> = {};
  for (let n = 0; n < Math.min(k, script.steps.length); n++) {
    const st = script.steps[n];
    if (st.samplesDone !== undefined) out[st.target] = st.samplesDone;
  }
  return out;
}
