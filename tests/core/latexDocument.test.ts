// The lesson as a LaTeX document: every formula typesets in KaTeX with
// throwOnError, for every convention × loss × activation, with and without an
// update, at everyday and extreme scales; it is a whole article with amsmath;
// every matrix is a bmatrix of the lesson's shape under its name and symbolic
// shape, holding the lesson's values exactly; each gradient's matrix form
// transposes what DESIGN.md's convention table transposes.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, CONVENTIONS, LOSS_KINDS, NODE_TEX, type Convention, type DerivationContext, type MatrixName, lessonGraph, nodeDims, nodeMatrix } from '../../src/core/index.ts';
import { latexFileName, lessonLatexDocument } from '../../src/core/export/latexDocument.ts';
import { latexNumber } from '../../src/core/export/latexValues.ts';
import { escapeLatex, latexText } from '../../src/core/export/latexText.ts';
import { LATEX_SIZES as SIZES, LATEX_WORDS, bmatrixRows, katexError, latexLesson, lessonsOf, mathOf, readLatexNumber } from './latexHelpers.ts';


/** Every display of the document that shows a node's values: the node it names, its symbolic shape, and the bmatrix (or L's number). */
interface Shown {
  node: MatrixName;
  dims: [string, string] | null;
  values: string;
  display: string;
}

const BY_TEX = new Map(Object.entries(NODE_TEX).map(([m, tex]) => [tex, m as MatrixName]));

function shownOf(doc: string): Shown[] {
  const out: Shown[] = [];
  for (const [, display] of doc.matchAll(/\\\[\n([\s\S]*?)\n\\\]/g)) {
    const named = display.match(/^\\underset\{\[(\w)\\times (\w)\]\}\{(.*?)\} = [\s\S]*\\begin\{bmatrix\}\n([\s\S]*?)\n\\end\{bmatrix\}$/);
    if (named) {
      const node = BY_TEX.get(named[3]);
      if (!node) throw new Error(`a matrix the test does not know: ${named[3]}`);
      out.push({ node, dims: [named[1], named[2]], values: named[4], display });
      continue;
    }
    const loss = display.match(/^L = (-?[\d.]+(?: \\times 10\^\{-?\d+\})?)$/);
    if (loss) out.push({ node: 'L', dims: null, values: loss[1], display });
  }
  return out;
}

const lessons = (): DerivationContext[] =>
  CONVENTIONS.flatMap((conv) => LOSS_KINDS.flatMap((loss) => ACTIVATIONS.flatMap((act) => SIZES.flatMap((s) => [undefined, 0.1].map((lr) => latexLesson(conv, loss, act, s, lr))))));

describe('every formula of the document typesets', () => {
  it.each(CONVENTIONS)('%s: every loss × activation, two sizes, with and without an update, at three scales', (conv) => {
    const bad: string[] = [];
    let n = 0;
    for (const { ctx, name } of lessonsOf(conv, [1, 1e-5, 1e7]))
      for (const tex of mathOf(lessonLatexDocument(ctx, LATEX_WORDS))) {
        n++;
        const e = katexError(tex);
        if (e) bad.push(`${name}: ${e}`);
      }
    expect(bad).toEqual([]);
    expect(n).toBeGreaterThan(1000);
    // Over a thousand formulas through KaTeX: seconds on an idle 2-core machine, tens of them on a heavily loaded one.
  }, 180_000);
});

describe('the document', () => {
  it('is a whole article with amsmath, room for the widest matrix, and no placeholder left unfilled', () => {
    for (const ctx of [latexLesson('row', 'mse', 'sigmoid', { B: 2, N: 12, T: 11 }), latexLesson('column', 'softmax-ce', 'identity', SIZES[0], 0.1)]) {
      const doc = lessonLatexDocument(ctx, LATEX_WORDS);
      expect(doc.startsWith('\\documentclass{article}\n\\usepackage{amsmath}\n')).toBe(true);
      expect(doc.match(/\\begin\{document\}/g)).toHaveLength(1);
      expect(doc.trimEnd().endsWith('\\end{document}')).toBe(true);
      expect(doc.indexOf('\\begin{document}')).toBeLessThan(doc.indexOf('\\section*{'));
      const widest = Math.max(...lessonGraph(ctx).nodes.map((r) => nodeMatrix(ctx, r.node).cols));
      expect(doc).toContain(`\\setcounter{MaxMatrixCols}{${Math.max(10, widest)}}`);
      expect(doc.match(/\\begin\{bmatrix\}/g)?.length).toBe(doc.match(/\\end\{bmatrix\}/g)?.length);
      for (const place of ['{convention}', '{loss}', '{activation}', '{lr}', '= {B}$', '= {N}$', '= {T}$']) expect(doc).not.toContain(place);
    }
  });

  it('names the lesson: convention, loss, activation, sizes, the layer, and the learning rate when there is one', () => {
    const doc = lessonLatexDocument(latexLesson('torch', 'softmax-ce', 'tanh', { B: 3, N: 2, T: 4 }, 0.05), LATEX_WORDS);
    expect(doc).toContain('Convention \\texttt{torch}, loss \\texttt{softmax-ce}, activation \\texttt{tanh}; sizes $B = 3$ (samples), $N = 2$ (input features) and $T = 4$ (outputs).');
    expect(doc).toContain('Z = XW^{\\top} + b');
    expect(doc).toContain('$\\eta = 0.05$');
    expect(lessonLatexDocument(latexLesson('torch', 'mse', 'tanh', SIZES[0]), LATEX_WORDS)).not.toContain('\\eta =');
  });

  it('shows every node the lesson has, once, as a bmatrix of its shape under its name and symbolic shape, holding its values exactly', () => {
    for (const ctx of lessons()) {
      const what = `${ctx.convention} ${ctx.loss} ${ctx.activation} ${JSON.stringify(ctx.sizes)} lr ${ctx.lr}`;
      const shown = shownOf(lessonLatexDocument(ctx, LATEX_WORDS));
      const want = lessonGraph(ctx).nodes.filter((r) => r.role !== 'unused').map((r) => r.node);
      expect(shown.map((s) => s.node).sort(), what).toEqual([...want].sort());
      for (const s of shown) {
        const m = nodeMatrix(ctx, s.node);
        if (s.node === 'L') {
          expect(readLatexNumber(s.values), what).toBe(ctx.outputs.L);
          continue;
        }
        expect(s.dims, `${what} ${s.node}`).toEqual(nodeDims(s.node, ctx.convention, ctx.loss));
        const rows = bmatrixRows(s.values);
        expect(rows.length, `${what} ${s.node} rows`).toBe(m.rows);
        for (const row of rows) expect(row.length, `${what} ${s.node}: & per row`).toBe(m.cols);
        expect(rows.flat().map(readLatexNumber), `${what} ${s.node}`).toEqual(Array.from(m.data));
      }
    }
  });

  it('writes numbers that need an exponent at full precision too, and reads them back as the same doubles', () => {
    const ctx = latexLesson('column', 'mse', 'sigmoid', SIZES[0], 1e-3, 1e-5);
    const shown = shownOf(lessonLatexDocument(ctx, LATEX_WORDS));
    expect(shown.some((s) => s.values.includes('\\times 10^{'))).toBe(true);
    for (const s of shown) expect(bmatrixRows(s.values).flat().map(readLatexNumber)).toEqual(Array.from(nodeMatrix(ctx, s.node).data));
    for (const v of [0.1, -2.5e-7, 0.1 + 0.2, 1.5e21, 5e-324, -0]) expect(Object.is(readLatexNumber(latexNumber(v)), v)).toBe(true);
  });
});

// DESIGN.md: row dW = Xᵀ G, dX = G Wᵀ; torch dW = Gᵀ X, dX = G W; column dW = G Xᵀ, dX = Wᵀ G.
const G = (act: string) => (act === 'identity' ? '\\frac{\\partial L}{\\partial Y}' : '\\frac{\\partial L}{\\partial Z}');
const T = (s: string) => (s.startsWith('\\frac') ? `\\left(${s}\\right)^{\\top}` : `${s}^{\\top}`);
const FORMS: Record<Convention, Record<'dW' | 'dX', (g: string) => string[]>> = {
  row: { dW: (g) => [T('X'), g], dX: (g) => [g, T('W')] },
  torch: { dW: (g) => [T(g), 'X'], dX: (g) => [g, 'W'] },
  column: { dW: (g) => [g, T('X')], dX: (g) => [T('W'), g] },
};

/** The labels set over shapes on the right of a matrix form, in order: \underset{[…]}{label}. */
function factorLabels(display: string): string[] {
  const right = display.slice(display.indexOf(' = ') + 3);
  const out: string[] = [];
  for (let k = right.indexOf('\\underset{'); k >= 0 && k < right.indexOf('\\begin{bmatrix}'); k = right.indexOf('\\underset{', k + 1)) {
    let at = right.indexOf('}{', k) + 2;
    const start = at;
    for (let depth = 1; depth > 0; at++) depth += right[at] === '{' ? 1 : right[at] === '}' ? -1 : 0;
    out.push(right.slice(start, at - 1));
  }
  return out;
}

describe("each gradient's matrix form follows the convention", () => {
  const cases = CONVENTIONS.flatMap((c) => (['identity', 'relu'] as const).map((a) => [c, a] as const));
  it.each(cases)('%s, %s', (conv, act) => {
    const shown = shownOf(lessonLatexDocument(latexLesson(conv, 'mse', act, SIZES[0]), LATEX_WORDS));
    for (const m of ['dW', 'dX'] as const) {
      const s = shown.find((x) => x.node === m);
      expect(s && factorLabels(s.display), m).toEqual(FORMS[conv][m](G(act)));
    }
    if (conv === 'row') expect(shown.find((x) => x.node === 'dW')?.display).toContain('\\underset{[N\\times B]}{X^{\\top}}');
  });
});

describe('its text', () => {
  it('escapes what LaTeX would read as markup, and refuses a place left without a value', () => {
    expect(escapeLatex('a_b & 50% #1 {x} $y ^ ~ \\')).toBe('a\\_b \\& 50\\% \\#1 \\{x\\} \\$y \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
    expect(latexText(() => 'Rate {lr} at 50% & more', 'update', { lr: '$\\eta$' })).toBe('Rate $\\eta$ at 50\\% \\& more');
    expect(lessonLatexDocument(latexLesson('row', 'mse', 'identity', SIZES[0], 2e-7), LATEX_WORDS)).toContain('$\\eta = 2 \\times 10^{-7}$');
    expect(() => latexText(LATEX_WORDS, 'update')).toThrow(/no value for \{lr\}/);
  });

  it('is named for the lesson', () => {
    expect(latexFileName({ convention: 'column', loss: 'softmax-ce', activation: 'relu' })).toBe('backprop-column-softmax-ce-relu.tex');
    expect(latexFileName({ convention: 'row', loss: 'mse' })).toBe('backprop-row-mse-identity.tex');
  });
});
