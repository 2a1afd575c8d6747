// Planted mistakes, as variants of the backward rules: a sum rule with a
// factor used untransposed, with only the first sample's term, or with the
// mean's 1/B; softmax's gradient with only the diagonal of its Jacobian; the
// activation's slope taken at y. Core evaluates each from the lesson's own
// rules, so the wrong numbers are what the wrong formula gives.
import type { CellRef, MatrixName } from '../cells.ts';
import { ACTIVATION_SPECS } from '../ops/activation.ts';
import { linearRule } from '../ops/linear.ts';
import { softmaxRow } from '../ops/lossMath.ts';
import { type SumRule, sumTerms } from '../ops/sums.ts';
import type { DerivationContext, GraphSpec } from '../ops/types.ts';
import { cellAt, idxOf, matrixShape } from '../nodes.ts';
import type { BugId } from './types.ts';

/** How a sum rule is changed: a factor's cell read transposed, only the first term kept, or the sum divided by its length. */
type SumChange = { kind: 'untransposed'; factor: 'W' | 'x' } | { kind: 'firstTerm' } | { kind: 'mean' };

/** One planted mistake: the gradients it can go into, when it applies, and the variant it is. */
interface BugSpec {
  nodes(spec: GraphSpec): MatrixName[];
  change: SumChange | { kind: 'softmaxDiagonal' } | { kind: 'slopeAtY' };
}

/** The planted mistakes. */
export const BUGS: Record<BugId, BugSpec> = {
  // dL/dx with W not transposed: only a square W gives a matrix of the right shape.
  transpose: { nodes: (s) => (s.sizes.N === s.sizes.T ? ['dX'] : []), change: { kind: 'untransposed', factor: 'W' } },
  'batch-sum': { nodes: (s) => (s.sizes.B > 1 ? ['db', 'dW'] : []), change: { kind: 'firstTerm' } },
  mean: { nodes: (s) => (s.sizes.B > 1 ? ['db', 'dW'] : []), change: { kind: 'mean' } },
  softmax: { nodes: (s) => (s.loss === 'softmax-ce' && s.sizes.T > 1 ? ['dY'] : []), change: { kind: 'softmaxDiagonal' } },
  // relu'(relu(z)) is relu'(z), so only the smooth activations show this mistake.
  'slope-at-y': { nodes: (s) => (s.activation === 'sigmoid' || s.activation === 'tanh' ? ['dZ'] : []), change: { kind: 'slopeAtY' } },
};

/** Every mistake, in the order the exercises draw them. */
export const BUG_IDS: readonly BugId[] = ['transpose', 'batch-sum', 'mean', 'softmax', 'slope-at-y'];

/** The mistakes a lesson can have planted, with the gradient each goes into. */
export function bugsFor(spec: GraphSpec): { bug: BugId; node: MatrixName }[] {
  return BUG_IDS.flatMap((bug) => BUGS[bug].nodes(spec).map((node) => ({ bug, node })));
}

/** Evaluates a changed sum rule at one cell. */
function changedSum(ctx: DerivationContext, rule: SumRule, change: SumChange, cell: CellRef): number {
  if (change.kind === 'untransposed') {
    // The factor read at the mirrored place of the cell it should be read at (W is square): W where Wᵀ belongs.
    const terms = sumTerms(rule, ctx, cell).terms;
    let v = 0;
    for (const t of terms) {
      let p = 1;
      t.factors.forEach((f, k) => {
        p *= f.m === change.factor ? cellAtValue(ctx, { m: f.m, r: f.c, c: f.r }) : t.values[k];
      });
      v += p;
    }
    return v;
  }
  const terms = sumTerms(rule, ctx, cell).terms;
  if (change.kind === 'firstTerm') return terms[0].value;
  return terms.reduce((a, t) => a + t.value, 0) / terms.length;
}

const cellAtValue = (ctx: DerivationContext, c: CellRef): number => {
  const m = c.m === 'W' ? ctx.inputs.W : ctx.inputs.x;
  return m.data[c.r * m.cols + c.c];
};

/** The values of gradient `node` with mistake `bug` planted, computed from the lesson's correct values upstream, row-major. */
export function buggyGradient(ctx: DerivationContext, bug: BugId, node: MatrixName): Float64Array {
  const conv = ctx.convention;
  const [rows, cols] = matrixShape(conv, ctx.sizes, node);
  const out = new Float64Array(rows * cols);
  const change = BUGS[bug].change;
  const act = ctx.activation ?? 'identity';
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const cell = { m: node, r, c };
      const k = r * cols + c;
      if (change.kind === 'softmaxDiagonal') {
        // Only ∂p_j/∂y_j = p_j(1 − p_j) kept: the entries off the true class lose their p_j / B.
        const { s, j } = idxOf(cell, conv) as { s: number; j: number };
        const cls = ctx.inputs.targetClasses[s];
        out[k] = j === cls ? (softmaxRow(conv, ctx.outputs.y, s)[j] - 1) / ctx.sizes.B : 0;
      } else if (change.kind === 'slopeAtY') {
        const spec = ACTIVATION_SPECS[act];
        const idx = idxOf(cell, conv);
        const at = (m: MatrixName) => {
          const ref = cellAt(m, conv, idx);
          const mat = m === 'dY' ? ctx.outputs.dY : ctx.outputs.y;
          return mat.data[ref.r * mat.cols + ref.c];
        };
        const y = at('y');
        out[k] = at('dY') * spec.df(y, spec.f(y));
      } else {
        out[k] = changedSum(ctx, linearRule(node as 'dW' | 'dX' | 'db', conv, act), change, cell);
      }
    }
  return out;
}
