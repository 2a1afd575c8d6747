// Row-major matrix products for the dense layer. Three kernels cover every
// forward and backward product of the three conventions.
//
// Exactness contract: every output entry is the sum over the shared dimension
// k taken one term at a time in order k = 0, 1, …, K-1, starting from 0, i.e.
// exactly `let s = 0; for (k = 0; k < K; k++) s += a[i,k] * b[k,j]`. V8 does
// not fuse multiply-adds, so the results are bit-for-bit those of the naive
// triple loop, which the step-by-step player replays. Speed comes only from
// the order in which *different* entries are worked on: register tiles of
// several entries share each loaded operand, and when a partial sum has to
// live in C between passes, each pass adds several consecutive k in order
// before storing it back. Never reassociate a sum or split it into partial
// sums that are added together later.
//
// The vector-shaped cases (K = 1, P = 1, single rows of C: every product at batch size 1) are in gemv.ts.
import { dot, dotRows, nnRow, outer } from './gemv.ts';

/** C[M,P] = A[M,K] · B[K,P]. */
export function matmulNN(A: Float64Array, B: Float64Array, M: number, K: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  if (K === 1) {
    outer(A, B, C, M, P);
  } else if (P === 1) {
    dotRows(B, 0, A, C, 0, K, M); // C[i] = b · A[i,:]
  } else {
    let i = 0;
    for (; i + 3 < M; i += 4) nnRows4(A, B, C, i, K, P);
    for (; i < M; i++) nnRow(A, B, C, i, K, P);
  }
  return C;
}

/** C[M,P] = A[M,K] · B[P,K]ᵀ: each entry is a dot product of two contiguous rows. */
export function matmulNT(A: Float64Array, B: Float64Array, M: number, K: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  if (K === 1) {
    outer(A, B, C, M, P);
    return C;
  }
  let i = 0;
  for (; i + 3 < M; i += 4) {
    let j = 0;
    for (; j + 3 < P; j += 4) ntTile4x4(A, B, C, i, j, K, P);
    for (; j < P; j++) for (let r = i; r < i + 4; r++) C[r * P + j] = dot(A, r * K, B, j * K, K);
  }
  for (; i < M; i++) dotRows(A, i * K, B, C, i * P, K, P);
  return C;
}

/**
 * C[M,P] = A[K,M]ᵀ · B[K,P]: a sum of K outer products, one per row of A and B,
 * added in order of k so each entry equals the running sum a learner sees.
 */
export function matmulTN(A: Float64Array, B: Float64Array, K: number, M: number, P: number): Float64Array {
  const C = new Float64Array(M * P);
  if (K === 1) {
    outer(A, B, C, M, P);
  } else if (P === 1) {
    nnRow(B, A, C, 0, K, M); // C[i] = Σ_k b[k]·A[k,i]
  } else {
    let i = 0;
    for (; i + 3 < M; i += 4) tnRows4(A, B, C, i, K, M, P);
    for (; i < M; i++) tnRow(A, B, C, i, K, M, P);
  }
  return C;
}

// ---------------------------------------------------------------- NN

/** Rows i..i+3 of C: streams two rows of B per pass, adding k then k+1 to each entry. */
function nnRows4(A: Float64Array, B: Float64Array, C: Float64Array, i: number, K: number, P: number): void {
  const c0 = i * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
  const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
  let k = 0;
  for (; k + 1 < K; k += 2) {
    const u0 = A[a0 + k], u1 = A[a1 + k], u2 = A[a2 + k], u3 = A[a3 + k];
    const w0 = A[a0 + k + 1], w1 = A[a1 + k + 1], w2 = A[a2 + k + 1], w3 = A[a3 + k + 1];
    const bk = k * P, bl = bk + P;
    for (let j = 0; j < P; j++) {
      const x = B[bk + j], y = B[bl + j];
      C[c0 + j] = C[c0 + j] + u0 * x + w0 * y;
      C[c1 + j] = C[c1 + j] + u1 * x + w1 * y;
      C[c2 + j] = C[c2 + j] + u2 * x + w2 * y;
      C[c3 + j] = C[c3 + j] + u3 * x + w3 * y;
    }
  }
  if (k < K) {
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

// ---------------------------------------------------------------- NT

/** A 4×4 block of C held in registers over the whole of k. */
function ntTile4x4(A: Float64Array, B: Float64Array, C: Float64Array, i: number, j: number, K: number, P: number): void {
  const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
  const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
  let s00 = 0, s01 = 0, s02 = 0, s03 = 0;
  let s10 = 0, s11 = 0, s12 = 0, s13 = 0;
  let s20 = 0, s21 = 0, s22 = 0, s23 = 0;
  let s30 = 0, s31 = 0, s32 = 0, s33 = 0;
  for (let k = 0; k < K; k++) {
    const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
    const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k];
    s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
    s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
    s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
    s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
  }
  const c0 = i * P + j, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
  C[c0] = s00; C[c0 + 1] = s01; C[c0 + 2] = s02; C[c0 + 3] = s03;
  C[c1] = s10; C[c1 + 1] = s11; C[c1 + 2] = s12; C[c1 + 3] = s13;
  C[c2] = s20; C[c2 + 1] = s21; C[c2 + 2] = s22; C[c2 + 3] = s23;
  C[c3] = s30; C[c3 + 1] = s31; C[c3 + 2] = s32; C[c3 + 3] = s33;
}

// ---------------------------------------------------------------- TN

/**
 * Rows i..i+3 of C over all k before moving on, so those rows stay in cache;
 * two rows of B per pass, adding k then k+1 to each entry.
 */
function tnRows4(A: Float64Array, B: Float64Array, C: Float64Array, i: number, K: number, M: number, P: number): void {
  const c0 = i * P, c1 = c0 + P, c2 = c1 + P, c3 = c2 + P;
  let k = 0;
  for (; k + 1 < K; k += 2) {
    const a = k * M + i, a2 = a + M;
    const u0 = A[a], u1 = A[a + 1], u2 = A[a + 2], u3 = A[a + 3];
    const w0 = A[a2], w1 = A[a2 + 1], w2 = A[a2 + 2], w3 = A[a2 + 3];
    const bk = k * P, bl = bk + P;
    for (let j = 0; j < P; j++) {
      const x = B[bk + j], y = B[bl + j];
      C[c0 + j] = C[c0 + j] + u0 * x + w0 * y;
      C[c1 + j] = C[c1 + j] + u1 * x + w1 * y;
      C[c2 + j] = C[c2 + j] + u2 * x + w2 * y;
      C[c3 + j] = C[c3 + j] + u3 * x + w3 * y;
    }
  }
  if (k < K) {
    const a = k * M + i;
    const v0 = A[a], v1 = A[a + 1], v2 = A[a + 2], v3 = A[a + 3];
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

/** Row i of C alone: the remainder rows after the blocks of four. */
function tnRow(A: Float64Array, B: Float64Array, C: Float64Array, i: number, K: number, M: number, P: number): void {
  const c = i * P;
  for (let k = 0; k < K; k++) {
    const v = A[k * M + i], bk = k * P;
    for (let j = 0; j < P; j++) C[c + j] += v * B[bk + j];
  }
}
