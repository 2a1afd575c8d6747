// One node's rule in three notations linked by their parts: the index
// notation, the matrix form and the code (the exported program's statements in
// the convention's framework, NumPy or PyTorch, and an einsum for the sums of
// the dense layer). Each is a list of tokens carrying part ids (tokens.ts); the
// parts say what they are, for speech, and which cells of the grids they stand
// for. A view links tokens by part id and computes nothing.
import { codeTokens, einsumTokens } from './codeTokens.ts';
import { DIALECTS } from './export/dialect.ts';
import { CONVENTION_FLAVOUR, type ExportFlavour } from './export/flavours.ts';
import { type LessonGraph, lessonGraph } from './graph.ts';
import { type IndexName, axesOf } from './layout.ts';
import { type Msg, msg } from './messages.ts';
import { type MatrixName, NODE_LAYOUT } from './nodes.ts';
import { LOSS_TOKENS } from './lossTokens.ts';
import { RESULT, SLOPE, activationTokens, dbMatrixTokens, factorPart, indexPart, slopeTokens, sumIndexTokens, sumMatrixTokens, updateTokens } from './notationTokens.ts';
import { ACTIVATION_SPECS } from './ops/activation.ts';
import { denseNames, linearRule } from './ops/linear.ts';
import type { SumRule } from './ops/sums.ts';
import type { ComputedRule, DerivationContext } from './ops/types.ts';
import { type PartId, type Token, partsOf } from './tokens.ts';

export { type PartId, type Token, linkedTex, partsOf, plainText } from './tokens.ts';

/** What a part of a rule is. */
export type PartKind = 'result' | 'factor' | 'summed' | 'index' | 'slope';

/** A part of a rule: what it is, how it is read, and which cells of the grids it stands for. */
export interface NotationPart {
  id: PartId;
  kind: PartKind;
  /** The part as a screen reader says it. */
  speech: Msg;
  /** The matrices whose cells among the derivation's factor cells it stands for. */
  nodes: readonly MatrixName[];
  /** The matrices whose cell in the explained cell's own place it stands for (the result, and an elementwise rule's factors). */
  here: readonly MatrixName[];
}

/** A node's rule in the three notations, each a list of tokens (null where the rule has no such form). */
export interface LinkedNotation {
  node: MatrixName;
  /** The rule in index notation, with letters: its plain text is the derivation's `general`. */
  index: Token[] | null;
  /** The matrix form with the shapes under it: its plain text is the derivation's matrix form. */
  matrix: Token[] | null;
  /** The same sum as an einsum (the dense product and its gradients). */
  einsum: Token[] | null;
  /** The framework the code is spelt in: the convention's (PyTorch for torch, NumPy for row and column). */
  flavour: ExportFlavour;
  /** The statements of the exported program of that flavour for this node, one token list each. */
  code: Token[][];
  /** Every part the notations name, in the order they first appear. */
  parts: NotationPart[];
}

/** Whether a node's entries run over an index, as the lesson lays it out (class targets run over the samples only). */
const hasIndex = (graph: LessonGraph, m: MatrixName, i: IndexName, conv: DerivationContext['convention']) => axesOf(graph.rule(m)?.layout ?? NODE_LAYOUT[m], conv).includes(i);

/** What each part id of a rule means: the result, its factors, its indices (the summed one said as such), an activation's slope. */
function describe(id: PartId, rule: ComputedRule, ctx: DerivationContext, graph: LessonGraph, sum: SumRule | null): NotationPart {
  const m = rule.node;
  const name = (n: MatrixName) => msg(`matrix.${n}.label`);
  if (id === RESULT) return { id, kind: 'result', speech: msg('notation.part.result', { name: name(m) }), nodes: [], here: [m] };
  if (id === SLOPE) {
    const a = ctx.activation ?? 'identity';
    const from = ACTIVATION_SPECS[a].slopeOf;
    return { id, kind: 'slope', speech: msg('notation.part.slope', { fn: msg(`activation.${a}.name`) }), nodes: [from], here: [from] };
  }
  if (id.startsWith('i-')) {
    const i = id.slice(2) as IndexName;
    const nodes = (sum ? [...sum.factors.map((f) => f.node), ...(sum.plus ? [sum.plus] : [])] : [...rule.from]).filter((n) => hasIndex(graph, n, i, ctx.convention));
    const summed = sum?.over === i;
    return { id, kind: summed ? 'summed' : 'index', speech: msg(summed ? 'notation.part.summed' : 'notation.part.index', { index: i }), nodes, here: hasIndex(graph, m, i, ctx.convention) ? [m] : [] };
  }
  const node = id.slice(2) as MatrixName;
  // An elementwise rule reads its factors in the cell's own place, even where its terms read another node (σ'(z) from y).
  const elementwise = rule.op === 'activation' || rule.op === 'activation-grad' || rule.op === 'update';
  return { id, kind: 'factor', speech: msg('notation.part.factor', { name: name(node) }), nodes: [node], here: elementwise && NODE_LAYOUT[node] === NODE_LAYOUT[m] ? [node] : [] };
}

/** The sum rule behind a node of the dense layer, or null. */
function sumRuleOf(rule: ComputedRule, ctx: DerivationContext): SumRule | null {
  const act = ctx.activation;
  if (rule.op === 'dense') return linearRule('out', ctx.convention, act);
  if (rule.op === 'dense-grad' && (rule.node === 'dW' || rule.node === 'dX' || rule.node === 'db')) return linearRule(rule.node, ctx.convention, act);
  return null;
}

/** The index notation and matrix form of a rule (a loss has no matrix form). */
function texTokens(rule: ComputedRule, ctx: DerivationContext, sum: SumRule | null): { index: Token[] | null; matrix: Token[] | null } {
  const { convention: conv, sizes } = ctx;
  const a = ctx.activation ?? 'identity';
  if ((rule.op === 'loss' || rule.op === 'loss-grad') && ctx.loss !== 'upstream') {
    const t = LOSS_TOKENS[ctx.loss](conv);
    return { index: rule.op === 'loss' ? t.L : t.dY, matrix: null };
  }
  if (rule.op === 'update' && (rule.node === 'Wn' || rule.node === 'bn')) return updateTokens(rule.node, conv, sizes);
  if (sum && rule.node === 'db') return { index: sumIndexTokens(sum, conv), matrix: dbMatrixTokens(conv, sizes, denseNames(a).G) };
  if (sum) return { index: sumIndexTokens(sum, conv), matrix: sumMatrixTokens(sum, conv, sizes, rule.op === 'dense') };
  if (rule.op === 'activation') return activationTokens(a, conv, sizes);
  if (rule.op === 'activation-grad') return slopeTokens(a, conv, sizes);
  return { index: null, matrix: null };
}

/** A computed node's rule in the three linked notations; null for a node the lesson does not compute. */
export function linkedNotation(ctx: DerivationContext, node: MatrixName, graph: LessonGraph = lessonGraph(ctx)): LinkedNotation | null {
  const rule = graph.rule(node);
  if (!rule || rule.role !== 'computed') return null;
  const sum = sumRuleOf(rule, ctx);
  const { index, matrix } = texTokens(rule, ctx, sum);
  const flavour = CONVENTION_FLAVOUR[ctx.convention];
  const einsum = sum ? einsumTokens(sum, ctx.convention, DIALECTS[flavour]) : null;
  const code = codeTokens(rule, ctx, graph, flavour);
  const ids = partsOf([...(index ?? []), ...(matrix ?? []), ...(einsum ?? []), ...code.flat()]);
  return { node, index, matrix, einsum, flavour, code, parts: ids.map((id) => describe(id, rule, ctx, graph, sum)) };
}

export { factorPart, indexPart, RESULT, SLOPE };
