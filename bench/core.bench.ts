// Benchmark of the maths core: one forward + backward pass of a dense layer,
// for each convention, against the CPU backend of TensorFlow.js in the same
// process. Run with `npm run bench` (see bench/README.md).
//
// Options (all optional):
//   --sizes=32x784x128,1x16384x100   only these (B,N,T) sizes
//   --conv=row,torch                 only these conventions
//   --runs=15                        timed runs per case (the largest size uses at most 5)
//   --no-tf                          skip TF.js (ratios are then left blank)
//   --warmup=short                   one untimed call per case, then time (as a learner's first run is);
//                                    the default warms up for at least 3 calls and 300 ms
//
// Ours runs in float64 (Float64Array); TF.js's CPU backend computes in float32.

import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { backward, createRng, forward, type Convention, type Matrix } from '../src/core/index.ts';
import { matmulNN, matmulNT, matmulTN } from '../src/core/gemm.ts';
import { assertFinite, assertMatrix, isAllFinite, maxAbs } from '../src/core/validate.ts';

interface Size {
  B: number;
  N: number;
  T: number;
}

interface Case {
  conv: Convention;
  x: Matrix;
  W: Matrix;
  b: Float64Array;
  dY: Matrix;
}

interface Row {
  size: Size;
  conv: Convention;
  runs: number;
  oursMs: number;
  tfMs: number | null;
  /** Process CPU time (user + system, every thread: JIT compilers, GC, page faults) per call. */
  oursCpu: number;
  tfCpu: number | null;
  /** Parts of oursMs spent outside the GEMM kernels (measured separately). */
  validateMs: number;
  freshDWMs: number;
}

const ALL_SIZES: Size[] = [
  { B: 32, N: 784, T: 128 },
  { B: 1, N: 16384, T: 100 },
  { B: 128, N: 1024, T: 1024 },
];
const ALL_CONVS: Convention[] = ['row', 'torch', 'column'];

// ---------------------------------------------------------------- options

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  return arg === undefined ? undefined : arg.slice(prefix.length);
}

const sizeOpt = option('sizes');
const SIZES: Size[] =
  sizeOpt === undefined
    ? ALL_SIZES
    : sizeOpt.split(',').map((s) => {
        const [B, N, T] = s.split('x').map(Number);
        return { B, N, T };
      });
const convOpt = option('conv');
const CONVS: Convention[] = convOpt === undefined ? ALL_CONVS : (convOpt.split(',') as Convention[]);
const RUNS = Number(option('runs') ?? 15);
const WITH_TF = !process.argv.includes('--no-tf');
const SHORT_WARMUP = option('warmup') === 'short';

// ---------------------------------------------------------------- helpers

function label(s: Size): string {
  return `(${s.B}, ${s.N}, ${s.T})`;
}

/** Multiply-adds of forward (B·N·T) plus backward (2·B·N·T); 2 flops each. */
function flops(s: Size): number {
  return 2 * 3 * s.B * s.N * s.T;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function randomData(n: number, rng: () => number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = rng() * 2 - 1;
  return d;
}

function makeCase(conv: Convention, s: Size, seed: number): Case {
  const rng = createRng(seed).uniform;
  const { B, N, T } = s;
  const x: Matrix = conv === 'column' ? { rows: N, cols: B, data: randomData(N * B, rng) } : { rows: B, cols: N, data: randomData(B * N, rng) };
  const W: Matrix = conv === 'row' ? { rows: N, cols: T, data: randomData(N * T, rng) } : { rows: T, cols: N, data: randomData(T * N, rng) };
  const b = randomData(T, rng);
  const dY: Matrix = conv === 'column' ? { rows: T, cols: B, data: randomData(T * B, rng) } : { rows: B, cols: T, data: randomData(B * T, rng) };
  return { conv, x, W, b, dY };
}

// Keeps results observable so nothing is optimised away.
let sink = 0;

function runOurs(c: Case): void {
  const y = forward(c.conv, c.x, c.W, c.b);
  const g = backward(c.conv, c.x, c.W, c.dY);
  sink += y.data[0] + g.dX.data[g.dX.data.length - 1] + g.dW.data[0] + g.db[0];
}

const outputs = new WeakMap<Case, { y: Float64Array; dX: Float64Array; db: Float64Array }>();

/**
 * The checks forward() and backward() make (dense.ts), on their own: x, b and dY scanned,
 * W's shape only, then y, dX and db scanned (a non-finite weight always shows up there),
 * and the cheap bound that rules out an overflowing dW.
 */
function runValidation(c: Case): void {
  let out = outputs.get(c);
  if (!out) {
    const g = backward(c.conv, c.x, c.W, c.dY);
    out = { y: forward(c.conv, c.x, c.W, c.b).data, dX: g.dX.data, db: g.db };
    outputs.set(c, out);
  }
  assertMatrix('x', c.x);
  assertMatrix('W', c.W, false);
  assertFinite('b', c.b);
  sink += isAllFinite(out.y) ? 0 : 1;
  assertMatrix('x', c.x);
  assertMatrix('W', c.W, false);
  assertMatrix('dY', c.dY);
  sink += isAllFinite(out.dX) && isAllFinite(out.db) ? 0 : 1;
  sink += maxAbs(c.x.data) * maxAbs(c.dY.data);
}

/** A fresh dW-sized Float64Array written once: the floor for producing dW (allocation and first-touch page faults). */
function runFreshDW(c: Case): void {
  const d = new Float64Array(c.W.data.length);
  d.fill(0.5);
  sink += d[d.length - 1];
}

interface TfCase {
  conv: Convention;
  x: tf.Tensor2D;
  W: tf.Tensor2D;
  b: tf.Tensor;
  dY: tf.Tensor2D;
}

function makeTfCase(c: Case): TfCase {
  const t2 = (m: Matrix): tf.Tensor2D => tf.tensor2d(Float32Array.from(m.data), [m.rows, m.cols], 'float32');
  const T = c.b.length;
  const bShape = c.conv === 'column' ? [T, 1] : [T];
  return { conv: c.conv, x: t2(c.x), W: t2(c.W), b: tf.tensor(Float32Array.from(c.b), bShape, 'float32'), dY: t2(c.dY) };
}

/** The same products with tf.matMul; every output is read back with dataSync() before returning. */
function runTf(c: TfCase): void {
  const outs = tf.tidy(() => {
    const { x, W, b, dY } = c;
    if (c.conv === 'row') {
      const y = tf.add(tf.matMul(x, W), b); // X W + b
      const dX = tf.matMul(dY, W, false, true); // G Wᵀ
      const dW = tf.matMul(x, dY, true, false); // Xᵀ G
      const db = tf.sum(dY, 0);
      return [y, dX, dW, db];
    }
    if (c.conv === 'torch') {
      const y = tf.add(tf.matMul(x, W, false, true), b); // X Wᵀ + b
      const dX = tf.matMul(dY, W); // G W
      const dW = tf.matMul(dY, x, true, false); // Gᵀ X
      const db = tf.sum(dY, 0);
      return [y, dX, dW, db];
    }
    const y = tf.add(tf.matMul(W, x), b); // W X + b 1ᵀ
    const dX = tf.matMul(W, dY, true, false); // Wᵀ G
    const dW = tf.matMul(dY, x, false, true); // G Xᵀ
    const db = tf.sum(dY, 1);
    return [y, dX, dW, db];
  });
  for (const t of outs) {
    const d = t.dataSync();
    sink += d[0];
  }
  tf.dispose(outs);
}

function disposeTfCase(c: TfCase): void {
  tf.dispose([c.x, c.W, c.b, c.dY]);
}

/**
 * Warm-up of each function (at least `warmup` calls and about 300 ms, so the JIT has settled; one call with
 * --warmup=short), then `runs` rounds that time each function once, in turn: a change in the machine's load
 * during the measurement falls on all of them alike. Returns each function's median wall time and median process
 * CPU time (user + system, all threads), both in ms.
 */
function time(fns: (() => void)[], warmup: number, runs: number): { ms: number; cpu: number }[] {
  const calls = SHORT_WARMUP ? 1 : warmup;
  for (const fn of fns) {
    const until = SHORT_WARMUP ? 0 : performance.now() + 300;
    for (let i = 0; i < calls || performance.now() < until; i++) fn();
  }
  const ms: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      ms[k].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1000);
    });
  }
  return fns.map((_, k) => ({ ms: median(ms[k]), cpu: median(cpu[k]) }));
}

// ---------------------------------------------------------------- exactness

/** The reference: every entry a sequential sum over k from 0, started at 0. */
function naive(
  A: Float64Array,
  Bm: Float64Array,
  M: number,
  K: number,
  P: number,
  a: (i: number, k: number) => number,
  b: (k: number, j: number) => number,
): Float64Array {
  const C = new Float64Array(M * P);
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < P; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a(i, k)] * Bm[b(k, j)];
      C[i * P + j] = s;
    }
  }
  return C;
}

function sameBits(got: Float64Array, want: Float64Array): boolean {
  if (got.length !== want.length) return false;
  for (let i = 0; i < got.length; i++) if (!(got[i] === want[i])) return false;
  return true;
}

/**
 * Checks each kernel against the naive triple loop, exactly (===), at sizes
 * that exercise the unrolled paths, the remainders and the degenerate
 * dimensions (1). Throws on any mismatch.
 */
function checkExact(): void {
  const rng = createRng(7).uniform;
  const shapes: [number, number, number][] = [
    [7, 13, 11],
    [1, 300, 37],
    [37, 300, 1],
    [19, 1, 23],
    [33, 517, 45],
    [70, 130, 260],
    [2, 9, 3],
    [4, 8, 4],
  ];
  let checked = 0;
  for (const [M, K, P] of shapes) {
    // Values with long mantissas so any reassociation would show.
    const A = randomData(M * K, rng);
    const Bnn = randomData(K * P, rng);
    const want = naive(A, Bnn, M, K, P, (i, k) => i * K + k, (k, j) => k * P + j);
    if (!sameBits(matmulNN(A, Bnn, M, K, P), want)) throw new Error(`matmulNN differs from the naive loop at ${M}x${K}x${P}`);
    const Bnt = randomData(P * K, rng);
    const wantNT = naive(A, Bnt, M, K, P, (i, k) => i * K + k, (k, j) => j * K + k);
    if (!sameBits(matmulNT(A, Bnt, M, K, P), wantNT)) throw new Error(`matmulNT differs from the naive loop at ${M}x${K}x${P}`);
    const At = randomData(K * M, rng);
    const wantTN = naive(At, Bnn, M, K, P, (i, k) => k * M + i, (k, j) => k * P + j);
    if (!sameBits(matmulTN(At, Bnn, K, M, P), wantTN)) throw new Error(`matmulTN differs from the naive loop at ${M}x${K}x${P}`);
    checked += 3;
  }
  console.log(`exactness: ${checked} kernel results equal the naive sequential triple loop bit for bit`);
}

// ---------------------------------------------------------------- main

function fmt(n: number, digits: number): string {
  return n.toFixed(digits);
}

async function main(): Promise<void> {
  checkExact();
  if (WITH_TF) {
    tf.enableProdMode(); // no debug checks, and no "install tfjs-node" banner
    await tf.setBackend('cpu');
    await tf.ready();
    console.log(`TF.js ${tf.version_core}, backend ${tf.getBackend()} (float32)`);
  }
  console.log(`node ${process.version}; ours in float64; forward then backward with a fixed random dY; ${SHORT_WARMUP ? 'short warm-up (1 call)' : 'warm-up ≥ 3 calls and 300 ms'}`);
  const rows: Row[] = [];
  const largest = Math.max(...SIZES.map((s) => s.B * s.N * s.T));
  for (const size of SIZES) {
    const big = size.B * size.N * size.T >= 1e8 && size.B * size.N * size.T === largest;
    const runs = big ? Math.min(RUNS, 5) : RUNS;
    const warmup = big ? 1 : 3;
    for (const conv of CONVS) {
      const c = makeCase(conv, size, 1234);
      const tc = WITH_TF ? makeTfCase(c) : null;
      const [ours, theirs] = time(tc ? [() => runOurs(c), () => runTf(tc)] : [() => runOurs(c)], warmup, runs);
      if (tc) disposeTfCase(tc);
      const [{ ms: validateMs }] = time([() => runValidation(c)], warmup, runs);
      const [{ ms: freshDWMs }] = time([() => runFreshDW(c)], warmup, runs);
      const oursMs = ours.ms, tfMs = theirs?.ms ?? null;
      const row: Row = { size, conv, runs, oursMs, tfMs, oursCpu: ours.cpu, tfCpu: theirs?.cpu ?? null, validateMs, freshDWMs };
      rows.push(row);
      const g = (ms: number): string => fmt(flops(size) / (ms * 1e6), 2);
      console.log(
        `${label(size).padEnd(18)} ${conv.padEnd(6)} ours ${fmt(oursMs, 2).padStart(9)} ms ${g(oursMs).padStart(6)} GFLOP/s` +
          (tfMs === null ? '' : `   tfjs ${fmt(tfMs, 2).padStart(9)} ms ${g(tfMs).padStart(6)} GFLOP/s   speed-up ${fmt(tfMs / oursMs, 2)}×`) +
          `   cpu ours ${fmt(row.oursCpu, 2)} ms` +
          (row.tfCpu === null ? '' : ` tfjs ${fmt(row.tfCpu, 2)} ms, ours/tfjs ${fmt(row.oursCpu / row.tfCpu, 2)}`),
      );
    }
  }
  if (WITH_TF) {
    const leaks = tf.memory().numTensors;
    if (leaks !== 0) console.log(`warning: ${leaks} TF.js tensors still allocated`);
  }

  console.log('\nMarkdown table (GFLOP/s = 6·B·N·T / time):\n');
  console.log(
    '| (B, N, T) | convention | runs | ours median ms | ours GFLOP/s | TF.js median ms | TF.js GFLOP/s | speed-up (TF.js ms / ours ms) | ours CPU ms | TF.js CPU ms | ours / TF.js CPU |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const g = (ms: number): string => fmt(flops(r.size) / (ms * 1e6), 2);
    const tfCols = r.tfMs === null ? '– | – | –' : `${fmt(r.tfMs, 2)} | ${g(r.tfMs)} | ${fmt(r.tfMs / r.oursMs, 2)}×`;
    const cpuCols = r.tfCpu === null ? `${fmt(r.oursCpu, 2)} | – | –` : `${fmt(r.oursCpu, 2)} | ${fmt(r.tfCpu, 2)} | ${fmt(r.oursCpu / r.tfCpu, 2)}`;
    console.log(`| ${label(r.size)} | ${r.conv} | ${r.runs} | ${fmt(r.oursMs, 2)} | ${g(r.oursMs)} | ${tfCols} | ${cpuCols} |`);
  }

  console.log('\nWhere our time goes outside the kernels (each measured on its own):\n');
  console.log('| (B, N, T) | convention | ours median ms | input and output checks ms (dense.ts) | fresh dW array, allocate + write once, ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${label(r.size)} | ${r.conv} | ${fmt(r.oursMs, 2)} | ${fmt(r.validateMs, 2)} | ${fmt(r.freshDWMs, 2)} |`);
  }
  if (Number.isNaN(sink)) console.log('(sink is NaN)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
