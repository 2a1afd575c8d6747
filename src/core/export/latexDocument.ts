// A whole lesson as a LaTeX document (article, amsmath), to compile or to
// take into notes: the lesson named, then its graph walked phase by phase,
// each node as a bmatrix of its values at full precision under its name and
// shape, a computed node after its rule in index notation and in its matrix
// form (the same TeX the derivation panel shows). Its words are the caller's
// (the app's catalogue, latex.doc.*; latexText.ts sets them); docs/export.md is the contract.
import { derive } from '../derivation.ts';
import { ENGLISH } from '../format.ts';
import { type LessonGraph, lessonGraph } from '../graph.ts';
import { type MatrixName, NODE_TEX } from '../nodes.ts';
import { layerTex } from '../ops/linear.ts';
import type { ComputedRule, DerivationContext, NodeRule, Phase } from '../ops/types.ts';
import { nodeDims, nodeLayout, nodeMatrix } from '../values.ts';
import { lessonFileStem } from './fileName.ts';
import { type LatexTextKey, type LatexWords, escapeLatex, latexText } from './latexText.ts';
import { bmatrix, latexInteger, latexNumber } from './latexValues.ts';
import { inPhase } from './programLines.ts';

/** amsmath's bmatrix takes 10 columns unless told more. */
const BMATRIX_COLUMNS = 10;

const SECTIONS: readonly (readonly [Phase, LatexTextKey])[] = [
  ['forward', 'section.forward'],
  ['loss', 'section.loss'],
  ['backward', 'section.backward'],
  ['update', 'section.update'],
];

/** A formula on a line of its own. */
const display = (tex: string): string => `\\[\n${tex}\n\\]`;

/** A node's name with its symbolic shape under it, as the matrix forms write it: \underset{[B\times N]}{X}. */
function named(ctx: DerivationContext, m: MatrixName): string {
  const [r, c] = nodeDims(m, ctx.convention, ctx.loss);
  return `\\underset{[${r}\\times ${c}]}{${NODE_TEX[m]}}`;
}

/** A node's values: the loss as a number, class indices as whole numbers, every other node as a bmatrix. */
function valuesTex(ctx: DerivationContext, m: MatrixName): string {
  const v = nodeMatrix(ctx, m);
  if (m === 'L') return latexNumber(v.data[0]);
  return bmatrix(v, nodeLayout(m, ctx.loss) === 'classes' ? latexInteger : latexNumber);
}

/** A node as displayed formulas: a given one by name and values; a computed one by its index rule, then its matrix form (or name) and values. */
function nodeTex(ctx: DerivationContext, graph: LessonGraph, rule: NodeRule): string[] {
  const m = rule.node;
  const lhs = m === 'L' ? NODE_TEX.L : named(ctx, m);
  if (rule.role !== 'computed') return [display(`${lhs} = ${valuesTex(ctx, m)}`)];
  const general = derive(ctx, { m, r: 0, c: 0 }, ENGLISH, graph).general;
  const form = rule.matrixForm(ctx);
  return [display(general), display(`${form ? form.tex : lhs} = ${valuesTex(ctx, m)}`)];
}

/** The widest matrix of the document, so that amsmath is told to allow it. */
function columnsNeeded(ctx: DerivationContext, rules: readonly NodeRule[]): number {
  return Math.max(BMATRIX_COLUMNS, ...rules.map((r) => nodeMatrix(ctx, r.node).cols));
}

/** The lesson as a complete LaTeX document (docs/export.md), its words as `words` gives them. */
export function lessonLatexDocument(ctx: DerivationContext, words: LatexWords): string {
  const text = (key: LatexTextKey, params?: Readonly<Record<string, string>>) => latexText(words, key, params);
  const math = (tex: string) => `$${tex}$`;
  const name = (word: string) => `\\texttt{${escapeLatex(word)}}`;
  const graph = lessonGraph(ctx);
  const shown = graph.nodes.filter((r) => r.role !== 'unused');
  const { B, N, T } = ctx.sizes;
  const head = [
    `\\section*{${text('title')}}`,
    text('source'),
    text('lesson', {
      convention: name(ctx.convention),
      loss: name(ctx.loss),
      activation: name(ctx.activation ?? 'identity'),
      B: math(`B = ${latexNumber(B)}`),
      N: math(`N = ${latexNumber(N)}`),
      T: math(`T = ${latexNumber(T)}`),
    }),
    `${text('layer')}\n${display(layerTex(ctx.convention, ctx.activation))}`,
    ...(ctx.lr === undefined ? [] : [text('update', { lr: math(`\\eta = ${latexNumber(ctx.lr)}`) })]),
    text('numbers'),
  ];
  const section = (key: LatexTextKey, body: string[]) => [`\\section*{${text(key)}}`, ...body].join('\n');
  const inputs = section(
    'section.inputs',
    shown.filter((r) => r.role === 'input').flatMap((r) => nodeTex(ctx, graph, r)),
  );
  const phases = SECTIONS.flatMap(([phase, key]) => {
    const rules: ComputedRule[] = inPhase(graph, phase);
    if (phase === 'loss' && rules.length === 0) return [section(key, [text('upstream', { dY: math('\\partial L/\\partial Y') })])];
    return rules.length === 0 ? [] : [section(key, rules.flatMap((r) => nodeTex(ctx, graph, r)))];
  });
  return [
    '\\documentclass{article}',
    '\\usepackage{amsmath}',
    `\\setcounter{MaxMatrixCols}{${columnsNeeded(ctx, shown)}}`,
    '\\begin{document}',
    '',
    [...head, inputs, ...phases].join('\n\n'),
    '',
    '\\end{document}',
    '',
  ].join('\n');
}

/** A file name for the document: backprop-row-mse-sigmoid.tex. */
export function latexFileName(ctx: Pick<DerivationContext, 'convention' | 'loss' | 'activation'>): string {
  return `${lessonFileStem(ctx)}.tex`;
}
