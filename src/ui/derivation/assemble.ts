// The formulas the panel typesets for a structured derivation, for typesetting
// ahead; the lines themselves are written by core (derivationTex.ts), which the
// panel, the prefetcher and the LaTeX export share.
import { type Derivation, type NumberFormat, indexedTex, openerTex, resultTex, shownTerms } from '../../core/index.ts';

export { MAX_TERMS, closerTex, indexedTex, openerTex, resultTex, shownTerms } from '../../core/index.ts';

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
