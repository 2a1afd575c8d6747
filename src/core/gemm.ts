// Row-major matrix products for the dense layer. Three kernels cover every
// forward and backward product of the three conventions. Each loop order
// keeps the innermost loop on contiguous memory, and four output rows share
// each pass over the right-hand operand.

/** C[M,P] = A[M,K] · B[K,P]. */
export function matmulNN(A: Float64Array, B: Float64Array, M: number, K: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  let i = 0;
  for (; i + 3 < M; i += 4) {
    const c0 = i * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
    const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    for (let k = 0; k < K; k++) {
      const v0 = A[a0 + k], v1 = A[a1 + k], v2 = A[a2 + k], v3 = A[a3 + k];
      const bk = k * P;
      for (let j = 0; j < P; j++) {
        const bv = B[bk + j];
        C[c0 + j] += v0 * bv;
        C[c1 + j] += v1 * bv;
        C[c2 + j] += v2 * bv;
        C[c3 + j] += v3 * bv;
      }
    }
  }
  for (; i < M; i++) {
    const c0 = i * P, a0 = i * K;
    for (let k = 0; k < K; k++) {
      const v0 = A[a0 + k];
      const bk = k * P;
      for (let j = 0; j < P; j++) C[c0 + j] += v0 * B[bk + j];
    }
  }
  return C;
}

/** C[M,P] = A[M,K] · B[P,K]ᵀ: each entry is a dot product of two contiguous rows. */
export function matmulNT(A: Float64Array, B: Float64Array, M: number, K: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  for (let i = 0; i < M; i++) {
    const a = i * K;
    let j = 0;
    for (; j + 3 < P; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < K; k++) {
        const av = A[a + k];
        s0 += av * B[b0 + k];
        s1 += av * B[b1 + k];
        s2 += av * B[b2 + k];
        s3 += av * B[b3 + k];
      }
      C[i * P + j] = s0;
      C[i * P + j + 1] = s1;
      C[i * P + j + 2] = s2;
      C[i * P + j + 3] = s3;
    }
    for (; j < P; j++) {
      const b0 = j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a + k] * B[b0 + k];
      C[i * P + j] = s;
    }
  }
  return C;
}

/**
 * C[M,P] = A[K,M]ᵀ · B[K,P]: a sum of K outer products, one per row of A and B,
 * added in order of k so each entry equals the running sum a learner sees.
 */
export function matmulTN(A: Float64Array, B: Float64Array, K: number, M: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  for (let k = 0; k < K; k++) {
    const a = k * M, bk = k * P;
    let i = 0;
    for (; i + 3 < M; i += 4) {
      const v0 = A[a + i], v1 = A[a + i + 1], v2 = A[a + i + 2], v3 = A[a + i + 3];
      const c0 = i * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
      for (let j = 0; j < P; j++) {
        const bv = B[bk + j];
        C[c0 + j] += v0 * bv;
        C[c1 + j] += v1 * bv;
        C[c2 + j] += v2 * bv;
        C[c3 + j] += v3 * bv;
      }
    }
    for (; i < M; i++) {
      const v0 = A[a + i], c0 = i * P;
      for (let j = 0; j < P; j++) C[c0 + j] += v0 * B[bk + j];
    }
  }
  return C;
}
