// A structured derivation's lines as LaTeX: the rule with this cell's indices
// (a long sum cut to its first and last terms, or whole), the numbers line's
// opening and closing, and the result. Pure: the panel, its prefetcher and the
// LaTeX export all write the lines from here, so they cannot drift apart.
import type { Derivation } from './derivation.ts';
import type { NumberFormat } from './format.ts';

/** Sums longer than this (the loss over B·T outputs) show their first and last terms until asked for all. */
export const MAX_TERMS = 13;
const HEAD = 6;
const TAIL = 2;

/** The indices of the terms to show: all of them, or the first HEAD and the last TAIL. */
export function shownTerms(n: number, all: boolean): number[] {
  const ks = Array.from({ length: n }, (_, k) => k);
  return all || n <= MAX_TERMS ? ks : [...ks.slice(0, HEAD), ...ks.slice(n - TAIL)];
}

/** The right side of the rule with this cell's indices: scale, the (possibly shortened) sum in brackets, and what follows it. */
export function indexedRhsTex(d: Derivation, all: boolean): string {
  const n = d.terms.length;
  const join = (from: number, to: number) =>
    d.terms
      .slice(from, to)
      .map((t) => t.symbolic)
      .join(' + ');
  const sum = all || n <= MAX_TERMS ? join(0, n) : `${join(0, HEAD)} + \\cdots + ${join(n - TAIL, n)}`;
  return `${d.scaleTex}${d.bracket ? '\\Big(' : ''}${sum}${d.bracket ? '\\Big)' : ''}${d.aside}`;
}

/** The rule with this cell's indices: left side, scale, the (possibly shortened) sum in brackets, and what follows it. */
export const indexedTex = (d: Derivation, all: boolean): string => `${d.lhs} = ${indexedRhsTex(d, all)}`;

/** The opening of the numbers line: '=', and the scale with its bracket when there is one. */
export const openerTex = (d: Derivation): string => `=${d.scaleTex}${d.bracket ? '\\Big(' : ''}`;

/** The closing bracket of the numbers line, or ''. */
export const closerTex = (d: Derivation): string => (d.bracket ? '\\Big)' : '');

/** The whole numbers line: the opening, every term's numbers joined by +, and the closing. */
export const numbersTex = (d: Derivation): string => `${openerTex(d)}${d.terms.map((t) => t.tex).join(' + ')}${closerTex(d)}`;

/** The result line: '= value' to the figures core chose, or '' when there is none to show (given values, values not computed yet). */
export function resultTex(d: Derivation, fmt: NumberFormat): string {
  if (d.role !== 'computed' || d.progress.kind === 'pending' || Number.isNaN(d.value)) return '';
  return `= ${fmt.tex(d.value, d.resultDigits, false)}`;
}
