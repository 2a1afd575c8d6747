// The loss table: one entry per loss, each in its own file (losses/), holding
// how L and dL/dy are computed, how they are written, the terms of one cell of
// each, and what the player says. 'upstream' is an entry too: it has no L,
// and dL/dy is given. A new loss is a new file and a line here.
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import type { Matrix } from '../matrix.ts';
import { assertMatrix } from '../validate.ts';
import { type LossEntry, type LossResult, ceDtex, ceTex, mseDtex, mseTex, sumDtex, sumTex } from './losses/common.ts';
import { MSE } from './losses/mse.ts';
import { SOFTMAX_CE } from './losses/softmaxCe.ts';
import { SUM } from './losses/sum.ts';
import { UPSTREAM } from './losses/upstream.ts';
import { type CoreLossKind, LOSS_TARGET, type LossKind } from './lossKinds.ts';

export type { LossEntry, LossResult } from './losses/common.ts';

/** The loss table. */
export const LOSSES: Record<LossKind, LossEntry> = { mse: MSE, 'softmax-ce': SOFTMAX_CE, sum: SUM, upstream: UPSTREAM };

/** The loss value and dL/dy for y laid out in the given convention. */
export function loss(convention: Convention, kind: CoreLossKind, y: Matrix, target?: Matrix | number[]): LossResult {
  assertMatrix('y', y);
  const entry = (LOSSES as Record<string, LossEntry | undefined>)[kind];
  if (!entry || !entry.compute) throw new ValidationError('loss', `loss: unknown kind '${String(kind)}'; use mse, softmax-ce or sum`);
  return entry.compute(convention, y, target);
}

/** The notation of each loss that has a value. */
export interface LossSpec {
  kind: CoreLossKind;
  /** L as a formula over y, with subscripts in the convention's layout. */
  tex(conv: Convention): string;
  /** dL/dy as a formula. */
  dtex(conv: Convention): string;
}

/** The notation of each loss, as a table of its own. */
export const LOSS_SPECS: Record<CoreLossKind, LossSpec> = {
  mse: { kind: 'mse', tex: mseTex, dtex: mseDtex },
  'softmax-ce': { kind: 'softmax-ce', tex: ceTex, dtex: ceDtex },
  sum: { kind: 'sum', tex: sumTex, dtex: sumDtex },
};

/** The target each loss needs, re-exported beside the table. */
export { LOSS_TARGET };
