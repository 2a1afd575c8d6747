// A node's code as tokens: the statements the exported NumPy program runs for
// it (lessonCode.ts, with each matrix's name marked), and for the dense
// product and its gradients the same sum as an einsum, its subscripts read
// from the convention's layouts.
import type { Convention } from './conventions.ts';
import { DIALECTS, PY_VARS } from './export/dialect.ts';
import { type CodeContext, broadcast, handLines } from './export/lessonCode.ts';
import type { LessonGraph } from './graph.ts';
import { type IndexName, axesOf } from './layout.ts';
import { MATRIX_NAMES, type MatrixName, NODE_LAYOUT } from './nodes.ts';
import { RESULT, factorPart, indexPart } from './notationTokens.ts';
import type { SumRule } from './ops/sums.ts';
import type { ComputedRule, DerivationContext } from './ops/types.ts';
import { type Token, fill, group, seq, tok } from './tokens.ts';

/** A matrix's name in code, as the part it plays: the result on the left, a factor elsewhere. */
const nameToken = (m: MatrixName, result: MatrixName): Token[] => [tok(PY_VARS[m], m === result ? RESULT : factorPart(m))];

/** The statements of a computed node in the exported NumPy program, one token list per statement. */
export function codeTokens(rule: ComputedRule, ctx: DerivationContext, graph: LessonGraph): Token[][] {
  const slots = MATRIX_NAMES.map((m) => nameToken(m, rule.node));
  const lines = (names: readonly string[]) => {
    const c: CodeContext = { ctx, graph, d: DIALECTS.numpy, names: Object.fromEntries(MATRIX_NAMES.map((m, k) => [m, names[k]])) as Record<MatrixName, string> };
    return handLines(rule, c).map((l) => l.code);
  };
  const n = lines(MATRIX_NAMES.map((m) => PY_VARS[m])).length;
  return Array.from({ length: n }, (_, k) => fill((...names) => lines(names)[k], slots));
}

/** The index letters of a node's entries, in its layout's order: 'si' for x in row, 'is' in column. */
const lettersOf = (m: MatrixName, conv: Convention): IndexName[] => axesOf(NODE_LAYOUT[m], conv).filter((a): a is IndexName => a !== null);

/** One operand's subscripts in an einsum, each letter the part of its index. */
const subscripts = (m: MatrixName, conv: Convention): Token[] => lettersOf(m, conv).map((i) => tok(i, indexPart(i)));

/** A sum rule as an einsum: dW = np.einsum('si,sj->ij', X, dY); the bias added as the exported program adds it. */
export function einsumTokens(rule: SumRule, conv: Convention): Token[] {
  const ops = rule.factors.flatMap((f, k) => seq(k > 0 ? ',' : '', group(factorPart(f.node), subscripts(f.node, conv))));
  const args = rule.factors.flatMap((f, k) => seq(k > 0 ? ', ' : '', nameToken(f.node, rule.result)));
  const plus = rule.plus ? seq(' + ', tok(broadcast(rule.plus, conv), factorPart(rule.plus))) : [];
  return seq(nameToken(rule.result, rule.result), " = np.einsum('", ops, '->', group(RESULT, subscripts(rule.result, conv)), "', ", args, ')', plus);
}
