// The activations that can follow the layer, one entry each: the function,
// its derivative, and how both are written. y = act(z) elementwise, and the
// backward pass forms dL/dz = dL/dy ⊙ act'(z). A new activation is a new
// entry here and its words in the string catalogue.
import { ValidationError } from '../errors.ts';
import type { ActivationCode } from '../export/dialect.ts';
import type { NumberFormat } from '../format.ts';
import type { Matrix } from '../matrix.ts';
import { assertMatrix, isAllFinite } from '../validate.ts';

import { ACTIVATIONS, type Activation } from './activationKinds.ts';

export { ACTIVATIONS, isActivation, type Activation } from './activationKinds.ts';

/** One activation: the function, its derivative, and their notation. */
export interface ActivationSpec {
  id: Activation;
  /** y = f(z). */
  f(z: number): number;
  /** f'(z), given z and y = f(z) (relu'(0) = 0, as in PyTorch). */
  df(z: number, y: number): number;
  /** Which value the slope is worked out from, and so the cell a learner reads it from: z itself, or y = f(z). */
  slopeOf: 'z' | 'y';
  /** f applied to an argument, in LaTeX: '\sigma(z_{sj})'. */
  apply(arg: string): string;
  /** f' at z written the way it is taught, given z's symbol: '\sigma(z)(1 - \sigma(z))'. */
  deriv(z: string): string;
  /** The same with numbers to `digits` significant figures (3 by default), from the value of z and of y = f(z) (σ(z) is y, so y's value is what is shown). */
  derivNumeric(z: number, y: number, fmt: NumberFormat, digits?: number): string;
  /** f' as a matrix function, for the matrix form: '\sigma\'(Z)'. */
  derivOf(arg: string): string;
  /** f and f' in an exported Python program. */
  code: ActivationCode;
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The activation table. */
export const ACTIVATION_SPECS: Record<Activation, ActivationSpec> = {
  identity: {
    id: 'identity',
    f: (z) => z,
    df: () => 1,
    slopeOf: 'z',
    apply: (a) => a,
    deriv: () => '1',
    derivNumeric: () => '1',
    derivOf: () => '\\mathbf{1}',
    code: { forward: { numpy: (z) => z, pytorch: (z) => z }, slope: () => '1' },
  },
  relu: {
    id: 'relu',
    f: (z) => (z > 0 ? z : 0),
    df: (z) => (z > 0 ? 1 : 0),
    slopeOf: 'z',
    apply: (a) => `\\operatorname{relu}(${a})`,
    deriv: (z) => `[${z} > 0]`,
    derivNumeric: (z, _y, fmt, digits = 3) => `[${fmt.tex(z, digits, false)} > 0]`,
    derivOf: (a) => `[${a} > 0]`,
    code: { forward: { numpy: (z) => `np.maximum(${z}, 0.0)`, pytorch: (z) => `torch.relu(${z})` }, slope: (z) => `(${z} > 0)` },
  },
  sigmoid: {
    id: 'sigmoid',
    f: sigmoid,
    df: (_z, y) => y * (1 - y),
    slopeOf: 'y',
    apply: (a) => `\\sigma(${a})`,
    deriv: (z) => `\\sigma(${z})\\left(1 - \\sigma(${z})\\right)`,
    derivNumeric: (_z, y, fmt, digits = 3) => `${fmt.tex(y, digits, false)}\\left(1 - ${fmt.tex(y, digits, false)}\\right)`,
    derivOf: (a) => `\\sigma(${a}) \\odot \\left(1 - \\sigma(${a})\\right)`,
    code: { forward: { numpy: (z) => `1 / (1 + np.exp(-${z}))`, pytorch: (z) => `torch.sigmoid(${z})` }, slope: (_z, y) => `(${y} * (1 - ${y}))` },
  },
  tanh: {
    id: 'tanh',
    f: Math.tanh,
    df: (_z, y) => 1 - y * y,
    slopeOf: 'y',
    apply: (a) => `\\tanh(${a})`,
    deriv: (z) => `\\left(1 - \\tanh^2(${z})\\right)`,
    derivNumeric: (_z, y, fmt, digits = 3) => `\\left(1 - \\left(${fmt.tex(y, digits, false)}\\right)^2\\right)`,
    derivOf: (a) => `\\left(1 - \\tanh^2(${a})\\right)`,
    code: { forward: { numpy: (z) => `np.tanh(${z})`, pytorch: (z) => `torch.tanh(${z})` }, slope: (_z, y) => `(1 - ${y} ** 2)` },
  },
};

/** y = act(z), elementwise, as a fresh matrix. */
export function activate(kind: Activation, z: Matrix): Matrix {
  const spec = ACTIVATION_SPECS[kind];
  if (!spec) throw new ValidationError('activation', `activate: unknown activation '${String(kind)}'; use ${ACTIVATIONS.join(', ')}`);
  assertMatrix('z', z);
  const data = new Float64Array(z.data.length);
  for (let k = 0; k < data.length; k++) data[k] = spec.f(z.data[k]);
  return { rows: z.rows, cols: z.cols, data };
}

/** dL/dz = dL/dy ⊙ act'(z), elementwise, as a fresh matrix; dY has z's shape. */
export function activationBackward(kind: Activation, z: Matrix, dY: Matrix): Matrix {
  const spec = ACTIVATION_SPECS[kind];
  if (!spec) throw new ValidationError('activation', `activationBackward: unknown activation '${String(kind)}'; use ${ACTIVATIONS.join(', ')}`);
  assertMatrix('z', z);
  assertMatrix('dY', dY);
  if (dY.rows !== z.rows || dY.cols !== z.cols) {
    throw new ValidationError('dY', `activationBackward: dY is [${dY.rows},${dY.cols}] but z is [${z.rows},${z.cols}]`);
  }
  const data = new Float64Array(z.data.length);
  for (let k = 0; k < data.length; k++) {
    const zk = z.data[k];
    data[k] = dY.data[k] * spec.df(zk, spec.f(zk));
  }
  if (!isAllFinite(data)) {
    const k = data.findIndex((v) => !Number.isFinite(v));
    throw new ValidationError('dZ', `activationBackward: dZ[${Math.floor(k / z.cols)},${k % z.cols}] overflows to ${String(data[k])}`);
  }
  return { rows: z.rows, cols: z.cols, data };
}
