// The weight pictures of a layer: output j's weights from every input, read out of W in each convention's layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors.ts';
import type { Matrix } from '../../src/core/matrix.ts';
import { weightImages } from '../../src/core/train/weightImages.ts';

/** W laid out in a convention from logical weights w[i][j] (input i into output j), written from the convention table. */
function layOut(conv: 'row' | 'torch' | 'column', w: number[][]): Matrix {
  const N = w.length, T = w[0].length;
  const data = new Float64Array(N * T);
  for (let i = 0; i < N; i++) for (let j = 0; j < T; j++) data[conv === 'row' ? i * T + j : j * N + i] = w[i][j];
  return conv === 'row' ? { rows: N, cols: T, data } : { rows: T, cols: N, data };
}

describe('weightImages', () => {
  // Input i into output j is 10·i + j: each value says where it came from.
  const w = [0, 1, 2, 3].map((i) => [0, 1, 2].map((j) => 10 * i + j));

  it('gives, for each output, the weights from every input in input order, in every convention', () => {
    for (const conv of ['row', 'torch', 'column'] as const) {
      const images = weightImages(conv, layOut(conv, w), 4, 3);
      expect(images.map((a) => Array.from(a)), conv).toEqual([
        [0, 10, 20, 30],
        [1, 11, 21, 31],
        [2, 12, 22, 32],
      ]);
    }
  });

  it('reads W[i*T+j] in the row convention and W[j*N+i] in torch and column', () => {
    const row = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(weightImages('row', row, 2, 3).map((a) => Array.from(a))).toEqual([[1, 4], [2, 5], [3, 6]]);
    const torch = { rows: 3, cols: 2, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(weightImages('torch', torch, 2, 3).map((a) => Array.from(a))).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(weightImages('column', torch, 2, 3).map((a) => Array.from(a))).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('agrees across the conventions for any weights, and leaves W as it was (fresh arrays)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (N, T, seed) => {
        const ws = Array.from({ length: N }, (_, i) => Array.from({ length: T }, (_, j) => Math.sin(seed + 7 * i + 3 * j)));
        const [r, t, c] = (['row', 'torch', 'column'] as const).map((conv) => {
          const W = layOut(conv, ws);
          const before = Array.from(W.data);
          const images = weightImages(conv, W, N, T);
          images.forEach((a) => a.fill(99));
          expect(Array.from(W.data)).toEqual(before);
          return weightImages(conv, W, N, T).map((a) => Array.from(a));
        });
        expect(r).toHaveLength(T);
        expect(t).toEqual(r);
        expect(c).toEqual(r);
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('an MNIST layer: ten pictures of 784 weights', () => {
    const W = { rows: 10, cols: 784, data: Float64Array.from({ length: 7840 }, (_, k) => k) };
    const images = weightImages('torch', W, 784, 10);
    expect(images).toHaveLength(10);
    expect(images[3]).toHaveLength(784);
    expect(images[3][27]).toBe(3 * 784 + 27);
  });

  it('throws with both shapes when W does not fit N and T', () => {
    const W = { rows: 3, cols: 4, data: new Float64Array(12) };
    expect(() => weightImages('row', W, 3, 4)).not.toThrow();
    expect(() => weightImages('torch', W, 3, 4)).toThrow(ValidationError);
    expect(() => weightImages('torch', W, 3, 4)).toThrow("weightImages: W is [3,4] but N = 3 inputs and T = 4 outputs need [4,3] (convention 'torch')");
  });
});
