// The step script for playback: an ordered list of plain records, each naming
// the cells it reads and the cells it writes (as blocks: a whole matrix, a row,
// a column or one cell), the written values before and after the step, and a
// narration. It walks the lesson's graph: each node's rule says how the player
// computes it (a cell, a sample or all at once, or a running sum over samples),
// which cells that reads, and what to say. Running sums add the rule's terms in
// order, the order dense.ts sums in, so the last step ends exactly on
// backward's numbers. Nothing here lists a cell's terms: at the size of an
// MNIST batch they number millions (issue 12).
import { type CellBlock, blockAt } from './blocks.ts';
import { ENGLISH, type NumberFormat } from './format.ts';
import { type LessonGraph, lessonGraph } from './graph.ts';
import { type Idx, axesOf, cellsBySample, layoutShape } from './layout.ts';
import { type CellRef, type MatrixName, idxOf } from './nodes.ts';
import type { ComputedRule, DerivationContext, Narration, NodeRule, Phase, Schedule, StepGroup } from './ops/types.ts';
import { matrixValues, nodeShape } from './values.ts';

export type { Phase, Schedule } from './ops/types.ts';

/** The phases of a script, in the order they run. */
export const PHASES: readonly Phase[] = ['forward', 'loss', 'backward', 'update'];

/** The matrices a script can compute, in the order a lesson with an activation and a learning rate fills them. */
export const COMPUTED: readonly MatrixName[] = ['z', 'y', 'L', 'dY', 'dZ', 'dW', 'db', 'dX', 'Wn', 'bn'];

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

/**
 * One step of the script. What it reads and writes are blocks, and its values typed arrays, so a step of a large
 * lesson costs no more than its numbers (steps share arrays: treat them as read-only).
 */
export interface Step {
  id: string;
  phase: Phase;
  /** The matrix this step works on, for phase markers and grouping. */
  target: MatrixName;
  /**
   * The cells the step reads: those its written cells' terms (a running sum's: this sample's terms) are computed
   * from, as blocks, one per matrix read, none overlapping: a whole matrix, a row, a column or one cell.
   */
  reads: CellBlock[];
  /** The cells the step writes: one block of the target (a cell, a sample's row or column, or all of it). */
  writes: CellBlock;
  /** The written cells' values after the step, row-major in the block. */
  values: Float64Array;
  /** Their values before the step (0 for a fresh cell), so a view can count up. */
  from: Float64Array;
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
  /** Index of the first step of each phase (a phase without steps: where the next one starts). */
  phaseStart: Record<Phase, number>;
  /** The phases that have steps, in order (no loss phase when dL/dy is given upstream). */
  phases: Phase[];
  /** Index of the first step writing each matrix (-1 when none does). */
  targetStart: Record<MatrixName, number>;
}

/** Values on screen after some steps: one array per matrix the script writes, NaN where nothing is written yet. */
export type Snapshot = Partial<Record<MatrixName, Float64Array>>;

/** The largest number of steps the coarse script takes for sizes up to 12: 3B + 5 with an activation, 3B + 7 with an update as well. */
export const COARSE_TARGET = 43;

const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** The cells a step writes, one record each, in the block's row-major order: the first `limit` of them (all by default). */
export function stepWrites(step: Step, limit = Infinity): StepWrite[] {
  const out: StepWrite[] = [];
  const { m, r0, r1, c0, c1 } = step.writes;
  for (let r = r0, k = 0; r < r1 && k < limit; r++)
    for (let c = c0; c < c1 && k < limit; c++, k++) out.push({ cell: { m, r, c }, value: step.values[k], from: step.from[k] });
  return out;
}

/** The steps of a node at a schedule: each step's group, the block it writes, and the indices its reads agree with. */
function groupsOf(ctx: DerivationContext, rule: NodeRule, schedule: Schedule): { group: StepGroup; block: CellBlock; at: Idx }[] {
  const { convention: conv, sizes } = ctx;
  const block = (at: Idx) => blockAt(rule.node, rule.layout, conv, sizes, at);
  const g = (s: number, cell: CellRef | null, samplesDone = 0): StepGroup => ({ schedule, s, cell, samplesDone });
  switch (schedule) {
    case 'cell':
      // Sample by sample, each sample's cells in row-major order.
      return cellsBySample(rule.layout, conv, sizes).flatMap((cells, s) =>
        cells.map(([r, c]) => {
          const at = idxOf({ m: rule.node, r, c }, conv, rule.layout);
          return { group: g(s, { m: rule.node, r, c }), block: block(at), at };
        }),
      );
    case 'sample':
      if (!axesOf(rule.layout, conv).includes('s')) return [{ group: g(0, null), block: block({}), at: {} }];
      return range(sizes.B).map((s) => ({ group: g(s, null), block: block({ s }), at: { s } }));
    case 'all':
      return [{ group: g(0, null, sizes.B), block: block({}), at: {} }];
    case 'accumulate':
      // Every cell, each adding the one term of sample s.
      return range(sizes.B).map((s) => ({ group: g(s, null, s + 1), block: block({}), at: { s } }));
  }
}

/** The values of a block of a matrix (`cols` wide), row-major: a copy of whole rows at once where it spans them. */
function blockValues(data: ArrayLike<number>, cols: number, b: CellBlock): Float64Array {
  if (data instanceof Float64Array && b.c0 === 0 && b.c1 === cols) return data.slice(b.r0 * cols, b.r1 * cols);
  const out = new Float64Array((b.r1 - b.r0) * (b.c1 - b.c0));
  for (let r = b.r0, k = 0; r < b.r1; r++) for (let c = b.c0; c < b.c1; c++, k++) out[k] = data[r * cols + c];
  return out;
}

/** Term k of every cell of a node, row-major: from the rule directly, or from each cell's terms. */
function termOfEvery(ctx: DerivationContext, rule: ComputedRule, k: number): Float64Array {
  if (rule.termAt) return rule.termAt(ctx, k);
  const [rows, cols] = layoutShape(rule.layout, ctx.convention, ctx.sizes);
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = rule.terms(ctx, { m: rule.node, r, c }).terms[k].value;
  return out;
}

/**
 * The steps of one node: its values from the lesson, or running sums of its terms. What a step reads comes from the
 * rule as blocks, and what it writes is copied or summed in typed arrays: a step costs the cells it writes, not the
 * terms behind them.
 */
function nodeSteps(ctx: DerivationContext, rule: NodeRule, granularity: Granularity, fmt: NumberFormat): Step[] {
  const script = rule.script;
  if (!script) return [];
  const schedule = script[granularity];
  const computed = rule.role === 'computed' ? rule : null;
  const final = matrixValues(ctx, rule.node);
  const cols = layoutShape(rule.layout, ctx.convention, ctx.sizes)[1];
  // A running sum's values so far: the sum of the terms of the samples added, in order. Fresh cells count up from 0.
  let sums: Float64Array = new Float64Array(final.length);
  let zeros: Float64Array | null = null;
  return groupsOf(ctx, rule, schedule).map(({ group, block, at }) => {
    let values: Float64Array, from: Float64Array;
    if (schedule === 'accumulate' && computed) {
      // Every cell: the sum so far plus this sample's term (added as dense.ts adds them), in the term's own array.
      values = termOfEvery(ctx, computed, group.s);
      from = sums;
      for (let k = 0; k < values.length; k++) values[k] = from[k] + values[k];
      sums = values;
    } else {
      values = blockValues(final, cols, block);
      // Every step of a node at one schedule writes as many cells, so its steps share one array of zeros.
      from = zeros?.length === values.length ? zeros : (zeros = new Float64Array(values.length));
    }
    const id = group.cell ? `${rule.node}-${group.cell.r}-${group.cell.c}` : schedule === 'all' ? rule.node : `${rule.node}-${group.s}`;
    const reads = computed ? computed.reads(ctx, at) : [];
    const step: Step = { id, phase: script.phase, target: rule.node, reads, writes: block, values, from, narration: script.narrate(ctx, group, fmt) };
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
  const phaseStart: Record<Phase, number> = { forward: -1, loss: -1, backward: -1, update: -1 };
  const targetStart = Object.fromEntries(COMPUTED.map((m) => [m, -1])) as Record<MatrixName, number>;
  steps.forEach((st, k) => {
    if (phaseStart[st.phase] === -1) phaseStart[st.phase] = k;
    if ((targetStart[st.target] ?? -1) === -1) targetStart[st.target] = k;
  });
  const phases = PHASES.filter((p) => phaseStart[p] !== -1);
  if (phaseStart.forward === -1) phaseStart.forward = 0;
  if (phaseStart.loss === -1) phaseStart.loss = phaseStart.backward;
  if (phaseStart.update === -1) phaseStart.update = steps.length;
  return { granularity, steps, nodes, schedules, phaseStart, phases, targetStart };
}

/**
 * How many steps have run when the player shows the first step of phase p (the step counter counts steps run,
 * and shows the last of them), or null when p has no steps.
 */
export function phaseJump(script: Script, p: Phase): number | null {
  return script.phases.includes(p) ? script.phaseStart[p] + 1 : null;
}

/** The phase of the step shown after the first k steps: the last step run, or the first step's before any has. */
export function phaseShown(script: Script, k: number): Phase {
  const n = script.steps.length;
  const shown = k > 0 ? script.steps[Math.min(k, n) - 1] : script.steps[0];
  return shown?.phase ?? 'forward';
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
  for (let n = 0; n < end; n++) {
    const { writes: b, values } = script.steps[n];
    const arr = snap[b.m];
    const c = cols[b.m] ?? 1;
    if (arr) for (let r = b.r0, i = 0; r < b.r1; r++) for (let q = b.c0; q < b.c1; q++, i++) arr[r * c + q] = values[i];
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
