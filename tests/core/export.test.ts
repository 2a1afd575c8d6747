// The exported Python programs, run: every convention × loss × activation ×
// flavour, at several sizes (B = 1 and non-square among them), with inputs at
// full precision. All programs run in one Python process (importing torch
// takes seconds), each in a fresh namespace with its stdout captured, and
// what each prints is compared with core's numbers: relative error under
// 1e-12 (|a − b| ≤ 1e-12 · max(1, |b|)). Python, NumPy and PyTorch must be
// there: without them the suite fails and says how to install them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, CONVENTIONS, EXPORT_FLAVOURS, LOSS_KINDS, computeLesson, createRng, makeLesson, toRows, type Activation, type Convention, type DerivationContext, type ExportFlavour, type LossKind, type Matrix, type Sizes } from '../../src/core/index.ts';
import { pythonProgram } from '../../src/core/export/python.ts';
import { type Json, type PythonRun, differences, runPrograms } from './pythonRun.ts';

const TOLERANCE = 1e-12;
/** Within 1e-12 · max(1, |core's|) of core's number. */
const near = (got: number, want: number): boolean => Math.abs(got - want) <= TOLERANCE * Math.max(1, Math.abs(want));

// Measured on the 2-core machine: the 288 programs run in 1.1 s idle and 1.8 s with both cores busy (the
// whole setup, writing them included, 2.1 s and 3.7 s); a first import of torch from a cold disk can add
// seconds more. The budgets are far above 4× any of these.
const RUN_TIMEOUT = 90_000;
const SETUP_TIMEOUT = 120_000;

interface Lesson {
  name: string;
  ctx: DerivationContext;
}

/** The sizes [B, N, T] the lessons take in turn: B = 1, T = 1, and non-square shapes among them. */
const SIZES: readonly Sizes[] = [[1, 3, 2], [3, 2, 4], [4, 5, 3], [1, 1, 1], [2, 4, 1], [5, 3, 3]].map(([B, N, T]) => ({ B, N, T }));

const jitter = (m: Matrix, rng: ReturnType<typeof createRng>): Matrix => ({ ...m, data: m.data.map((v) => v + rng.normal() * 0.1) });

/**
 * A lesson from a seed, its values moved off makeLesson's one or two decimals to full 53-bit mantissas (so a
 * program that lost digits would be seen), every other one with a learning rate. `exact` instead sets values
 * that are hard to write (1/3, 0.1 + 0.2, −0, 2⁻⁴⁰) and a column of W and its bias at 0, so z is exactly 0
 * there (relu'(0) = 0).
 */
function lesson(convention: Convention, loss: LossKind, activation: Activation, sizes: Sizes, seed: number, exact = false): Lesson {
  const base = makeLesson({ convention, loss, activation, ...sizes }, seed);
  const rng = createRng(seed + 1);
  let inputs = { ...base, x: jitter(base.x, rng), W: jitter(base.W, rng), b: base.b.map((v) => v + rng.normal() * 0.1), targetMatrix: jitter(base.targetMatrix, rng), upstream: jitter(base.upstream, rng) };
  if (exact) {
    const awkward = [1 / 3, 0.1 + 0.2, -0, 2 ** -40, -7.000000000000001, 1e-7, 12.345678901234567];
    const x = { ...inputs.x, data: inputs.x.data.map((_, k) => awkward[k % awkward.length]) };
    // Output 0 reads a zero column of W (a row in torch and column) and a zero bias.
    const out0 = convention === 'row' ? (k: number) => k % inputs.W.cols === 0 : (k: number) => k < inputs.W.cols;
    const W = { ...inputs.W, data: inputs.W.data.map((v, k) => (out0(k) ? 0 : v)) };
    inputs = { ...inputs, x, W, b: inputs.b.map((v, j) => (j === 0 ? 0 : v)) };
  }
  const lr = seed % 2 === 1 ? [0.05, 0.1, 0.3][seed % 3] : undefined;
  const outputs = computeLesson(convention, loss, inputs, activation, lr);
  const name = `B=${sizes.B} N=${sizes.N} T=${sizes.T} seed ${seed}${lr === undefined ? '' : ` lr ${lr}`}${exact ? ' exact' : ''}`;
  return { name, ctx: { convention, loss, activation, lr, sizes, inputs, outputs } };
}

type Combo = readonly [Convention, LossKind, Activation];
const COMBOS: Combo[] = CONVENTIONS.flatMap((c) => LOSS_KINDS.flatMap((l) => ACTIVATIONS.map((a) => [c, l, a] as const)));

/** Three lessons per combination: two sizes in turn, and one with exact values. */
const lessonsOf = (combo: Combo, k: number): Lesson[] => [
  lesson(...combo, SIZES[k % SIZES.length], 100 + 2 * k),
  lesson(...combo, SIZES[(k + 3) % SIZES.length], 101 + 2 * k),
  lesson(...combo, SIZES[(k + 1) % SIZES.length], 7 + k, true),
];

/** What each program should print: core's numbers, laid out as the app shows them. */
function expected(ctx: DerivationContext): Record<string, Json> {
  const o = ctx.outputs;
  const rows = (m: Matrix) => toRows(m);
  const out: Record<string, Json> = {};
  if ((ctx.activation ?? 'identity') !== 'identity') out.z = rows(o.z);
  out.y = rows(o.y);
  out.loss = ctx.loss === 'upstream' ? null : o.L;
  out.dY = rows(o.dY);
  if ((ctx.activation ?? 'identity') !== 'identity') out.dZ = rows(o.dZ);
  Object.assign(out, { dW: rows(o.dW), db: Array.from(o.db), dX: rows(o.dX) });
  if (o.Wn && o.bn) Object.assign(out, { Wn: rows(o.Wn), bn: Array.from(o.bn) });
  return out;
}


const programs = new Map<string, { program: string; want: Record<string, Json> }>();
const runs = new Map<string, PythonRun>();
const key = (combo: Combo, flavour: ExportFlavour, name: string) => `${combo.join(' ')} ${flavour} ${name}`;
let seconds = 0;
// Why the programs could not run: every test fails with it (a failed beforeAll would only mark them skipped).
let setupError: Error | null = null;

/** Writes every program and runs them all in one Python process. */
async function runAll(): Promise<void> {
  const sources = new Map<string, string>();
  COMBOS.forEach((combo, k) => {
    for (const l of lessonsOf(combo, k)) {
      for (const flavour of EXPORT_FLAVOURS) {
        const id = key(combo, flavour, l.name);
        const program = pythonProgram(l.ctx, flavour);
        sources.set(id, program);
        programs.set(id, { program, want: expected(l.ctx) });
      }
    }
  });
  const done = await runPrograms(sources, 'backprop-export-', RUN_TIMEOUT);
  done.runs.forEach((r, id) => runs.set(id, r));
  seconds = done.seconds;
}

beforeAll(async () => {
  try {
    await runAll();
  } catch (e) {
    setupError = e instanceof Error ? e : new Error(String(e));
  }
}, SETUP_TIMEOUT);

afterAll(() => {
  if (seconds > 0) console.info(`export: ${programs.size} Python programs ran in ${seconds.toFixed(1)} s`);
});

describe.each(EXPORT_FLAVOURS)("the '%s' program prints core's numbers", (flavour) => {
  it.each(COMBOS.map((c, k) => [c.join(' '), c, k] as const))('%s', (_name, combo, k) => {
    if (setupError) throw setupError;
    for (const l of lessonsOf(combo, k)) {
      const id = key(combo, flavour, l.name);
      const run = runs.get(id);
      const made = programs.get(id);
      if (!run || !made) throw new Error(`${id}: the program did not run`);
      if (run.error) throw new Error(`${id} failed:\n${run.error}\n--- program ---\n${made.program}`);
      expect(run.warnings, `${id}: warnings`).toEqual([]);
      // Exactly one JSON object, on one line.
      expect(run.stdout.endsWith('\n') && run.stdout.trim().split('\n').length === 1, `${id}: prints one line:\n${run.stdout}`).toBe(true);
      const printed: unknown = JSON.parse(run.stdout);
      const diffs: string[] = [];
      differences(printed, made.want, id, diffs, near);
      expect(diffs, `${id}\n--- program ---\n${made.program}`).toEqual([]);
    }
  });
});
