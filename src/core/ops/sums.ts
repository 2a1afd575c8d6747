// Rules of the form "a cell is a sum of products over one index", from one
// description: the factors in the order the convention multiplies them, and
// the index summed over. The dense product and its three gradients are all of
// this form, so their terms, notation, matrix form and dimension checks come
// from this one place.
import { type CellBlock, blockAt } from '../blocks.ts';
import type { Convention, Sizes } from '../conventions.ts';
import type { NumberFormat } from '../format.ts';
import { INDEX_SIZE, type Idx, type IndexName, axesOf, indicesOf } from '../layout.ts';
import { msg, num } from '../messages.ts';
import { type CellRef, GRADIENT_OF, type MatrixName, NODE_LAYOUT, NODE_TEX, cellAt, idxOf, matrixDims, matrixShape } from '../nodes.ts';
import { type IndexValues, entryTex } from '../notation.ts';
import { cellValue, matrixValues } from '../values.ts';
import type { CellNotation, CellTerms, DerivationContext, FormFactor, MatrixForm, NumericTerm, PartialDerivative, PluggedTerm } from './types.ts';

/** One factor of a product: a node, and whether the matrix form transposes it. */
export interface ProductFactor {
  node: MatrixName;
  transposed: boolean;
}

/** A sum-of-products rule, resolved for one lesson (with y or z, dL/dy or dL/dz in place). */
export interface SumRule {
  result: MatrixName;
  /** The factors of each term, in the order the convention multiplies them. */
  factors: ProductFactor[];
  /** The index the sum runs over. */
  over: IndexName;
  /** A node added after the sum, entry for entry (the bias). */
  plus: MatrixName | null;
}

const LETTERS: IndexValues = { s: 's', i: 'i', j: 'j' };
export const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** The product of a term's numbers (1 for none). */
const product = (vs: readonly number[]): number => vs.reduce((a, v) => a * v, 1);

/** The number of terms the sum runs over. */
export const sumLength = (rule: SumRule, sizes: Sizes): number => sizes[INDEX_SIZE[rule.over]];

/** The factor cells of each term of one cell, without looking up any value: one product per value of the summed index, then the added node. */
export function sumFactors(rule: SumRule, ctx: { convention: Convention; sizes: Sizes }, cell: CellRef): CellRef[][] {
  const conv = ctx.convention;
  const idx = idxOf(cell, conv);
  const out = range(sumLength(rule, ctx.sizes)).map((k) => {
    const at = { ...idx, [rule.over]: k };
    return rule.factors.map((f) => cellAt(f.node, conv, at));
  });
  if (rule.plus) out.push([cellAt(rule.plus, conv, idx)]);
  return out;
}

/** The terms of one cell: its factor cells, their values, and each term's product. */
export function sumTerms(rule: SumRule, ctx: DerivationContext, cell: CellRef): CellTerms {
  const terms: NumericTerm[] = sumFactors(rule, ctx, cell).map((factors) => {
    const values = factors.map((f) => cellValue(ctx, f));
    return { factors, values, value: product(values) };
  });
  return { scale: 1, terms };
}

/**
 * The cells the terms that agree with `at` read: a block of each factor, its shared indices fixed where `at` fixes
 * them, and the added node's, unless `at` fixes the summed index (which picks one product from every cell's sum).
 */
export function sumReads(rule: SumRule, ctx: { convention: Convention; sizes: Sizes }, at: Idx): CellBlock[] {
  const block = (m: MatrixName) => blockAt(m, NODE_LAYOUT[m], ctx.convention, ctx.sizes, at);
  const out = rule.factors.map((f) => block(f.node));
  if (rule.plus && at[rule.over] === undefined) out.push(block(rule.plus));
  return out;
}

/**
 * Term k of every cell of the result, row-major, as sumTerms gives it (the product multiplied up from 1 in the
 * factors' order; for k past the sum, the added node), read straight from the matrices: a factor's entry moves by
 * fixed strides along the result's rows and columns. O(cells): what a running sum adds at sample k.
 */
export function sumTermAt(rule: SumRule, ctx: DerivationContext, k: number): Float64Array {
  const { convention: conv, sizes } = ctx;
  const n = sumLength(rule, sizes);
  if (!Number.isInteger(k) || k < 0 || k > n || (k === n && !rule.plus)) throw new RangeError(`sumTermAt: ${rule.result} has no term ${k}`);
  const [rows, cols] = matrixShape(conv, sizes, rule.result);
  const [ra, ca] = axesOf(NODE_LAYOUT[rule.result], conv);
  const out = new Float64Array(rows * cols);
  // 1 · a · b: the first factor's value is the product so far (1 · a is a, exactly).
  const multiply = (m: MatrixName, first: boolean) => {
    const data = matrixValues(ctx, m);
    const [fa, fc] = axesOf(NODE_LAYOUT[m], conv);
    const width = fc ? sizes[INDEX_SIZE[fc]] : 1;
    // How far the entry moves for one step of an index, and where it starts (the summed index at k).
    const stride = (i: IndexName | null) => (i === null ? 0 : (fa === i ? width : 0) + (fc === i ? 1 : 0));
    const start = k * stride(rule.over);
    const [dr, dc] = [stride(ra), stride(ca)];
    for (let r = 0, p = 0; r < rows; r++) {
      let q = start + r * dr;
      if (first) for (let c = 0; c < cols; c++, p++, q += dc) out[p] = data[q];
      else for (let c = 0; c < cols; c++, p++, q += dc) out[p] *= data[q];
    }
  };
  if (k < n) rule.factors.forEach((f, q) => multiply(f.node, q === 0));
  else if (rule.plus) multiply(rule.plus, true);
  return out;
}

/**
 * The cells of the result that read a cell of one of the factors (or of the added node): those whose indices
 * agree with it on the indices the two share, the others taking every value. O(result cells found).
 */
export function sumReaders(rule: SumRule, ctx: { convention: Convention; sizes: Sizes }, cell: CellRef): CellRef[] {
  const conv = ctx.convention;
  if (!rule.factors.some((f) => f.node === cell.m) && rule.plus !== cell.m) return [];
  const fixed = idxOf(cell, conv);
  const resultIdx = indicesOf(NODE_LAYOUT[rule.result], conv);
  const free = resultIdx.filter((k) => fixed[k] === undefined);
  const out: CellRef[] = [];
  const walk = (k: number, at: Idx) => {
    if (k === free.length) {
      out.push(cellAt(rule.result, conv, at));
      return;
    }
    for (let v = 0; v < ctx.sizes[INDEX_SIZE[free[k]]]; v++) walk(k + 1, { ...at, [free[k]]: v });
  };
  walk(0, Object.fromEntries(resultIdx.filter((k) => fixed[k] !== undefined).map((k) => [k, fixed[k]])));
  return out;
}

/** ∂cell/∂wrt: the product of the other factors of the term wrt is in (1 for the added node), or null when wrt is not a factor. */
export function sumPartial(rule: SumRule, ctx: { convention: Convention; sizes: Sizes }, cell: CellRef, wrt: CellRef, value: (c: CellRef) => number | null): PartialDerivative | null {
  const same = (f: CellRef) => f.m === wrt.m && f.r === wrt.r && f.c === wrt.c;
  const term = sumFactors(rule, ctx, cell).find((fs) => fs.some(same));
  if (!term) return null;
  const others = term.filter((f) => !same(f));
  if (others.length === 0) return { cell: null, value: 1 };
  const values = others.map(value);
  const v = values.some((x) => x === null) ? null : product(values as number[]);
  return { cell: others.length === 1 ? others[0] : null, value: v };
}

/** The product of the factors at some indices (letters or numbers), e.g. x_{si}\, W_{ij}. */
function productTex(rule: SumRule, conv: Convention, at: IndexValues, style: 'frac' | 'inline'): string {
  return rule.factors.map((f) => entryTex(f.node, conv, at, style)).join('\\, ');
}

/**
 * The rule with some indices fixed: numbers where `at` gives them, letters
 * elsewhere. `upper` bounds the sum (a letter bound like 'N-1', a number, or
 * null for a bare Σ_i).
 */
export function sumRuleTex(rule: SumRule, conv: Convention, at: IndexValues, upper: string | number | null): string {
  const idx = { ...LETTERS, ...at, [rule.over]: rule.over };
  const bound = upper === null ? `_{${rule.over}}` : `_{${rule.over}=0}^{${upper}}`;
  const plus = rule.plus ? ` + ${entryTex(rule.plus, conv, idx)}` : '';
  return `${entryTex(rule.result, conv, idx)} = \\sum${bound} ${productTex(rule, conv, idx, 'frac')}${plus}`;
}

/** Terms that show the values they are computed from, each worked out from them by `of`. */
export const valuesShown = (t: CellTerms, of: PluggedTerm['of']): PluggedTerm[] => t.terms.map((term) => ({ shown: term.values, of }));

/** What a sum rule's terms show: their factors' values, multiplied. */
export const sumPlugged = (t: CellTerms): PluggedTerm[] => valuesShown(t, product);

/** How one cell of a sum rule is written, its factors' values to `digits` significant figures. */
export function sumNotation(rule: SumRule, ctx: DerivationContext, cell: CellRef, t: CellTerms, fmt: NumberFormat, digits: number): CellNotation {
  const conv = ctx.convention;
  const idx = idxOf(cell, conv) as IndexValues;
  const n = sumLength(rule, ctx.sizes);
  return {
    general: sumRuleTex(rule, conv, {}, `${INDEX_SIZE[rule.over]}-1`),
    lhs: entryTex(rule.result, conv, idx),
    scaleTex: '',
    aside: '',
    terms: t.terms.map((term, k) => {
      const plus = k >= n;
      const at = { ...idx, [rule.over]: k };
      const symbolic = plus && rule.plus ? entryTex(rule.plus, conv, idx) : productTex(rule, conv, at, 'inline');
      const speech =
        term.values.length === 1 ? msg('speech.value', { a: num(term.values[0]) }) : msg('speech.product', { a: num(term.values[0]), b: num(term.values[1]) });
      return { symbolic, tex: term.values.map((v) => fmt.tex(v, digits)).join(' \\cdot '), speech };
    }),
  };
}

/** A node's symbol transposed: X^⊤, or (∂L/∂Y)^⊤ with brackets round a gradient's fraction. */
export const transposeTex = (label: string, node: MatrixName): string => (GRADIENT_OF[node] ? `\\left(${label}\\right)^{\\top}` : `${label}^{\\top}`);

/** A factor's label and shapes in a matrix-form rule. */
export function formFactor(node: MatrixName, conv: Convention, sizes: Sizes, transposed = false): FormFactor {
  const d = matrixDims(conv, node);
  const sh = matrixShape(conv, sizes, node);
  const label = transposed ? transposeTex(NODE_TEX[node], node) : NODE_TEX[node];
  return { label, dims: transposed ? [d[1], d[0]] : d, shape: transposed ? [sh[1], sh[0]] : sh };
}

const dimTex = (d: [string, string] | [number, number]): string => `[${d[0]}\\times ${d[1]}]`;

/** A matrix form from its factors joined by `op` (a product by default) and what is added after them. */
export function matrixFormOf(result: FormFactor, factors: FormFactor[], opts: { op?: string; after?: string; rule?: string } = {}): MatrixForm {
  const op = opts.op ?? '';
  const rule = opts.rule ?? `${result.label} = ${factors.map((f) => f.label).join(op ? ` ${op} ` : ' ')}${opts.after ?? ''}`;
  const under = factors.map((f) => `\\underset{${dimTex(f.dims)}}{${f.label}}`).join(op ? ` ${op} ` : '\\,');
  const sep = op ? ` ${op} ` : '\\cdot';
  return {
    rule,
    tex: `\\underset{${dimTex(result.dims)}}{${result.label}} = ${under}${opts.after ?? ''}`,
    factors,
    result,
    check: {
      symbolic: `${factors.map((f) => dimTex(f.dims)).join(sep)} = ${dimTex(result.dims)}`,
      numeric: `${factors.map((f) => dimTex(f.shape)).join(sep)} = ${dimTex(result.shape)}`,
    },
  };
}

/** The matrix form of a sum rule: the product of its factors, as the convention writes it. */
export function sumMatrixForm(rule: SumRule, conv: Convention, sizes: Sizes, after = ''): MatrixForm {
  const factors = rule.factors.map((f) => formFactor(f.node, conv, sizes, f.transposed));
  return matrixFormOf(formFactor(rule.result, conv, sizes), factors, { after });
}
