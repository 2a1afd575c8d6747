// The losses' rules as tokens (tokens.ts): each loss's writers (ops/losses/
// formulas.ts) filled with its pieces, the result, the index letters, y and
// the target marked as parts. Their plain text is the TeX the panel shows.
// A new loss is a new entry here, beside its writers.
import type { Convention } from './conventions.ts';
import { RESULT, entryTokens, factorPart, letterTokens, subTokens } from './notationTokens.ts';
import { CE_WRITERS, MSE_WRITERS, SUM_WRITERS } from './ops/losses/formulas.ts';
import type { CoreLossKind } from './ops/lossKinds.ts';
import { type Token, fill, group, seq, tok } from './tokens.ts';

/** L and dL/dy of a loss as tokens. */
export interface LossTokens {
  L: Token[];
  dY: Token[];
}

const L: Token[] = [tok('L', RESULT)];
const dY = (c: Convention) => group(RESULT, entryTokens('dY', c));
const y = (c: Convention, j = letterTokens('j')) => group(factorPart('y'), entryTokens('y', c, 'frac', { j }));
const t = (c: Convention) => group(factorPart('target'), entryTokens('target', c));
/** The true class of sample s, c_{s}: the target's entry, its s the index's. */
const cs = group(factorPart('target'), seq('c_{', letterTokens('s'), '}'));
const [s, j] = [letterTokens('s'), letterTokens('j')];

/** Each loss with a value, as tokens in a convention. */
export const LOSS_TOKENS: Record<CoreLossKind, (c: Convention) => LossTokens> = {
  mse: (c) => ({ L: fill(MSE_WRITERS.L, [L, s, j, y(c), t(c)]), dY: fill(MSE_WRITERS.dY, [dY(c), y(c), t(c)]) }),
  'softmax-ce': (c) => ({
    L: fill(CE_WRITERS.L, [L, s, subTokens('y', c, { j: cs }), subTokens('y', c), y(c), y(c, [tok('k')])]),
    dY: fill(CE_WRITERS.dY, [dY(c), subTokens('y', c), j, cs]),
  }),
  sum: (c) => ({ L: fill(SUM_WRITERS.L, [L, s, j, y(c)]), dY: fill(SUM_WRITERS.dY, [dY(c)]) }),
};
