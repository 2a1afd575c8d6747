// The GEMM kernels' exactness contract: every entry is the sequential sum over k from 0, started at 0, so each
// kernel equals the naive triple loop bit for bit (===) at every shape, whatever order it works on entries in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matmulNN, matmulNT, matmulTN } from '../../src/core/gemm.ts';
import { FC_SEED } from './reference.ts';

type Index = (i: number, k: number, j: number) => [number, number];

/** C[i,j] = Σ_k A[a(i,k)] · B[b(k,j)], one term at a time in order of k, from 0. */
function naive(A: Float64Array, B: Float64Array, M: number, K: number, P: number, at: Index): Float64Array {
  const C = new Float64Array(M * P);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < P; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) {
        const [a, b] = at(i, k, j);
        s += A[a] * B[b];
      }
      C[i * P + j] = s;
    }
  return C;
}

/** The first entry where two arrays differ in any bit (−0 and 0 included), or null. */
function firstDifference(got: Float64Array, want: Float64Array): string | null {
  if (got.length !== want.length) return `length ${got.length} != ${want.length}`;
  for (let k = 0; k < got.length; k++) if (!Object.is(got[k], want[k])) return `[${k}] ${got[k]} != ${want[k]}`;
  return null;
}

/** Values with long mantissas and mixed signs and magnitudes, so any reordering of a sum shows in the last bits. */
const values = (n: number, seed: number): Float64Array => {
  const out = new Float64Array(n);
  let a = seed >>> 0;
  for (let k = 0; k < n; k++) {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    out[k] = ((a / 2 ** 32) * 2 - 1) * 10 ** ((a % 7) - 3);
  }
  return out;
};

/** Each kernel with the sizes of its operands and where C[i,j]'s k-th term reads them. */
const KERNELS = {
  NN: { run: matmulNN, sizeA: (M: number, K: number) => M * K, sizeB: (K: number, P: number) => K * P, at: (K: number, P: number): Index => (i, k, j) => [i * K + k, k * P + j] },
  NT: { run: matmulNT, sizeA: (M: number, K: number) => M * K, sizeB: (K: number, P: number) => P * K, at: (K: number): Index => (i, k, j) => [i * K + k, j * K + k] },
  TN: {
    run: (A: Float64Array, B: Float64Array, M: number, K: number, P: number) => matmulTN(A, B, K, M, P),
    sizeA: (M: number, K: number) => K * M,
    sizeB: (K: number, P: number) => K * P,
    at: (_K: number, P: number, M: number): Index => (i, k, j) => [k * M + i, k * P + j],
  },
} as const;

function check(name: keyof typeof KERNELS, M: number, K: number, P: number, seed: number): string | null {
  const kern = KERNELS[name];
  const A = values(kern.sizeA(M, K), seed), B = values(kern.sizeB(K, P), seed + 1);
  const d = firstDifference(kern.run(A, B, M, K, P), naive(A, B, M, K, P, kern.at(K, P, M)));
  return d && `${name} ${M}×${K}×${P}: ${d}`;
}

describe('GEMM kernels equal the naive sequential loop bit for bit', () => {
  // Every path: single rows and columns (matrix-vector products and K = 1 outer products), blocks of four and
  // eight and their remainders, and the shapes of the dense layer at B = 1.
  const shapes: [number, number, number][] = [
    [1, 1, 1], [1, 300, 37], [37, 300, 1], [19, 1, 23], [1, 1, 300], [300, 1, 1], [1, 37, 300], [300, 37, 1],
    [7, 13, 11], [4, 8, 4], [8, 16, 8], [9, 17, 9], [33, 65, 45], [2, 9, 3], [1, 100, 513], [1, 513, 100], [513, 100, 1],
  ];
  for (const name of ['NN', 'NT', 'TN'] as const) {
    it(`matmul${name} at the shapes that reach each of its paths`, () => {
      expect(shapes.map(([M, K, P], k) => check(name, M, K, P, 11 * k + 1)).filter((d) => d !== null)).toEqual([]);
    });
    it(`matmul${name} at any shape up to 20 × 40 × 20`, () => {
      const dim = (max: number) => fc.integer({ min: 1, max });
      fc.assert(
        fc.property(dim(20), dim(40), dim(20), fc.integer(), (M, K, P, seed) => {
          expect(check(name, M, K, P, seed)).toBeNull();
        }),
        { numRuns: 150, seed: FC_SEED },
      );
    });
  }
});
