// The kinds of loss, and what target each needs. The losses themselves are in losses.ts.

/** The losses core computes. 'upstream' has no loss: dL/dy is given directly. */
export type CoreLossKind = 'mse' | 'softmax-ce' | 'sum';

/** Where dL/dy comes from: a loss, or typed in directly ('upstream'). */
export type LossKind = CoreLossKind | 'upstream';

/** Every loss kind, in the order the app lists them. */
export const LOSS_KINDS: readonly LossKind[] = ['mse', 'softmax-ce', 'sum', 'upstream'];

/** True when s names a loss kind. */
export function isLossKind(s: unknown): s is LossKind {
  return typeof s === 'string' && (LOSS_KINDS as readonly string[]).includes(s);
}

/** What target a loss compares y with: a matrix of y's shape, one class index per sample, or none. */
export type TargetKind = 'matrix' | 'classes' | null;

/** The target of each loss. */
export const LOSS_TARGET: Record<LossKind, TargetKind> = { mse: 'matrix', 'softmax-ce': 'classes', sum: null, upstream: null };
