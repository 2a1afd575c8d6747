// Benchmark of training (issue 12): ms per epoch of plain mini-batch gradient descent on MNIST (10,000 digits,
// 8,000 trained on, batch 32, softmax cross-entropy, lr 0.1), ours (core's trainUpdates) against TensorFlow.js's
// CPU backend doing the same updates in the same process; where our time per update goes; and how the time per
// epoch grows with N·T on synthetic data. Run with `npm run bench:train` (see bench/README.md).
//
// Options: --runs=5 (timed epochs per case), --no-tf, --no-scaling.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { applyUpdate, backward, createRng, digitsData, epochOrder, evaluate, forward, loss, startRun, trainUpdates, updatesPerEpoch } from '../src/core/index.ts';
import type { Dataset, TrainConfig, TrainRun } from '../src/core/index.ts';
import { computeLesson } from '../src/core/lesson.ts';
import { matmulTN } from '../src/core/gemm.ts';
import { batchOf } from '../src/core/train/loop.ts';
import { batchInputs } from '../src/core/train/sgd.ts';
import { decodeDigits } from '../src/core/train/digitsFormat.ts';
import { mnistAssetBytes } from '../build/mnist.ts';

const option = (name: string): string | undefined => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option('runs') ?? 5);
const WITH_TF = !process.argv.includes('--no-tf');
const SCALING = !process.argv.includes('--no-scaling');
const CONFIG: TrainConfig = { convention: 'row', activation: 'identity', lr: 0.1, batch: 32, epochs: 1000, seed: 1 };

let sink = 0;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (v: number, d = 1): string => v.toFixed(d);

/** Median wall time and median process CPU time (user + system, all threads), ms. */
interface Timing {
  ms: number;
  cpu: number;
}

/** One warm-up call, then `runs` rounds timing each function once in turn (load changes fall on all alike); medians. */
function time(fns: (() => void)[], runs: number): Timing[] {
  for (const f of fns) f();
  const ms: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((f, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      f();
      ms[k].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1000);
    });
  }
  return fns.map((_, k) => ({ ms: median(ms[k]), cpu: median(cpu[k]) }));
}

// ---------------------------------------------------------------- ours

/** An epoch's updates but its last (which would add the epoch's record, an evaluation timed on its own below). */
const timedUpdates = (data: Dataset): number => updatesPerEpoch(data, CONFIG) - 1;

/** `count` updates of ours from `start`. */
const oursUpdates = (data: Dataset, start: TrainRun, count: number) => () => {
  sink += trainUpdates(start, data, CONFIG, count).W.data[0];
};

/** The epoch's record: loss and accuracy on the 8,000 trained on and the 2,000 held out. */
const evaluation = (data: Dataset, run: TrainRun) => () => {
  sink += evaluate(data, CONFIG, run.W, run.b, data.train).loss + evaluate(data, CONFIG, run.W, run.b, data.test).loss;
};

/** Our per-update work split into its parts, each timed over the epoch's batches (ms per epoch). */
function breakdown(data: Dataset, run: TrainRun): Record<string, Timing> {
  const order = epochOrder(data, CONFIG.seed, 0);
  const batches = Array.from({ length: updatesPerEpoch(data, CONFIG) }, (_, k) => batchOf(data, 'row', order.slice(k * 32, k * 32 + 32)));
  const outs = batches.map((bt) => computeLesson('row', 'softmax-ce', batchInputs(bt.x, run.W, run.b, bt.target, 'softmax-ce')));
  const parts: Record<string, () => void> = {
    'batch: gather and scale x (batchOf)': () => batches.forEach((_, k) => (sink += batchOf(data, 'row', order.slice(k * 32, k * 32 + 32)).x.data[0])),
    'forward (XW + b, checks)': () => batches.forEach((bt) => (sink += forward('row', bt.x, run.W, run.b).data[0])),
    'loss (softmax-ce, dY)': () => outs.forEach((o, k) => (sink += loss('row', 'softmax-ce', o.y, batches[k].target).value)),
    'backward (dX, dW, db, checks)': () => outs.forEach((o, k) => (sink += backward('row', batches[k].x, run.W, o.dY).dW.data[0])),
    '  of which dW = XᵀG alone (matmulTN)': () => outs.forEach((o, k) => (sink += matmulTN(batches[k].x.data, o.dY.data, 32, data.features, data.outputs)[0])),
    'update (W − lr·dW, b − lr·db)': () => outs.forEach((o) => (sink += applyUpdate(run.W, run.b, o, CONFIG.lr).W.data[0])),
    'whole update (computeLesson + applyUpdate + batchOf)': () =>
      batches.forEach((_, k) => {
        const bt = batchOf(data, 'row', order.slice(k * 32, k * 32 + 32));
        const o = computeLesson('row', 'softmax-ce', batchInputs(bt.x, run.W, run.b, bt.target, 'softmax-ce'));
        sink += applyUpdate(run.W, run.b, o, CONFIG.lr).W.data[0];
      }),
  };
  const t = time(Object.values(parts), RUNS);
  return Object.fromEntries(Object.keys(parts).map((k, i) => [k, t[i]]));
}

// ---------------------------------------------------------------- TF.js

interface TfState {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  W: tf.Variable;
  b: tf.Variable;
}

/** The whole dataset as float32 tensors (pixels × 1/255), and W, b from our seeded start, as variables. */
function tfState(data: Dataset, run: TrainRun): TfState {
  const x = Float32Array.from(data.x, (v) => v * data.scale);
  // tidy keeps the variables and what it returns, and disposes the tensors the variables were made from.
  return tf.tidy(() => ({
    x: tf.tensor2d(x, [data.n, data.features]),
    y: tf.tensor1d(Int32Array.from(data.y), 'int32'),
    W: tf.variable(tf.tensor2d(Float32Array.from(run.W.data), [run.W.rows, run.W.cols])),
    b: tf.variable(tf.tensor1d(Float32Array.from(run.b))),
  }));
}

/**
 * The same epoch in TF.js: for each of our batches (the same seeded order), gather x, z = xW + b, the mean
 * softmax cross-entropy by hand (log-softmax) and its gradient dZ = (softmax(z) − onehot)/B, dW = xᵀdZ,
 * db = Σ dZ, then W ← W − lr·dW and b ← b − lr·db; each update's loss read back (ours keeps every one).
 */
function tfEpoch(s: TfState, data: Dataset, count: number): () => void {
  const order = epochOrder(data, CONFIG.seed, 0);
  const T = data.outputs;
  return () => {
    for (let k = 0; k < count; k++) {
      const L = tf.tidy(() => {
        const idx = tf.tensor1d(order.slice(k * CONFIG.batch, (k + 1) * CONFIG.batch), 'int32');
        const xb = tf.gather(s.x, idx) as tf.Tensor2D;
        const yb = tf.oneHot(tf.gather(s.y, idx) as tf.Tensor1D, T);
        const z = tf.add(tf.matMul(xb, s.W as tf.Tensor2D), s.b);
        const logp = tf.logSoftmax(z);
        const Lb = tf.neg(tf.mean(tf.sum(tf.mul(yb, logp), 1)));
        const dZ = tf.div(tf.sub(tf.exp(logp), yb), xb.shape[0]);
        const dW = tf.matMul(xb, dZ, true, false);
        const db = tf.sum(dZ, 0);
        s.W.assign(tf.sub(s.W, tf.mul(CONFIG.lr, dW)));
        s.b.assign(tf.sub(s.b, tf.mul(CONFIG.lr, db)));
        return Lb;
      });
      sink += L.dataSync()[0];
      L.dispose();
    }
  };
}

// ---------------------------------------------------------------- data

function mnist(): Dataset {
  const bytes = mnistAssetBytes(process.cwd());
  const { pixels, labels } = decodeDigits(bytes.slice().buffer);
  return digitsData(pixels, labels, 1);
}

/** Synthetic digits-like data: 10,000 samples of N random bytes (× 1/255), T classes, 20% held out. */
function synthetic(N: number, T: number): Dataset {
  const r = createRng(N * 31 + T);
  const base = digitsData(Uint8Array.from({ length: 10_000 * N }, () => r.int(256)), Uint8Array.from({ length: 10_000 }, () => r.int(T)), 1);
  return { ...base, features: N, outputs: T, classes: undefined };
}

/** Ours and (optionally) TF.js per epoch of updates: the medians of RUNS timings of an epoch's updates but one, scaled. */
function compare(data: Dataset): { ours: Timing; tf: Timing | null } {
  const start = startRun(data, CONFIG);
  const count = timedUpdates(data), perEpoch = updatesPerEpoch(data, CONFIG) / count;
  const scaled = (t: Timing): Timing => ({ ms: t.ms * perEpoch, cpu: t.cpu * perEpoch });
  const ours = oursUpdates(data, start, count);
  if (!WITH_TF) return { ours: scaled(time([ours], RUNS)[0]), tf: null };
  const s = tfState(data, start);
  const initial = { W: s.W.clone(), b: s.b.clone() };
  const theirs = tfEpoch(s, data, count);
  const fromStart = () => {
    s.W.assign(initial.W);
    s.b.assign(initial.b);
    theirs();
  };
  const [oursT, tfT] = time([ours, fromStart], RUNS);
  tf.dispose([s.x, s.y, s.W, s.b, initial.W, initial.b]);
  return { ours: scaled(oursT), tf: scaled(tfT) };
}

async function main(): Promise<void> {
  if (WITH_TF) {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
  }
  const [l1, l5, l15] = (await import('node:os')).loadavg();
  console.log(`${new Date().toISOString()}  node ${process.version}  TF.js ${tf.version_core} (cpu, float32)  load average ${fmt(l1, 2)} ${fmt(l5, 2)} ${fmt(l15, 2)}  runs ${RUNS}`);
  const data = mnist();
  console.log(`MNIST: ${data.n} digits, ${data.train.length} trained on, ${updatesPerEpoch(data, CONFIG)} updates of batch ${CONFIG.batch} an epoch, N×T = ${data.features}×${data.outputs}\n`);

  const m = compare(data);
  const [evalT] = time([evaluation(data, startRun(data, CONFIG))], RUNS);
  const header = () => {
    console.log('| data | N×T | ours ms/epoch | TF.js ms/epoch | TF.js / ours | ours CPU ms/epoch | TF.js CPU ms/epoch | TF.js / ours, CPU |');
    console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  };
  const row = (name: string, N: number, T: number, r: { ours: Timing; tf: Timing | null }) =>
    console.log(
      `| ${name} | ${N}×${T} | ${fmt(r.ours.ms)} | ${r.tf ? fmt(r.tf.ms) : '–'} | ${r.tf ? `${fmt(r.tf.ms / r.ours.ms, 2)}×` : '–'} | ` +
        `${fmt(r.ours.cpu)} | ${r.tf ? fmt(r.tf.cpu) : '–'} | ${r.tf ? `${fmt(r.tf.cpu / r.ours.cpu, 2)}×` : '–'} |`,
    );
  header();
  row('MNIST', data.features, data.outputs, m);
  console.log(`\nours: the epoch's record (evaluate on 8,000 + 2,000 samples) adds ${fmt(evalT.ms)} ms an epoch (CPU ${fmt(evalT.cpu)} ms)\n`);

  console.log('Where our update time goes, ms per epoch of 250 updates (each part timed on its own):\n');
  console.log('| part | ms/epoch | CPU ms/epoch |');
  console.log('|---|---:|---:|');
  for (const [k, v] of Object.entries(breakdown(data, startRun(data, CONFIG)))) console.log(`| ${k} | ${fmt(v.ms)} | ${fmt(v.cpu)} |`);

  if (SCALING) {
    console.log('\nScaling with N·T (synthetic, 10,000 samples, 8,000 trained on, batch 32):\n');
    header();
    for (const [N, T] of [[784, 10], [784, 32], [1568, 10], [3136, 10]]) row(`synthetic, N·T = ${N * T}`, N, T, compare(synthetic(N, T)));
  }
  if (WITH_TF && tf.memory().numTensors !== 0) console.log(`warning: ${tf.memory().numTensors} TF.js tensors still allocated`);
  if (Number.isNaN(sink)) console.log('(sink is NaN)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
