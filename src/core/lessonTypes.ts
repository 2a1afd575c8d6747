// The shapes of a lesson's data, apart from the functions that make them.
import type { Convention, Sizes } from './conventions.ts';
import type { Matrix } from './matrix.ts';
import type { Activation } from './ops/activation.ts';
import type { LossKind } from './ops/lossKinds.ts';

/** What a lesson is made from. */
export interface LessonConfig extends Sizes {
  convention: Convention;
  loss: LossKind;
  /** The activation after the layer; identity (none) when left out. */
  activation?: Activation;
  /** The learning rate of one SGD step after the backward pass (W⁺ = W − lr·dL/dW); no update step when left out. */
  lr?: number;
}

/** The values a learner can edit, laid out in the lesson's convention. */
export interface LessonInputs {
  x: Matrix;
  W: Matrix;
  b: Float64Array;
  /** Target of y's shape for mse. */
  targetMatrix: Matrix;
  /** One class index per sample for softmax-ce. */
  targetClasses: number[];
  /** dL/dy given directly, y's shape, for 'upstream'. */
  upstream: Matrix;
}

/** Everything computed from a lesson's inputs. */
export interface LessonOutputs {
  /** z, the dense product XW + b (in the convention's form), the shape of Y. The same matrix as y without an activation. */
  z: Matrix;
  /** y = act(z), the layer's output, the shape of Y in the convention. */
  y: Matrix;
  /** The scalar loss (NaN when dL/dy is given directly). */
  L: number;
  /** dL/dy, the shape of y. */
  dY: Matrix;
  /** dL/dz = dL/dy ⊙ act'(z), the shape of y. The same matrix as dY without an activation. */
  dZ: Matrix;
  /** dL/dX, the shape of X. */
  dX: Matrix;
  /** dL/dW, the shape of W. */
  dW: Matrix;
  /** dL/db, length T. */
  db: Float64Array;
  /** W − lr·dL/dW, the shape of W; only in a lesson with a learning rate. */
  Wn?: Matrix;
  /** b − lr·dL/db, length T; only in a lesson with a learning rate. */
  bn?: Float64Array;
}
