// The weights of a layer as pictures: for each output j, the weight from every input i into it, in input order,
// so an image input's weights can be drawn as that image (MNIST: 784 inputs, a 28×28 picture per digit).
import type { Convention } from '../conventions.ts';
import { ValidationError } from '../errors.ts';
import type { Matrix } from '../matrix.ts';

/**
 * T arrays of N values: element i of array j is the weight feeding input i into output j, read from W's layout in
 * the convention (row: W is [N,T], W[i,j] at i·T + j; torch and column: W is [T,N], W[j,i] at j·N + i). W is not
 * changed; the arrays are fresh.
 */
export function weightImages(convention: Convention, W: Matrix, N: number, T: number): Float64Array[] {
  const row = convention === 'row';
  const [rows, cols] = row ? [N, T] : [T, N];
  if (W.rows !== rows || W.cols !== cols || W.data.length !== N * T) {
    throw new ValidationError('W', `weightImages: W is [${W.rows},${W.cols}] but N = ${N} inputs and T = ${T} outputs need [${rows},${cols}] (convention '${convention}')`);
  }
  const out: Float64Array[] = [];
  for (let j = 0; j < T; j++) {
    // torch and column keep output j's weights together, in input order: one contiguous row of W.
    if (!row) {
      out.push(W.data.slice(j * N, (j + 1) * N));
      continue;
    }
    const img = new Float64Array(N);
    for (let i = 0; i < N; i++) img[i] = W.data[i * T + j];
    out.push(img);
  }
  return out;
}
