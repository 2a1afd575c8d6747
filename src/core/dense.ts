// Forward and backward of one dense layer, for the three conventions side by side.
import type { Convention } from './conventions.ts';
import { ValidationError } from './errors.ts';
import { matmulNN, matmulNT, matmulTN } from './gemm.ts';
import type { Matrix } from './matrix.ts';
import { code, msg } from './messages.ts';
import { sizesOf, wShape, xShape, yShape } from './nodes.ts';
import { assertFinite, assertMatrix, assertShape, isAllFinite, maxAbs } from './validate.ts';

/** Gradients of the loss with respect to the layer's inputs and parameters. */
export interface Gradients {
  /** dL/dX, the shape of X in the convention ([B,N] or [N,B] for column). */
  dX: Matrix;
  /** dL/dW, the shape of W in the convention ([N,T] for row, [T,N] otherwise). */
  dW: Matrix;
  /** dL/db, length T: dL/dY summed over the batch. */
  db: Float64Array;
}

// W is the largest input, so its values are not scanned up front: every entry of W
// enters every sample's y (and dX), so a non-finite weight always makes the much
// smaller output non-finite, and only then is W scanned, to name the bad entry.
function checkLayer(fn: string, conv: Convention, x: Matrix, W: Matrix): void {
  assertMatrix('x', x);
  assertMatrix('W', W, false);
  const inner = conv === 'column' ? x.rows : x.cols; // N according to x
  const wN = conv === 'row' ? W.rows : W.cols; // N according to W
  if (inner !== wN) {
    const s = sizesOf(conv, x, W);
    const [r, c] = wShape(conv, { ...s, N: inner });
    assertShape(fn, 'W', W, r, c, conv, `x [${x.rows},${x.cols}]`);
  }
}

/** Throws when an output is not finite: naming W's bad entry if it has one, otherwise the overflowing output. */
function checkOutput(fn: string, name: string, out: Float64Array, cols: number, W: Matrix): void {
  if (isAllFinite(out)) return;
  assertFinite('W', W.data);
  const k = out.findIndex((v) => !Number.isFinite(v));
  throw new ValidationError(
    name,
    `${fn}: ${name}[${Math.floor(k / cols)},${k % cols}] overflows to ${String(out[k])}; the inputs are too large for float64`,
    msg('error.overflow', { name: code(name), index: `${Math.floor(k / cols)},${k % cols}` }),
  );
}

/**
 * Y = XW + b (row), XWᵀ + b (torch) or WX + b1ᵀ (column). Returns a fresh matrix; inputs are not changed.
 * `name` is what an overflow is reported as: 'y', or 'z' when an activation follows.
 */
export function forward(convention: Convention, x: Matrix, W: Matrix, b: Float64Array, name: 'y' | 'z' = 'y'): Matrix {
  checkLayer('forward', convention, x, W);
  const s = sizesOf(convention, x, W);
  if (b.length !== s.T) {
    throw new ValidationError('b', `forward: b has ${b.length} entries but W needs ${s.T} (T) (convention '${convention}')`);
  }
  assertFinite('b', b);
  const { B, N, T } = s;
  if (convention === 'column') {
    const data = matmulNN(W.data, x.data, T, N, B);
    for (let t = 0; t < T; t++) for (let j = 0; j < B; j++) data[t * B + j] += b[t];
    checkOutput('forward', name, data, B, W);
    return { rows: T, cols: B, data };
  }
  const data = convention === 'row' ? matmulNN(x.data, W.data, B, N, T) : matmulNT(x.data, W.data, B, N, T);
  for (let i = 0; i < B; i++) for (let t = 0; t < T; t++) data[i * T + t] += b[t];
  checkOutput('forward', name, data, T, W);
  return { rows: B, cols: T, data };
}

/** Backpropagates dY = dL/dY through the layer: returns dL/dX, dL/dW and dL/db as fresh values. */
export function backward(convention: Convention, x: Matrix, W: Matrix, dY: Matrix): Gradients {
  checkLayer('backward', convention, x, W);
  const s = sizesOf(convention, x, W);
  const [yr, yc] = yShape(convention, s);
  assertMatrix('dY', dY);
  assertShape('backward', 'dY', dY, yr, yc, convention, 'y');
  const { B, N, T } = s;
  const G = dY.data;
  const [xr, xc] = xShape(convention, s);
  const [wr, wc] = wShape(convention, s);
  let dX: Float64Array;
  let dW: Float64Array;
  const db = new Float64Array(T);
  if (convention === 'row') {
    dX = matmulNT(G, W.data, B, T, N); // G Wᵀ
    dW = matmulTN(x.data, G, B, N, T); // Xᵀ G
  } else if (convention === 'torch') {
    dX = matmulNN(G, W.data, B, T, N); // G W
    dW = matmulTN(G, x.data, B, T, N); // Gᵀ X
  } else {
    dX = matmulTN(W.data, G, T, N, B); // Wᵀ G
    dW = matmulNT(G, x.data, T, B, N); // G Xᵀ
  }
  if (convention === 'column') {
    for (let t = 0; t < T; t++) {
      let acc = 0;
      for (let j = 0; j < B; j++) acc += G[t * B + j];
      db[t] = acc;
    }
  } else {
    for (let i = 0; i < B; i++) for (let t = 0; t < T; t++) db[t] += G[i * T + t];
  }
  checkOutput('backward', 'dX', dX, xc, W);
  // Every partial sum of dW is at most B·max|x|·max|dY|; scan dW only when that bound could overflow.
  if (!(B * maxAbs(x.data) * maxAbs(G) <= Number.MAX_VALUE)) checkOutput('backward', 'dW', dW, wc, W);
  checkOutput('backward', 'db', db, T, W);
  return { dX: { rows: xr, cols: xc, data: dX }, dW: { rows: wr, cols: wc, data: dW }, db };
}
