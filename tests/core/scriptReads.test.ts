// What a step reads and writes, against the per-term enumeration the script
// used to make (issue 12): the cells behind every term of every cell a step
// writes (a running sum's: that sample's term), and each written value from
// those terms. The reference below is that enumeration, kept small and slow;
// the script now says reads as blocks and sums in typed arrays, and must agree
// with it cell for cell and bit for bit, in every convention, loss,
// activation and grain, with and without an update.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  LOSS_KINDS,
  blockAt,
  blockCells,
  blockHas,
  blockSize,
  buildScript,
  cellValue,
  computeLesson,
  idxOf,
  indicesOf,
  lessonGraph,
  makeLesson,
  nodeLayout,
  nodeShape,
  stepWrites,
  type CellRef,
  type ComputedRule,
  type DerivationContext,
  type Granularity,
  type Idx,
  type IndexName,
  type LessonConfig,
  type LessonGraph,
  type NodeRule,
  type StepWrite,
} from '../../src/core/index.ts';

fc.configureGlobal({ seed: 20261202, numRuns: 6 });

const GRAINS: readonly Granularity[] = ['fine', 'coarse'];
const COMBOS = CONVENTIONS.flatMap((conv) => LOSS_KINDS.flatMap((loss) => ACTIVATIONS.map((act) => [conv, loss, act] as const)));
const sizes = fc.record({ B: fc.integer({ min: 1, max: 5 }), N: fc.integer({ min: 1, max: 5 }), T: fc.integer({ min: 1, max: 5 }) });
const lrArb = fc.option(fc.constantFrom(0.1, 0.5), { nil: undefined });

const ctxOf = (cfg: LessonConfig, seed: number): DerivationContext => {
  const inputs = makeLesson(cfg, seed);
  const activation = cfg.activation ?? 'identity';
  return { convention: cfg.convention, loss: cfg.loss, activation, lr: cfg.lr, sizes: cfg, inputs, outputs: computeLesson(cfg.convention, cfg.loss, inputs, activation, cfg.lr) };
};

const key = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** Every cell of a node, row-major. */
function cellsOf(ctx: DerivationContext, rule: NodeRule): CellRef[] {
  const [rows, cols] = nodeShape(rule.node, ctx.convention, ctx.sizes, ctx.loss);
  return Array.from({ length: rows * cols }, (_, k) => ({ m: rule.node, r: Math.floor(k / cols), c: k % cols }));
}

/** A reference step: the cells written with their values, and the keys of the cells read. */
interface RefStep {
  writes: StepWrite[];
  reads: Set<string>;
}

/**
 * The script's steps as the per-term enumeration made them: each step's cells (one cell; a sample's cells, or all
 * where the node has no sample index; all of them; or all of them adding sample s's term), the factor cells of
 * their terms, and their values: the lesson's, or the running sum of the terms added so far.
 */
function referenceSteps(ctx: DerivationContext, graph: LessonGraph, g: Granularity): RefStep[] {
  const out: RefStep[] = [];
  for (const rule of graph.nodes) {
    if (!rule.script) continue;
    const schedule = rule.script[g];
    const computed = rule.role === 'computed' ? rule : null;
    const all = cellsOf(ctx, rule);
    const hasS = indicesOf(rule.layout, ctx.convention).includes('s');
    const sampleOf = (c: CellRef) => (hasS ? (idxOf(c, ctx.convention, rule.layout).s ?? 0) : 0);
    const samples = hasS ? Array.from({ length: ctx.sizes.B }, (_, s) => s) : [0];
    const bySample = samples.map((s) => all.filter((c) => sampleOf(c) === s));
    const groups: { cells: CellRef[]; term: number | null }[] =
      schedule === 'cell'
        ? bySample.flat().map((c) => ({ cells: [c], term: null }))
        : schedule === 'sample'
          ? bySample.map((cells) => ({ cells, term: null }))
          : schedule === 'all'
            ? [{ cells: all, term: null }]
            : Array.from({ length: ctx.sizes.B }, (_, s) => ({ cells: all, term: s }));
    const sums = new Map<string, number>();
    for (const { cells, term } of groups) {
      const reads = new Set<string>();
      const writes = cells.map((cell): StepWrite => {
        const t = computed?.terms(ctx, cell);
        if (!t) return { cell, value: cellValue(ctx, cell), from: 0 };
        const used = term === null ? t.terms : [t.terms[term]];
        for (const x of used) for (const f of x.factors) reads.add(key(f));
        if (term === null) return { cell, value: cellValue(ctx, cell), from: 0 };
        const from = sums.get(key(cell)) ?? 0;
        const value = from + t.terms[term].value;
        sums.set(key(cell), value);
        return { cell, value, from };
      });
      out.push({ writes, reads });
    }
  }
  return out;
}

/** A rule as it would be without a fast path for the terms of a running sum. */
const withoutTermAt = (rule: NodeRule): NodeRule => (rule.role === 'computed' ? { ...rule, termAt: undefined } : rule);

/** Checks a script against the reference: the same steps, writing the same values, reading the same cells. */
function expectLikeReference(ctx: DerivationContext, g: Granularity, slow = false): void {
  const graph = lessonGraph(ctx);
  const script = buildScript(ctx, g, undefined, slow ? { ...graph, nodes: graph.nodes.map(withoutTermAt) } : graph);
  const ref = referenceSteps(ctx, graph, g);
  expect(script.steps.length, g).toBe(ref.length);
  script.steps.forEach((st, k) => {
    const where = `${g} step ${k} (${st.id})`;
    // Bit for bit: the values, the values counted up from, and the cells, in order.
    expect(stepWrites(st), where).toEqual(ref[k].writes);
    const cells = blockCells(st.reads);
    expect(new Set(cells.map(key)), where).toEqual(ref[k].reads);
    // No cell is read twice, and each matrix read is one block inside its shape.
    expect(cells.length, where).toBe(ref[k].reads.size);
    expect(blockSize(st.reads), where).toBe(cells.length);
    expect(new Set(st.reads.map((b) => b.m)).size, where).toBe(st.reads.length);
    for (const b of st.reads) {
      const [rows, cols] = nodeShape(b.m, ctx.convention, ctx.sizes, ctx.loss);
      expect(b.r0 >= 0 && b.r0 < b.r1 && b.r1 <= rows && b.c0 >= 0 && b.c0 < b.c1 && b.c1 <= cols, `${where}: ${JSON.stringify(b)}`).toBe(true);
    }
  });
}

describe('what a step reads and writes', () => {
  it.each(COMBOS)('%s, %s, %s: the same cells and values as the per-term enumeration, at both grains, with or without an update', (convention, loss, activation) => {
    fc.assert(
      fc.property(sizes, lrArb, fc.integer(), (s, lr, seed) => {
        const ctx = ctxOf({ convention, loss, activation, lr, ...s }, seed);
        for (const g of GRAINS) expectLikeReference(ctx, g);
      }),
    );
  });

  it.each(CONVENTIONS)('%s: sums a running sum from each cell\'s terms alike when its rule has no termAt', (convention) => {
    fc.assert(
      fc.property(sizes, fc.constantFrom(...ACTIVATIONS), fc.integer(), (s, activation, seed) => {
        const ctx = ctxOf({ convention, loss: 'mse', activation, ...s }, seed);
        for (const g of GRAINS) expectLikeReference(ctx, g, true);
      }),
    );
  });

  it('keeps each step to a few blocks at the size of an MNIST batch, and never asks a rule for its terms', () => {
    const ctx = ctxOf({ convention: 'torch', loss: 'softmax-ce', activation: 'identity', lr: 0.1, B: 64, N: 784, T: 10 }, 1);
    const graph = lessonGraph(ctx);
    // Terms are what made the script take seconds: one per product, millions at this size.
    const refuse = (rule: NodeRule): NodeRule =>
      rule.role === 'computed'
        ? {
            ...rule,
            terms: () => {
              throw new Error(`buildScript asked ${rule.node} for its terms`);
            },
          }
        : rule;
    const strict: LessonGraph = { ...graph, nodes: graph.nodes.map(refuse) };
    for (const g of GRAINS) {
      const script = buildScript(ctx, g, undefined, strict);
      expect(Math.max(...script.steps.map((st) => st.reads.length)), g).toBeLessThanOrEqual(3);
      // z a sample at a time reads that sample's row of x, all of W and all of b.
      const z = script.steps.find((st) => st.id === (g === 'fine' ? 'y-0-3' : 'y-5'));
      expect(z?.reads, g).toEqual(
        g === 'fine'
          ? [{ m: 'x', r0: 0, r1: 1, c0: 0, c1: 784 }, { m: 'W', r0: 3, r1: 4, c0: 0, c1: 784 }, { m: 'b', r0: 0, r1: 1, c0: 3, c1: 4 }]
          : [{ m: 'x', r0: 5, r1: 6, c0: 0, c1: 784 }, { m: 'W', r0: 0, r1: 10, c0: 0, c1: 784 }, { m: 'b', r0: 0, r1: 1, c0: 0, c1: 10 }],
      );
      // The last step of the running sum dL/dW ends exactly on backward's numbers.
      const dW = script.steps[script.targetStart.db - 1];
      expect(dW.samplesDone).toBe(64);
      expect(Array.from(dW.values)).toEqual(Array.from(ctx.outputs.dW.data));
    }
  });
});

describe('what a rule says it reads', () => {
  /** Every way of fixing some of a node's own indices: each index left free or set to one of its values. */
  function fixings(ctx: DerivationContext, rule: NodeRule): Idx[] {
    const size: Record<IndexName, number> = { s: ctx.sizes.B, i: ctx.sizes.N, j: ctx.sizes.T };
    return indicesOf(rule.layout, ctx.convention).reduce<Idx[]>(
      (acc, k) => acc.flatMap((at) => [at, ...Array.from({ length: size[k] }, (_, v) => ({ ...at, [k]: v }))]),
      [{}],
    );
  }

  it('reads, for any of its own indices fixed, the factor cells of every cell that agrees, and its term values are its terms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONVENTIONS), fc.constantFrom(...LOSS_KINDS), fc.constantFrom(...ACTIVATIONS), lrArb, sizes, (convention, loss, activation, lr, s) => {
        const ctx = ctxOf({ convention, loss, activation, lr, ...s }, 3);
        for (const rule of lessonGraph(ctx).nodes) {
          if (rule.role !== 'computed') continue;
          const cells = cellsOf(ctx, rule);
          for (const at of fixings(ctx, rule)) {
            const picked = cells.filter((c) => blockHas(blockAt(rule.node, rule.layout, ctx.convention, ctx.sizes, at), c));
            const want = new Set(picked.flatMap((c) => rule.terms(ctx, c).terms.flatMap((t) => t.factors.map(key))));
            expect(new Set(blockCells(rule.reads(ctx, at)).map(key)), `${rule.node} at ${JSON.stringify(at)}`).toEqual(want);
          }
          expectTermsAt(ctx, rule, cells);
        }
      }),
      { numRuns: 60 },
    );
  });

  /** termAt(k) holds term k of every cell, bit for bit, for every k (the added node's term too). */
  function expectTermsAt(ctx: DerivationContext, rule: ComputedRule, cells: CellRef[]): void {
    if (!rule.termAt) return;
    const n = rule.terms(ctx, cells[0]).terms.length;
    for (let k = 0; k < n; k++) {
      const got = rule.termAt(ctx, k);
      expect(Array.from(got), `${rule.node} term ${k}`).toEqual(cells.map((c) => rule.terms(ctx, c).terms[k].value));
    }
    expect(() => rule.termAt?.(ctx, n), `${rule.node} has no term ${n}`).toThrow(RangeError);
  }

  it('reads, with the summed index fixed, that product of every cell and not the added node', () => {
    // Row convention: y_{sj} = Σ_i x_{si} W_{ij} + b_j. Fixing s = 0 and i = 1 picks the term x_{0,1} W_{1,j} of y's first row.
    const ctx = ctxOf({ convention: 'row', loss: 'sum', B: 2, N: 3, T: 2 }, 1);
    const y = lessonGraph(ctx).rule('y');
    if (y?.role !== 'computed') throw new Error('y is computed');
    const want = new Set([0, 1].flatMap((j) => y.terms(ctx, { m: 'y', r: 0, c: j }).terms[1].factors.map(key)));
    expect(y.reads(ctx, { s: 0, i: 1 })).toEqual([{ m: 'x', r0: 0, r1: 1, c0: 1, c1: 2 }, { m: 'W', r0: 1, r1: 2, c0: 0, c1: 2 }]);
    expect(new Set(blockCells(y.reads(ctx, { s: 0, i: 1 })).map(key))).toEqual(want);
  });

  it('lays a block out as the node is: a class target is one row of B', () => {
    expect(blockAt('target', nodeLayout('target', 'softmax-ce'), 'column', { B: 4, N: 2, T: 3 }, { s: 2, j: 1 })).toEqual({ m: 'target', r0: 0, r1: 1, c0: 2, c1: 3 });
    expect(blockAt('x', 'x', 'column', { B: 4, N: 2, T: 3 }, { s: 2 })).toEqual({ m: 'x', r0: 0, r1: 2, c0: 2, c1: 3 });
    expect(blockAt('W', 'W', 'torch', { B: 4, N: 2, T: 3 }, { j: 1, s: 0 })).toEqual({ m: 'W', r0: 1, r1: 2, c0: 0, c1: 2 });
    expect(blockCells([{ m: 'b', r0: 0, r1: 1, c0: 1, c1: 3 }])).toEqual([{ m: 'b', r: 0, c: 1 }, { m: 'b', r: 0, c: 2 }]);
  });
});
