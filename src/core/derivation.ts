// Per-cell derivations, assembled from the graph's rules: the rule in index
// notation, the left side with this cell's indices, the terms with their
// factor cells, values and notation, the cells the value depends on (or
// feeds), the matrix form and what the cell means. Views lay these out and
// compute nothing.
import { ValidationError } from './errors.ts';
import { ENGLISH, type NumberFormat } from './format.ts';
import { type LessonGraph, lessonGraph } from './graph.ts';
import { layoutShape } from './layout.ts';
import { type Msg, msg, num } from './messages.ts';
import type { CellRef } from './nodes.ts';
import type { CellTerms, ComputedRule, DerivationContext, MatrixForm, NodeRule, NumericTerm, TermNotation } from './ops/types.ts';
import { MIN_DIGITS, linePrecision } from './precision.ts';
import { cellValue, inShape, nodeShape } from './values.ts';

/** One term of an expanded sum: its factor cells and values, its value, and how it is written and read. */
export interface DerivationTerm extends NumericTerm, TermNotation {}

/** How far the value on screen has got: complete, not computed yet (written at step `at`), or a running sum of `done` samples. */
export type Progress = { kind: 'complete' } | { kind: 'pending'; at: number; of: number } | { kind: 'partial'; done: number; of: number };

/** Everything the derivation panel shows for one cell, as structured data. */
export interface Derivation {
  cell: CellRef;
  /** The cell's value, as on screen (NaN when not computed yet, or for an unused loss). */
  value: number;
  /** 'input' for values given to the layer, 'computed' for the rest, 'unused' for a loss the lesson does without. */
  role: 'input' | 'computed' | 'unused';
  /** The rule in index notation ('' for given values). */
  general: string;
  /** For given values: what the value is and what it feeds, as a sentence with formulas. */
  given: Msg | null;
  /** The left side with this cell's indices ('' for given values). */
  lhs: string;
  /** value = scale · Σ terms[k].value (scale is 1 for plain sums). */
  scale: number;
  /** LaTeX of the scale in front of the sum, or '' when it is 1. */
  scaleTex: string;
  /** True when the sum after the scale sits in brackets (a scale and more than one term). */
  bracket: boolean;
  /** What follows the sum on the cell's line, e.g. ',\ c_{0} = 1'. */
  aside: string;
  terms: DerivationTerm[];
  /** Significant figures of the plugged-in numbers: the fewest for which the numbers line, worked out from them as shown, gives the result as shown. */
  digits: number;
  /** Significant figures of the result line: no more than the plugged-in numbers justify. */
  resultDigits: number;
  /** When even the most figures do not make the line add up: which values are rounded, and what they give (null otherwise). */
  rounding: Msg | null;
  /** Cells this value depends on. */
  deps: CellRef[];
  /** Cells this value feeds, for given values. */
  feeds: CellRef[];
  matrixForm: MatrixForm | null;
  /** One plain sentence on what this cell means. */
  note: Msg;
  progress: Progress;
}

export type { DerivationContext, MatrixForm } from './ops/types.ts';

const key = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** Cells without repeats, in first-seen order. */
export function uniqueCells(cells: readonly CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => (seen.has(key(c)) ? false : (seen.add(key(c)), true)));
}

/** The rule of the node a cell belongs to, refusing cells the lesson does not show. */
export function ruleOfCell(ctx: DerivationContext, graph: LessonGraph, cell: CellRef, fn = 'derive'): NodeRule {
  const rule = graph.rule(cell.m);
  if (!rule) throw new ValidationError('cell', `${fn}: ${cell.m} is not part of this lesson (loss '${ctx.loss}', activation '${ctx.activation ?? 'identity'}')`);
  if (!inShape(ctx, cell)) {
    const [rows, cols] = nodeShape(cell.m, ctx.convention, ctx.sizes, ctx.loss);
    throw new ValidationError('cell', `${fn}: ${cell.m}[${cell.r},${cell.c}] is outside its shape [${rows},${cols}]`);
  }
  return rule;
}

/** Every cell of a node that has `cell` among the factors of one of its terms. */
function cellsReading(ctx: DerivationContext, rule: NodeRule, cell: CellRef): CellRef[] {
  if (rule.role !== 'computed') return [];
  if (rule.readers) return rule.readers(ctx, cell);
  const [rows, cols] = layoutShape(rule.layout, ctx.convention, ctx.sizes);
  const is = (f: CellRef) => f.m === cell.m && f.r === cell.r && f.c === cell.c;
  const out: CellRef[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const at = { m: rule.node, r, c };
      const factors = rule.factors ? rule.factors(ctx, at) : rule.terms(ctx, at).terms.map((t) => t.factors);
      if (factors.some((fs) => fs.some(is))) out.push(at);
    }
  return out;
}

/** What a computed cell's derivation says from its terms (all of them, or the first few of a running sum) and the value they make. */
export type ComputedParts = Pick<Derivation, 'general' | 'lhs' | 'scale' | 'scaleTex' | 'bracket' | 'aside' | 'terms' | 'digits' | 'resultDigits' | 'rounding' | 'deps'>;

/** The lines of a computed cell, its numbers given as many figures as it takes for them to add up to `value`. */
export function computedParts(ctx: DerivationContext, cell: CellRef, rule: ComputedRule, t: CellTerms, value: number, fmt: NumberFormat): ComputedParts {
  const p = linePrecision(value, t.scale, rule.plugged(ctx, cell, t));
  const n = rule.notation(ctx, cell, t, fmt, p.digits);
  const terms = t.terms.map((term, k) => ({ ...term, ...n.terms[k] }));
  return {
    general: n.general,
    lhs: n.lhs,
    scale: t.scale,
    scaleTex: n.scaleTex,
    bracket: n.scaleTex !== '' && terms.length > 1,
    aside: n.aside,
    terms,
    digits: p.digits,
    resultDigits: p.resultDigits,
    rounding: p.gives === null ? null : msg('derivation.rounded', { digits: p.digits, value: num(p.gives, p.resultDigits) }),
    deps: uniqueCells(terms.flatMap((x) => x.factors)),
  };
}

/** The derivation of one displayed cell, numbers written by `fmt`. Throws when the lesson does not show the cell. */
export function derive(ctx: DerivationContext, cell: CellRef, fmt: NumberFormat = ENGLISH, graph: LessonGraph = lessonGraph(ctx)): Derivation {
  const rule = ruleOfCell(ctx, graph, cell);
  const value = rule.role === 'unused' ? Number.NaN : cellValue(ctx, cell);
  const base = { cell, value, scale: 1, scaleTex: '', bracket: false, aside: '', digits: MIN_DIGITS, resultDigits: MIN_DIGITS, rounding: null, note: rule.note(ctx, cell), progress: { kind: 'complete' } as Progress };
  if (rule.role !== 'computed') {
    const feeds = uniqueCells(rule.feeds.flatMap((m) => {
      const r = graph.rule(m);
      return r ? cellsReading(ctx, r, cell) : [];
    }));
    return { ...base, role: rule.role, general: '', given: rule.describe(ctx, cell), lhs: '', terms: [], deps: [], feeds, matrixForm: null };
  }
  return {
    ...base,
    ...computedParts(ctx, cell, rule, rule.terms(ctx, cell), value, fmt),
    role: 'computed',
    given: null,
    feeds: [],
    matrixForm: rule.matrixForm(ctx),
  };
}
