// The name an exported file of a lesson starts with: what the lesson is.
import type { DerivationContext } from '../ops/types.ts';

/** backprop-<convention>-<loss>-<activation>, e.g. backprop-row-mse-sigmoid. */
export const lessonFileStem = (ctx: Pick<DerivationContext, 'convention' | 'loss' | 'activation'>): string =>
  `backprop-${ctx.convention}-${ctx.loss}-${ctx.activation ?? 'identity'}`;
