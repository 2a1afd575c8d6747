// A node's code as tokens, in the spelling of the convention's framework
// (NumPy for row and column, PyTorch for torch): the statements the exported
// program of that flavour runs for it (lessonCode.ts, and pytorchBody.ts's
// checks against autograd, with each matrix's name marked and W.grad read as
// dL/dW), and for the dense product and its gradients the same sum as an
// einsum, its subscripts read from the convention's layouts.
import type { Convention } from './conventions.ts';
import { DIALECTS, type PyDialect, type PyLine, PY_VARS } from './export/dialect.ts';
import { CONVENTION_FLAVOUR, type ExportFlavour } from './export/flavours.ts';
import { type HandContext, broadcast, handLines } from './export/lessonCode.ts';
import { torchNodeLines } from './export/pytorchBody.ts';
import type { LessonGraph } from './graph.ts';
import { type IndexName, axesOf } from './layout.ts';
import { GRADIENT_OF, MATRIX_NAMES, type MatrixName, NODE_LAYOUT } from './nodes.ts';
import { RESULT, factorPart, indexPart } from './notationTokens.ts';
import type { SumRule } from './ops/sums.ts';
import type { ComputedRule, DerivationContext } from './ops/types.ts';
import { type Token, fill, group, seq, tok } from './tokens.ts';

/** A matrix's name in code, as the part it plays: the result on the left, a factor elsewhere. */
const nameToken = (m: MatrixName, result: MatrixName): Token[] => [tok(PY_VARS[m], m === result ? RESULT : factorPart(m))];

/** autograd's gradient of a matrix (W.grad), as the part of the gradient node it is (dL/dW); of no part where the lesson has none. */
function gradToken(m: MatrixName, result: MatrixName): Token[] {
  const g = MATRIX_NAMES.find((n) => GRADIENT_OF[n] === m);
  const text = `${PY_VARS[m]}.grad`;
  return [g ? tok(text, g === result ? RESULT : factorPart(g)) : tok(text)];
}

/** The statements of a node in each flavour's program: NumPy's by hand; PyTorch's by hand and held against PyTorch's own. */
const STATEMENTS: Record<ExportFlavour, (rule: ComputedRule, c: HandContext) => PyLine[]> = { numpy: handLines, pytorch: torchNodeLines };

/** The statements of a computed node in the exported program of the flavour (the convention's framework's unless given), one token list per statement. */
export function codeTokens(rule: ComputedRule, ctx: DerivationContext, graph: LessonGraph, flavour: ExportFlavour = CONVENTION_FLAVOUR[ctx.convention]): Token[][] {
  const k = MATRIX_NAMES.length;
  const slots = [...MATRIX_NAMES.map((m) => nameToken(m, rule.node)), ...MATRIX_NAMES.map((m) => gradToken(m, rule.node))];
  const lines = (marks: readonly string[]) => {
    const spell = (from: number) => Object.fromEntries(MATRIX_NAMES.map((m, q) => [m, marks[from + q]])) as Record<MatrixName, string>;
    const c: HandContext = { ctx, graph, d: DIALECTS[flavour], names: spell(0), grads: spell(k) };
    return STATEMENTS[flavour](rule, c).map((l) => l.code);
  };
  const n = lines(slots.map(() => '')).length;
  return Array.from({ length: n }, (_, q) => fill((...names) => lines(names)[q], slots));
}

/** The index letters of a node's entries, in its layout's order: 'si' for x in row, 'is' in column. */
const lettersOf = (m: MatrixName, conv: Convention): IndexName[] => axesOf(NODE_LAYOUT[m], conv).filter((a): a is IndexName => a !== null);

/** One operand's subscripts in an einsum, each letter the part of its index. */
const subscripts = (m: MatrixName, conv: Convention): Token[] => lettersOf(m, conv).map((i) => tok(i, indexPart(i)));

/** A sum rule as an einsum in a dialect: dW = np.einsum('si,sj->ij', X, dY) (torch.einsum in PyTorch); the bias added as the exported program adds it. */
export function einsumTokens(rule: SumRule, conv: Convention, d: PyDialect = DIALECTS[CONVENTION_FLAVOUR[conv]]): Token[] {
  const ops = rule.factors.flatMap((f, k) => seq(k > 0 ? ',' : '', group(factorPart(f.node), subscripts(f.node, conv))));
  const args = rule.factors.flatMap((f, k) => seq(k > 0 ? ', ' : '', nameToken(f.node, rule.result)));
  const plus = rule.plus ? seq(' + ', tok(broadcast(rule.plus, conv), factorPart(rule.plus))) : [];
  return seq(nameToken(rule.result, rule.result), ` = ${d.lib}.einsum('`, ops, '->', group(RESULT, subscripts(rule.result, conv)), "', ", args, ')', plus);
}
