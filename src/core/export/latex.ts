// One cell's derivation as LaTeX source, to paste into notes or a paper: an
// align* block of the lines the panel shows (the rule, the rule with this
// cell's indices, the numbers, the result) and the matrix form with its
// dimension check, written from core's structured derivation and the same
// line builders the panel uses (derivationTex.ts). Lines start at the
// alignment point; the numbers and the result set their = under the cell's
// by a \phantom of its left side.
import type { Derivation } from '../derivation.ts';
import { indexedTex, numbersTex, resultTex } from '../derivationTex.ts';
import { ENGLISH, type NumberFormat } from '../format.ts';
import { idxOf } from '../nodes.ts';
import { entryTex } from '../notation.ts';
import type { DerivationContext } from '../ops/types.ts';
import { nodeLayout } from '../values.ts';

/** Significant figures of a given value, as the panel's heading writes it. */
const GIVEN_DIGITS = 6;

/** The cell as an entry in index notation, with its numbers: x_{01}, \tfrac{\partial L}{\partial W_{10}}. */
function cellTex(ctx: Pick<DerivationContext, 'convention' | 'loss'>, d: Derivation): string {
  const layout = nodeLayout(d.cell.m, ctx.loss);
  return entryTex(d.cell.m, ctx.convention, idxOf(d.cell, ctx.convention, layout), 'frac', layout);
}

/** The lines of a derivation, each a formula that starts at the alignment point. */
function derivationLines(ctx: Pick<DerivationContext, 'convention' | 'loss'>, d: Derivation, fmt: NumberFormat): string[] {
  if (d.role !== 'computed') return [Number.isNaN(d.value) ? cellTex(ctx, d) : `${cellTex(ctx, d)} = ${fmt.tex(d.value, GIVEN_DIGITS, false)}`];
  const lines = d.general ? [d.general] : [];
  if (d.lhs && d.terms.length > 0) {
    const under = `\\phantom{${d.lhs}} `;
    lines.push(indexedTex(d, true), `${under}${numbersTex(d)}`);
    const result = resultTex(d, fmt);
    if (result) lines.push(`${under}${result}`);
  }
  return lines;
}

/**
 * A derivation as LaTeX source: one align* block (amsmath; KaTeX typesets it in display mode) of its lines, every
 * term of a long sum written out, and its matrix form and dimension check after a little space. Numbers as the
 * panel writes them, in `fmt`'s notation.
 */
export function derivationLatex(ctx: Pick<DerivationContext, 'convention' | 'loss'>, d: Derivation, fmt: NumberFormat = ENGLISH): string {
  const lines = derivationLines(ctx, d, fmt);
  const form = d.matrixForm ? [d.matrixForm.tex, `${d.matrixForm.check.symbolic},\\qquad ${d.matrixForm.check.numeric}`] : [];
  const row = (l: string) => `  &${l}`;
  const body = lines.map(row).join(' \\\\\n');
  const tail = form.length > 0 ? ` \\\\[1ex]\n${form.map(row).join(' \\\\\n')}` : '';
  return `\\begin{align*}\n${body}${tail}\n\\end{align*}\n`;
}

