// Exercises generated from a seed and the lesson: its graph says which nodes
// there are, derive() what a cell depends on, the sum rules the matrix forms
// (and their decoys), the layouts the shapes, and the planted mistakes are
// variants of the backward rules (bugs.ts).
import type { CellRef, MatrixName } from '../cells.ts';
import { derive } from '../derivation.ts';
import { lessonGraph, type LessonGraph } from '../graph.ts';
import { jacobian } from '../jacobian.ts';
import { jacobianKindsFor } from '../jacobianKinds.ts';
import { layoutDims } from '../layout.ts';
import { NODE_LAYOUT } from '../nodes.ts';
import { linearRule } from '../ops/linear.ts';
import { sumMatrixForm, type SumRule } from '../ops/sums.ts';
import type { ComputedRule, DerivationContext } from '../ops/types.ts';
import { spread } from '../precision.ts';
import { createRng, type Rng } from '../random.ts';
import { cellValue, matrixValues, nodeDims, nodeShape } from '../values.ts';
import { bugsFor, buggyGradient } from './bugs.ts';
import { agreesNumerically, numericGradient } from './numeric.ts';
import type { BugExercise, CheckedGradient, DepsExercise, Exercise, ExerciseKind, FormulaExercise, PredictExercise, ShapeExercise } from './types.ts';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)];

/** A seeded shuffle (Fisher–Yates), returning a fresh array. */
export function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = xs.slice();
  for (let k = out.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

/** The computed nodes a learner can be asked about: the forward pass's and the gradients (not L, nor the update). */
function askable(graph: LessonGraph): ComputedRule[] {
  return graph.nodes.filter((n): n is ComputedRule => n.role === 'computed' && n.node !== 'L' && n.op !== 'update');
}

/** A random cell of a node as the lesson shows it. */
function cellOf(ctx: DerivationContext, m: MatrixName, rng: Rng): CellRef {
  const [rows, cols] = nodeShape(m, ctx.convention, ctx.sizes, ctx.loss);
  return { m, r: rng.int(rows), c: rng.int(cols) };
}

/** Half a unit in the third significant figure of v, the figures the grids show. */
const thirdFigure = (v: number): number => (v === 0 ? 5e-4 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - 2));

function predict(ctx: DerivationContext, graph: LessonGraph, rng: Rng): PredictExercise {
  const rule = pick(rng, askable(graph));
  const cell = cellOf(ctx, rule.node, rng);
  const t = rule.terms(ctx, cell);
  const answer = t.scale * t.terms.reduce((a, x) => a + x.value, 0);
  // What a learner working from the grids' three figures can be off by, and never less than the answer's own third figure.
  const tolerance = Math.max(spread(t.scale, rule.plugged(ctx, cell, t)), thirdFigure(answer));
  return { kind: 'predict', cell, answer: cellValue(ctx, cell), tolerance };
}

function deps(ctx: DerivationContext, graph: LessonGraph, rng: Rng): DepsExercise {
  // A cell that depends on some cell (dL/dy of a plain sum is a constant 1).
  let rule = pick(rng, askable(graph));
  let cell = cellOf(ctx, rule.node, rng);
  let answer = derive(ctx, cell, undefined, graph).deps;
  for (const r of shuffled(rng, askable(graph))) {
    if (answer.length > 0) break;
    [rule, cell] = [r, cellOf(ctx, r.node, rng)];
    answer = derive(ctx, cell, undefined, graph).deps;
  }
  const from = [...new Set<MatrixName>([...rule.from, ...answer.map((c) => c.m)])].filter((m) => graph.rule(m) !== null);
  return { kind: 'deps', cell, from, answer };
}

/** A shape in letters: '1' factors dropped, the rest joined by a dot. */
const letters = (d: readonly string[]): string => d.filter((x) => x !== '1').join('·') || '1';

function shape(ctx: DerivationContext, graph: LessonGraph, rng: Rng): ShapeExercise {
  const act = ctx.activation ?? 'identity';
  if (rng.uniform() < 0.5) {
    const node = pick(rng, graph.backward);
    const [r, c] = nodeShape(node, ctx.convention, ctx.sizes, ctx.loss);
    return { kind: 'shape', of: { gradient: node }, answer: [r, c], dims: nodeDims(node, ctx.convention, ctx.loss) };
  }
  const kind = pick(rng, jacobianKindsFor(act));
  const J = jacobian(kind, ctx.convention, ctx.sizes, 'row-major', undefined, act);
  const rowNode = act === 'identity' || kind === 'dY/dZ' ? 'y' : 'z';
  const by = J.colCell(0).m;
  return { kind: 'shape', of: { jacobian: kind }, answer: [J.rows, J.cols], dims: [letters(layoutDims(NODE_LAYOUT[rowNode], ctx.convention)), letters(layoutDims(NODE_LAYOUT[by], ctx.convention))] };
}

/** The rule with its factors reordered and transposed as `variant` says (bit 0 reverses, bits 1 and 2 flip each factor's transpose). */
function variantOf(rule: SumRule, variant: number): SumRule {
  const factors = rule.factors.map((f, k) => ({ ...f, transposed: (variant >> (k + 1)) & 1 ? !f.transposed : f.transposed }));
  return { ...rule, factors: variant & 1 ? factors.reverse() : factors };
}

function formula(ctx: DerivationContext, _graph: LessonGraph, rng: Rng): FormulaExercise {
  const node = pick(rng, ['dW', 'dX'] as const);
  const rule = linearRule(node, ctx.convention, ctx.activation ?? 'identity');
  const tex = (v: number) => sumMatrixForm(variantOf(rule, v), ctx.convention, ctx.sizes).rule;
  const right = tex(0);
  const decoys = [...new Set(shuffled(rng, [1, 2, 3, 4, 5, 6, 7]).map(tex))].filter((t) => t !== right).slice(0, 3);
  const options = shuffled(rng, [right, ...decoys]);
  return { kind: 'formula', node, options, answer: options.indexOf(right) };
}

/** The largest relative difference between two arrays. */
const furthest = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  for (let k = 0; k < a.length; k++) d = Math.max(d, Math.abs(a[k] - b[k]) / Math.max(1, Math.abs(a[k]), Math.abs(b[k])));
  return d;
};

function bug(ctx: DerivationContext, graph: LessonGraph, rng: Rng): BugExercise | null {
  // The first mistake, in a seeded order, that really changes its gradient (a sum over samples that happen to cancel would not).
  for (const { bug: id, node } of shuffled(rng, bugsFor(ctx))) {
    const wrong = buggyGradient(ctx, id, node);
    if (furthest(wrong, matrixValues(ctx, node)) < 1e-3) continue;
    const gradients = graph.backward.map((m): CheckedGradient => {
      const [rows, cols] = nodeShape(m, ctx.convention, ctx.sizes, ctx.loss);
      const shown = m === node ? wrong : Float64Array.from(matrixValues(ctx, m));
      const numeric = numericGradient(ctx, m);
      return { node: m, rows, cols, shown, numeric, ok: Array.from(shown, (v, k) => agreesNumerically(v, numeric[k])) };
    });
    return { kind: 'bug', bug: id, answer: node, gradients };
  }
  return null;
}

const MAKERS: Record<ExerciseKind, (ctx: DerivationContext, graph: LessonGraph, rng: Rng) => Exercise | null> = { predict, deps, shape, formula, bug };

/** The seed of exercise `index` of a set: its own stream, so one exercise can change without moving the others. */
export const exerciseSeed = (seed: number, index: number): number => (Math.trunc(seed) ^ Math.imul(index + 1, 0x9e3779b1)) | 0;

/** Exercise `index` of a set of this seed, of one kind; null when the lesson has none of that kind (no mistake applies). */
export function makeExercise(ctx: DerivationContext, kind: ExerciseKind, seed: number, index: number, graph: LessonGraph = lessonGraph(ctx)): Exercise | null {
  return MAKERS[kind](ctx, graph, createRng(exerciseSeed(seed, index)));
}
