// The activations by name. Their functions and notation are in activation.ts.

/** The activations after the layer. identity means none: y is the dense product itself. */
export type Activation = 'identity' | 'relu' | 'sigmoid' | 'tanh';

/** Every activation, in the order the app lists them. */
export const ACTIVATIONS: readonly Activation[] = ['identity', 'relu', 'sigmoid', 'tanh'];

/** True when s names an activation. */
export function isActivation(s: unknown): s is Activation {
  return typeof s === 'string' && (ACTIVATIONS as readonly string[]).includes(s);
}
