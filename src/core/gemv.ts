// The vector-shaped pieces of the matrix products (gemm.ts): outer products (K = 1), matrix-vector products
// and single rows of C. At batch size 1 every product of the dense layer is one of these.
//
// Exactness contract (as in gemm.ts): every entry of C is `let s = 0; for (k = 0; k < K; k++) s += a·b`,
// one term at a time in order of k from 0. Speed comes only from working on several entries at once
// (each loaded operand shared by several running sums, many independent sums in flight), never from
// reordering or splitting one entry's sum.

/** K = 1: C[i,j] = 0 + a[i]·b[j], the one-term sum started at 0 like every other entry. */
export function outer(a: Float64Array, b: Float64Array, C: Float64Array, M: number, P: number): void {
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const v0 = a[i], v1 = a[i + 1], v2 = a[i + 2], v3 = a[i + 3];
    const c0 = i * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
    for (let j = 0; j < P; j++) {
      const bv = b[j];
      C[c0 + j] = 0 + v0 * bv;
      C[c1 + j] = 0 + v1 * bv;
      C[c2 + j] = 0 + v2 * bv;
      C[c3 + j] = 0 + v3 * bv;
    }
  }
  for (; i < M; i++) {
    const v = a[i], c = i * P;
    for (let j = 0; j < P; j++) C[c + j] = 0 + v * b[j];
  }
}

/** Σ_k x[xo + k] · y[yo + k], in order of k from 0. */
export function dot(x: Float64Array, xo: number, y: Float64Array, yo: number, K: number): number {
  let s = 0;
  for (let k = 0; k < K; k++) s += x[xo + k] * y[yo + k];
  return s;
}

/**
 * C[c + j] = Σ_k v[vo + k] · R[(j·K) + k] for j < P: the dot products of one vector with P contiguous rows
 * of length K. Eight rows at a time share each load of the vector and keep eight independent sums in flight
 * (a dot product over a short row is otherwise bound by the latency of its chain of additions).
 */
export function dotRows(v: Float64Array, vo: number, R: Float64Array, C: Float64Array, c: number, K: number, P: number): void {
  let j = 0;
  for (; j + 7 < P; j += 8) {
    const r0 = j * K, r1 = r0 + K, r2 = r1 + K, r3 = r2 + K, r4 = r3 + K, r5 = r4 + K, r6 = r5 + K, r7 = r6 + K;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let k = 0; k < K; k++) {
      const x = v[vo + k];
      s0 += x * R[r0 + k];
      s1 += x * R[r1 + k];
      s2 += x * R[r2 + k];
      s3 += x * R[r3 + k];
      s4 += x * R[r4 + k];
      s5 += x * R[r5 + k];
      s6 += x * R[r6 + k];
      s7 += x * R[r7 + k];
    }
    C[c + j] = s0;
    C[c + j + 1] = s1;
    C[c + j + 2] = s2;
    C[c + j + 3] = s3;
    C[c + j + 4] = s4;
    C[c + j + 5] = s5;
    C[c + j + 6] = s6;
    C[c + j + 7] = s7;
  }
  for (; j < P; j++) C[c + j] = dot(v, vo, R, j * K, K);
}

/**
 * Row i of C = A[i,:] · B (NN, small batches; with A a vector, also TN's Aᵀb): streams eight rows of B per pass,
 * adding k..k+7 in order.
 */
export function nnRow(A: Float64Array, B: Float64Array, C: Float64Array, i: number, K: number, P: number): void {
  const c = i * P, a = i * K;
  let k = 0;
  for (; k + 7 < K; k += 8) {
    const v0 = A[a + k], v1 = A[a + k + 1], v2 = A[a + k + 2], v3 = A[a + k + 3];
    const v4 = A[a + k + 4], v5 = A[a + k + 5], v6 = A[a + k + 6], v7 = A[a + k + 7];
    const b0 = k * P, b1 = b0 + P, b2 = b1 + P, b3 = b2 + P, b4 = b3 + P, b5 = b4 + P, b6 = b5 + P, b7 = b6 + P;
    for (let j = 0; j < P; j++) {
      let s = C[c + j];
      s += v0 * B[b0 + j];
      s += v1 * B[b1 + j];
      s += v2 * B[b2 + j];
      s += v3 * B[b3 + j];
      s += v4 * B[b4 + j];
      s += v5 * B[b5 + j];
      s += v6 * B[b6 + j];
      s += v7 * B[b7 + j];
      C[c + j] = s;
    }
  }
  for (; k < K; k++) {
    const v = A[a + k], bk = k * P;
    for (let j = 0; j < P; j++) C[c + j] += v * B[bk + j];
  }
}
