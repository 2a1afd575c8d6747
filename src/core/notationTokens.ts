// The index notation and the matrix form of a node as tokens (tokens.ts), from
// the writers that make the panel's strings: entryTex for every entry, the
// sum rules of the dense product, the activation's apply and slope, the SGD
// update (the losses' are in lossTokens.ts). Their
// plain text is the derivation's own (tests/core/linkedNotation.test.ts holds
// them equal), with the parts marked.
import type { Convention, Sizes } from './conventions.ts';
import { INDEX_SIZE, type IndexName, type LayoutName, axesOf } from './layout.ts';
import { type MatrixName, NODE_TEX } from './nodes.ts';
import { type GradStyle, entryTex, subSeparator } from './notation.ts';
import { ACTIVATION_SPECS, type Activation } from './ops/activation.ts';
import { biasTerm } from './ops/linear.ts';
import { type SumRule, formFactor } from './ops/sums.ts';
import { ETA, SOURCES, type Updated, updateForm, updateWrite } from './ops/update.ts';
import type { FormFactor } from './ops/types.ts';
import { type PartId, type Token, fill, group, plainText, seq, tok } from './tokens.ts';

/** The part of an index letter, and of a factor or the result. */
export const indexPart = (i: IndexName): PartId => `i-${i}`;
export const factorPart = (m: MatrixName): PartId => `f-${m}`;
export const RESULT: PartId = 'r';
export const SLOPE: PartId = 'slope';

const LETTERS: readonly IndexName[] = ['s', 'i', 'j'];
/** The index a size counts: B samples (s), N inputs (i), T outputs (j). */
const INDEX_OF_SIZE: Readonly<Record<string, IndexName>> = Object.fromEntries(LETTERS.map((i) => [INDEX_SIZE[i], i]));

/** An index letter as the part of its index. */
export const letterTokens = (i: IndexName): Token[] => [tok(i, indexPart(i))];

/** One entry of a node in index notation, each index letter a part of its own: x_{si}, ∂L/∂W_{ij}; `letters` writes some index otherwise (y_{sk}). */
export function entryTokens(m: MatrixName, conv: Convention, style: GradStyle = 'frac', letters: Partial<Record<IndexName, readonly Token[]>> = {}): Token[] {
  return fill((s, i, j) => entryTex(m, conv, { s, i, j }, style), LETTERS.map((x) => letters[x] ?? letterTokens(x)));
}

/** A layout's subscript, in the convention's order and set apart as subOf sets it, with some indices written otherwise: {s,c_s}. */
export function subTokens(layout: LayoutName, conv: Convention, idx: Partial<Record<IndexName, readonly Token[]>> = {}): Token[] {
  const parts = axesOf(layout, conv)
    .filter((a): a is IndexName => a !== null)
    .map((a) => idx[a] ?? letterTokens(a));
  const sep = subSeparator(parts.map(plainText));
  return seq('{', ...parts.flatMap((p, k) => (k > 0 ? [sep, p] : [p])), '}');
}

/** A shape [N×T], each size the part of the index it counts. */
function dimsTokens(dims: readonly [string, string]): Token[] {
  const dim = (d: string) => (INDEX_OF_SIZE[d] ? tok(d, indexPart(INDEX_OF_SIZE[d])) : tok(d));
  return seq('[', dim(dims[0]), '\\times ', dim(dims[1]), ']');
}

/** A factor of a matrix form with its shape set under it, as one part. */
function underTokens(part: PartId, f: FormFactor, label: readonly Token[] = [tok(f.label)]): Token[] {
  return group(part, seq('\\underset{', dimsTokens(f.dims), '}{', label, '}'));
}

/** The sum Σ_{s=0}^{B-1}, as the part of the index it runs over. */
const sumTokens = (over: IndexName): Token => tok(`\\sum_{${over}=0}^{${INDEX_SIZE[over]}-1}`, indexPart(over));

/** A sum rule in index notation: ∂L/∂W_{ij} = Σ_{s=0}^{B-1} x_{si}\, ∂L/∂y_{sj} (sumRuleTex with letters). */
export function sumIndexTokens(rule: SumRule, conv: Convention): Token[] {
  const factors = rule.factors.flatMap((f, k) => seq(k > 0 ? '\\, ' : '', group(factorPart(f.node), entryTokens(f.node, conv))));
  const plus = rule.plus ? seq(' + ', group(factorPart(rule.plus), entryTokens(rule.plus, conv))) : [];
  return seq(group(RESULT, entryTokens(rule.result, conv)), ' = ', sumTokens(rule.over), ' ', factors, plus);
}

/** A sum rule's matrix form, each factor under its shape (sumMatrixForm's tex); `bias` adds the bias as the forward product does. */
export function sumMatrixTokens(rule: SumRule, conv: Convention, sizes: Sizes, bias: boolean): Token[] {
  const factors = rule.factors.flatMap((f, k) => seq(k > 0 ? '\\,' : '', underTokens(factorPart(f.node), formFactor(f.node, conv, sizes, f.transposed))));
  const after = bias && rule.plus ? [tok(' + '), tok(biasTerm(conv), factorPart(rule.plus))] : [];
  return seq(underTokens(RESULT, formFactor(rule.result, conv, sizes)), ' = ', factors, after);
}

/** dL/db as a sum over the batch of the arriving gradient's rows (or columns): dbForm's tex. */
export function dbMatrixTokens(conv: Convention, sizes: Sizes, G: MatrixName): Token[] {
  const s = tok('s', indexPart('s'));
  const part = conv === 'column' ? seq('_{:,', s, '}') : seq('_{', s, ',:}');
  return seq(underTokens(RESULT, formFactor('db', conv, sizes)), ' = ', tok('\\sum_{s}', indexPart('s')), ' ', underTokens(factorPart(G), formFactor(G, conv, sizes)), part);
}

/** y = act(z) in index notation and as a matrix form. */
export function activationTokens(a: Activation, conv: Convention, sizes: Sizes): { index: Token[]; matrix: Token[] } {
  const spec = ACTIVATION_SPECS[a];
  const z = group(factorPart('z'), entryTokens('z', conv));
  return {
    index: seq(group(RESULT, entryTokens('y', conv)), ' = ', fill(spec.apply, [z])),
    matrix: seq(underTokens(RESULT, formFactor('y', conv, sizes)), ' = ', fill(spec.apply, [underTokens(factorPart('z'), formFactor('z', conv, sizes))])),
  };
}

/** dL/dz = dL/dy · act'(z) in index notation, and dL/dZ = dL/dY ⊙ act'(Z) as a matrix form. */
export function slopeTokens(a: Activation, conv: Convention, sizes: Sizes): { index: Token[]; matrix: Token[] } {
  const spec = ACTIVATION_SPECS[a];
  const z = group(factorPart('z'), entryTokens('z', conv));
  const slopeLabel = fill(spec.derivOf, [[tok(NODE_TEX.z, factorPart('z'))]]);
  const slopeForm = { ...formFactor('z', conv, sizes), label: '' };
  return {
    index: seq(group(RESULT, entryTokens('dZ', conv)), ' = ', group(factorPart('dY'), entryTokens('dY', conv)), ' \\cdot ', group(SLOPE, fill(spec.deriv, [z]))),
    matrix: seq(underTokens(RESULT, formFactor('dZ', conv, sizes)), ' = ', underTokens(factorPart('dY'), formFactor('dY', conv, sizes)), ' \\odot ', underTokens(SLOPE, slopeForm, slopeLabel)),
  };
}

/** W⁺ = W − η ∂L/∂W (and b⁺) in index notation and as a matrix form (updateRules' rule and matrixFormOf's tex). */
export function updateTokens(node: Updated, conv: Convention, sizes: Sizes): { index: Token[]; matrix: Token[] } {
  const { p, g } = SOURCES[node];
  const entry = (m: MatrixName, part: PartId) => group(part, entryTokens(m, conv));
  const f = updateForm(node, conv, sizes);
  return {
    index: fill(updateWrite, [entry(node, RESULT), entry(p, factorPart(p)), [tok(ETA)], entry(g, factorPart(g))]),
    matrix: seq(underTokens(RESULT, f.result), ' = ', underTokens(factorPart(p), f.p), ' - ', underTokens(factorPart(g), f.g)),
  };
}
