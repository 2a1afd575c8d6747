// The name an exported file of a lesson starts with: what the lesson is.
import type { DerivationContext } from '../ops/types.ts';

/** backprop-<convention>-<loss>-<activation>, e.g. backprop-row-mse-sigmoid. */
export const lessonFileStem = (ctx: Pick<DerivationContext, 'convention' | 'loss' | 'activation'>): string =>
  `backprop-${ctx.convention}-${ctx.loss}-${ctx.activation ?? 'identity'}`;

/** A picture of the lesson: backprop-<convention>-<loss>-<activation>.svg or .png. */
export const lessonPictureFileName = (ctx: Pick<DerivationContext, 'convention' | 'loss' | 'activation'>, kind: 'svg' | 'png'): string => `${lessonFileStem(ctx)}.${kind}`;
