// Lays a structured derivation out as the panel's lines of LaTeX: the cell's
// rule with a long sum cut to its first and last terms, the opening of the
// numbers line, and the result. Pure: the panel and the prefetcher share it.
import type { Derivation, NumberFormat } from '../../core/index.ts';

/** Sums longer than this (the loss over B·T outputs) show their first and last terms until asked for all. */
export const MAX_TERMS = 13;
const HEAD = 6;
const TAIL = 2;

/** The indices of the terms to show: all of them, or the first HEAD and the last TAIL. */
export function shownTerms(n: number, all: boolean): number[] {
  const ks = Array.from({ length: n }, (_, k) => k);
  return all || n <= MAX_TERMS ? ks : [...ks.slice(0, HEAD), ...ks.slice(n - TAIL)];
}

/** The rule with this cell's indices: left side, scale, the (possibly shortened) sum in brackets, and what follows it. */
export function indexedTex(d: Derivation, all: boolean): string {
  const n = d.terms.length;
  const join = (from: number, to: number) =>
    d.terms
      .slice(from, to)
      .map((t) => t.symbolic)
      .join(' + ');
  const sum = all || n <= MAX_TERMS ? join(0, n) : `${join(0, HEAD)} + \\cdots + ${join(n - TAIL, n)}`;
  return `${d.lhs} = ${d.scaleTex}${d.bracket ? '\\Big(' : ''}${sum}${d.bracket ? '\\Big)' : ''}${d.aside}`;
}

/** The opening of the numbers line: '=', and the scale with its bracket when there is one. */
export const openerTex = (d: Derivation): string => `=${d.scaleTex}${d.bracket ? '\\Big(' : ''}`;

/** The closing bracket of the numbers line, or ''. */
export const closerTex = (d: Derivation): string => (d.bracket ? '\\Big)' : '');

/** The result line: '= value', or '' when there is none to show (given values, values not computed yet). */
export function resultTex(d: Derivation, fmt: NumberFormat): string {
  if (d.role !== 'computed' || d.progress.kind === 'pending' || Number.isNaN(d.value)) return '';
  return `= ${fmt.tex(d.value, 6, false)}`;
}

/** A formula as the panel typesets it: LaTeX, display mode, with MathML. */
export type Formula = readonly [tex: string, display: boolean, mathml: boolean];

/** Every formula the panel typesets for a derivation whose long sum is cut short, for typesetting ahead. */
export function formulasOf(d: Derivation, fmt: NumberFormat): Formula[] {
  const out: Formula[] = [];
  if (d.general) out.push([d.general, false, true]);
  if (d.lhs && d.terms.length > 0) out.push([indexedTex(d, false), false, true]);
  if (d.terms.length > 0) {
    out.push([openerTex(d), false, true]);
    for (const k of shownTerms(d.terms.length, false)) out.push([d.terms[k].tex, false, false]);
  }
  const result = resultTex(d, fmt);
  if (result) out.push([result, false, true]);
  if (d.matrixForm) out.push([d.matrixForm.tex, true, true], [d.matrixForm.check.symbolic, false, true], [d.matrixForm.check.numeric, false, true]);
  return out;
}
