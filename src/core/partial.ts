// Derivations of the values shown part-way through the step script: cells not
// yet computed, and dW and db sums that hold only the samples added so far.
import { type CellRef, matrixShape } from './conventions.ts';
import { type Derivation, type DerivationContext, derive } from './derivation.ts';
import { texNumber } from './format.ts';
import { type ComputedName, type Script, COMPUTED, samplesDoneAt, snapshotAt } from './script.ts';

const isComputed = (m: string): m is ComputedName => (COMPUTED as readonly string[]).includes(m);

/** The derivation of a cell as it stands after the first k steps of a script. */
export function deriveAtStep(ctx: DerivationContext, script: Script, k: number, cell: CellRef): Derivation {
  const full = derive(ctx, cell);
  if (k >= script.steps.length || !isComputed(cell.m)) return full;
  const snap = snapshotAt(ctx, script, k);
  const [, cols] = matrixShape(ctx.convention, ctx.sizes, cell.m);
  const shown = snap[cell.m][cell.r * cols + cell.c];
  if (Number.isNaN(shown)) {
    const at = script.steps.findIndex((st) => st.writes.some((w) => w.cell.m === cell.m && w.cell.r === cell.r && w.cell.c === cell.c));
    return {
      ...full,
      value: Number.NaN,
      indexed: '',
      numeric: '',
      result: '\\text{not computed yet}',
      terms: [],
      note: `Not computed yet: this value is written at step ${at + 1} of ${script.steps.length}. ${full.note}`,
    };
  }
  if (cell.m !== 'dW' && cell.m !== 'db') return full;
  const done = samplesDoneAt(script, k)[cell.m];
  const B = ctx.sizes.B;
  if (done >= B) return full;
  // Terms of dW and db run over samples in order, so the first `done` are the ones added so far.
  const terms = full.terms.slice(0, done);
  let value = 0;
  for (const t of terms) value += t.value;
  const lhs = full.indexed.split(' = ')[0];
  return {
    ...full,
    value,
    indexed: `${lhs} = ${terms.map((t) => t.symbolic).join(' + ')}\\ \\text{(so far)}`,
    numeric: `= ${terms.map((t) => t.tex).join(' + ')}`,
    result: `= ${texNumber(value, 6, false)}\\ \\text{so far}`,
    terms,
    note: `A running sum: ${done} of ${B} samples added so far. ${full.note}`,
  };
}
