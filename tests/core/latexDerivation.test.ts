// One cell's derivation as LaTeX: for every cell of every node of every
// convention × loss × activation (two small sizes, with and without an
// update, at everyday and extreme scales) the align* block typesets in KaTeX
// with throwOnError; it holds the panel's own lines in order (the rule, the
// cell's rule with every term, the numbers, the result) with the numbers and
// the result set under the cell's =, then the matrix form and its check.
import { describe, expect, it } from 'vitest';
import { CONVENTIONS, type CellRef, type DerivationContext, derive, indexedTex, lessonGraph, nodeShape, numberFormat, numbersTex, resultTex } from '../../src/core/index.ts';
import { derivationLatex } from '../../src/core/export/latex.ts';
import { LATEX_SIZES as SIZES, katexError, latexLesson, lessonsOf, mathOf } from './latexHelpers.ts';


/** Every cell of every node a lesson shows. */
function cellsOf(ctx: DerivationContext): CellRef[] {
  return lessonGraph(ctx).nodes.flatMap((r) => {
    const [rows, cols] = nodeShape(r.node, ctx.convention, ctx.sizes, ctx.loss);
    return Array.from({ length: rows * cols }, (_, k) => ({ m: r.node, r: Math.floor(k / cols), c: k % cols }));
  });
}

/** The rows of an align* block, without the alignment mark each starts with. */
const rowsOf = (block: string): string[] =>
  block
    .replace(/^\\begin\{align\*\}\n/, '')
    .replace(/\n\\end\{align\*\}\n$/, '')
    .split(/ \\\\(?:\[1ex\])?\n/)
    .map((row) => row.replace(/^ {2}&/, ''));

describe('every derivation typesets', () => {
  it.each(CONVENTIONS)('%s: every cell, every loss × activation, two sizes, with and without an update, at three scales', (conv) => {
    const bad: string[] = [];
    let n = 0;
    for (const { ctx, name } of lessonsOf(conv, [1, 1e-5, 1e7])) {
      const graph = lessonGraph(ctx);
      for (const cell of cellsOf(ctx)) {
        const block = derivationLatex(ctx, derive(ctx, cell, undefined, graph));
        expect(mathOf(block)).toEqual([block.trimEnd()]);
        n++;
        const e = katexError(block);
        if (e) bad.push(`${name} ${cell.m}[${cell.r},${cell.c}]: ${e}`);
      }
    }
    expect(bad).toEqual([]);
    expect(n).toBeGreaterThan(1000);
    // Over a thousand blocks through KaTeX: about 5 s on an idle 2-core machine, 40 s on a heavily loaded one.
  }, 180_000);

  it('in a locale with a decimal comma too', () => {
    const de = numberFormat('de');
    const ctx = latexLesson('torch', 'mse', 'sigmoid', SIZES[0]);
    const block = derivationLatex(ctx, derive(ctx, { m: 'dW', r: 1, c: 0 }, de), de);
    expect(block).toContain('{,}');
    expect(katexError(block)).toBeNull();
  });
});

describe('a derivation as LaTeX', () => {
  it('holds the panel’s lines in order, every term of a long sum written out, and the matrix form with its check', () => {
    const ctx = latexLesson('row', 'mse', 'identity', { B: 4, N: 2, T: 4 });
    for (const cell of [
      { m: 'dW', r: 1, c: 0 },
      { m: 'L', r: 0, c: 0 },
      { m: 'y', r: 3, c: 2 },
    ] as const) {
      const d = derive(ctx, cell);
      const block = derivationLatex(ctx, d);
      expect(block.startsWith('\\begin{align*}\n')).toBe(true);
      expect(block.endsWith('\\end{align*}\n')).toBe(true);
      const under = `\\phantom{${d.lhs}} `;
      const want = [d.general, indexedTex(d, true), `${under}${numbersTex(d)}`, `${under}${resultTex(d, numberFormat('en'))}`];
      if (d.matrixForm) want.push(d.matrixForm.tex, `${d.matrixForm.check.symbolic},\\qquad ${d.matrixForm.check.numeric}`);
      expect(rowsOf(block), cell.m).toEqual(want);
      expect(block).not.toContain('\\cdots');
      for (const t of d.terms) expect(block).toContain(t.tex);
    }
    // L sums all B·T = 16 squared errors, more than the panel shows before “all terms”.
    expect(derive(ctx, { m: 'L', r: 0, c: 0 }).terms).toHaveLength(16);
  });

  it('writes the matrix form of dW with Xᵀ in the row convention, and the result to the figures the panel shows', () => {
    const ctx = latexLesson('row', 'mse', 'identity', SIZES[0]);
    const d = derive(ctx, { m: 'dW', r: 1, c: 0 });
    const block = derivationLatex(ctx, d);
    expect(block).toContain('\\underset{[N\\times B]}{X^{\\top}}');
    expect(block).toContain(`= ${numberFormat('en').tex(d.value, d.resultDigits, false)}`);
  });

  it('writes a given value as its entry and the value the panel’s heading shows', () => {
    const ctx = latexLesson('column', 'softmax-ce', 'identity', SIZES[0]);
    const en = numberFormat('en');
    const x = derive(ctx, { m: 'x', r: 1, c: 0 });
    expect(derivationLatex(ctx, x)).toBe(`\\begin{align*}\n  &x_{1,0} = ${en.tex(x.value, 6, false)}\n\\end{align*}\n`);
    const t = derive(ctx, { m: 'target', r: 0, c: 1 });
    expect(derivationLatex(ctx, t)).toBe(`\\begin{align*}\n  &t_{1} = ${t.value}\n\\end{align*}\n`);
  });
});
