// The step script for playback: an ordered list of plain records, each naming
// the cells it reads, the cells it writes with their values after the step,
// and a narration. Sums are accumulated here in the same order as dense.ts, so
// the last step ends exactly on backward's numbers.
import { type CellRef, type Convention, bCell, matrixShape, wCell, xCell, yCell } from './conventions.ts';
import type { DerivationContext } from './derivation.ts';
import { formatNumber, texNumber } from './format.ts';
import type { Matrix } from './matrix.ts';
import { LOSS_SPECS } from './loss.ts';
import { dL, wSub, xSub, ySub } from './notation.ts';

/** The three phases of a lesson. */
export type Phase = 'forward' | 'loss' | 'backward';

/** The matrices a script computes. */
export type ComputedName = 'y' | 'L' | 'dY' | 'dW' | 'db' | 'dX';

/** Every computed matrix, in the order the script fills them. */
export const COMPUTED: readonly ComputedName[] = ['y', 'L', 'dY', 'dW', 'db', 'dX'];

/** Fine: one y element at a time. Coarse: a row or a sample at a time, about 40 steps at most. */
export type Granularity = 'fine' | 'coarse';

/** A cell written by a step, with its value after the step. */
export interface StepWrite {
  cell: CellRef;
  value: number;
  /** The value before the step (0 for a fresh cell), so a view can count up. */
  from: number;
}

/** One step of the script. */
export interface Step {
  id: string;
  phase: Phase;
  /** The matrix this step works on, for phase markers and grouping. */
  target: ComputedName;
  reads: CellRef[];
  writes: StepWrite[];
  /** For steps that add samples into dW or db: how many samples the sum now holds. */
  samplesDone?: number;
  narration: { text: string; tex: string };
}

/** A whole script, with where each phase and matrix starts. */
export interface Script {
  granularity: Granularity;
  steps: Step[];
  /** Index of the first step of each phase. */
  phaseStart: Record<Phase, number>;
  /** Index of the first step writing each computed matrix (-1 when none does). */
  targetStart: Record<ComputedName, number>;
}

/** Values on screen after some steps: one array per computed matrix, NaN where nothing is written yet. */
export type Snapshot = Record<ComputedName, Float64Array>;

const idx = (m: Matrix, c: CellRef): number => c.r * m.cols + c.c;
/** A cell's indices as the grids show them, in the convention's layout: 'r,c'. */
const cellIndex = (c: CellRef): string => `${c.r},${c.c}`;
const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);

/** The largest number of steps the coarse script takes for sizes up to 12. */
export const COARSE_TARGET = 40;

/** Builds the step script of a lesson. */
export function buildScript(ctx: DerivationContext, granularity: Granularity): Script {
  const { convention: cv, sizes, inputs, outputs } = ctx;
  const { B, N, T } = sizes;
  const { x, W, b } = inputs;
  const G = outputs.dY;
  const steps: Step[] = [];
  const xv = (s: number, i: number) => x.data[idx(x, xCell(cv, s, i))];
  const wv = (i: number, j: number) => W.data[idx(W, wCell(cv, i, j))];
  const gv = (s: number, j: number) => G.data[idx(G, yCell(cv, s, j))];

  // Forward: each y element is a dot product plus the bias, summed in input order.
  const yOf = (s: number, j: number): number => {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += xv(s, i) * wv(i, j);
    return acc + b[j];
  };
  const yReads = (s: number, j: number): CellRef[] => [...range(N).map((i) => xCell(cv, s, i)), ...range(N).map((i) => wCell(cv, i, j)), bCell(j)];
  if (granularity === 'fine') {
    for (const s of range(B))
      for (const j of range(T)) {
        const v = yOf(s, j);
        steps.push({
          id: `y-${s}-${j}`,
          phase: 'forward',
          target: 'y',
          reads: yReads(s, j),
          writes: [{ cell: yCell(cv, s, j), value: v, from: 0 }],
          narration: {
            text: `y[${cellIndex(yCell(cv, s, j))}]: multiply sample ${s}'s inputs by the weights into output ${j}, add them up, then add bias ${j}: ${formatNumber(v, 4)}.`,
            tex: `y_${ySub(cv, s, j)} = \\sum_{i} x_${xSub(cv, s, 'i')} W_${wSub(cv, 'i', j)} + b_{${j}} = ${texNumber(v, 4, false)}`,
          },
        });
      }
  } else {
    for (const s of range(B)) {
      const writes = range(T).map((j) => ({ cell: yCell(cv, s, j), value: yOf(s, j), from: 0 }));
      steps.push({
        id: `y-${s}`,
        phase: 'forward',
        target: 'y',
        reads: [...range(N).map((i) => xCell(cv, s, i)), ...range(N).flatMap((i) => range(T).map((j) => wCell(cv, i, j))), ...range(T).map((j) => bCell(j))],
        writes,
        narration: {
          text: `Sample ${s}: all ${T} outputs at once, each the sample's inputs times one ${cv === 'row' ? 'column' : 'row'} of W, plus its bias.`,
          tex: `y_${ySub(cv, s, 'j')} = \\sum_{i} x_${xSub(cv, s, 'i')} W_${wSub(cv, 'i', 'j')} + b_j \\quad (j = 0,\\dots,${T - 1})`,
        },
      });
    }
  }

  // Loss and dL/dy.
  const allY = range(B).flatMap((s) => range(T).map((j) => yCell(cv, s, j)));
  if (ctx.loss !== 'upstream') {
    const targetReads: CellRef[] =
      ctx.loss === 'mse' ? allY.map((c) => ({ ...c, m: 'target' as const })) : ctx.loss === 'softmax-ce' ? range(B).map((s) => ({ m: 'target' as const, r: 0, c: s })) : [];
    steps.push({
      id: 'L',
      phase: 'loss',
      target: 'L',
      reads: [...allY, ...targetReads],
      writes: [{ cell: { m: 'L', r: 0, c: 0 }, value: outputs.L, from: 0 }],
      narration: {
        text: `The loss reduces all of y to one number: L = ${formatNumber(outputs.L, 4)}.`,
        tex: `L = ${texNumber(outputs.L, 4, false)}`,
      },
    });
  }
  const dYRow = (s: number) => range(T).map((j) => ({ cell: yCell(cv, s, j, 'dY'), value: gv(s, j), from: 0 }));
  const dYText =
    ctx.loss === 'upstream'
      ? 'dL/dy arrives from the layers above: it is given, not computed here.'
      : ctx.loss === 'sum'
        ? 'Every output adds to L one-for-one, so dL/dy is all ones.'
        : ctx.loss === 'mse'
          ? 'dL/dy is each output’s error, times 2 over the number of outputs.'
          : 'dL/dy is the softmax probabilities minus 1 at each true class, over the batch size.';
  const dYReads = (s: number): CellRef[] =>
    ctx.loss === 'upstream' ? [] : [...range(T).map((j) => yCell(cv, s, j)), ...(ctx.loss === 'mse' ? range(T).map((j) => yCell(cv, s, j, 'target')) : ctx.loss === 'softmax-ce' ? [{ m: 'target' as const, r: 0, c: s }] : [])];
  const lossPhase = ctx.loss === 'upstream' ? 'backward' : 'loss';
  const dYTex = ctx.loss === 'upstream' ? `${dL('y', ySub(cv, 's', 'j'))}\\ \\text{is given}` : LOSS_SPECS[ctx.loss].dtex(cv);
  if (granularity === 'fine' && B > 1) {
    for (const s of range(B))
      steps.push({
        id: `dY-${s}`,
        phase: lossPhase,
        target: 'dY',
        reads: dYReads(s),
        writes: dYRow(s),
        narration: { text: `Sample ${s}: ${dYText}`, tex: dYTex },
      });
  } else {
    steps.push({
      id: 'dY',
      phase: lossPhase,
      target: 'dY',
      reads: range(B).flatMap(dYReads),
      writes: range(B).flatMap(dYRow),
      narration: { text: dYText, tex: dYTex },
    });
  }

  // dL/dW: one outer product per sample, added to a running sum in sample order.
  const dW = new Float64Array(N * T); // logical [i * T + j]
  for (const s of range(B)) {
    const writes: StepWrite[] = [];
    for (const i of range(N))
      for (const j of range(T)) {
        const from = dW[i * T + j];
        dW[i * T + j] = from + xv(s, i) * gv(s, j);
        writes.push({ cell: wCell(cv, i, j, 'dW'), value: dW[i * T + j], from });
      }
    steps.push({
      id: `dW-${s}`,
      phase: 'backward',
      target: 'dW',
      reads: [...range(N).map((i) => xCell(cv, s, i)), ...range(T).map((j) => yCell(cv, s, j, 'dY'))],
      writes,
      samplesDone: s + 1,
      narration: {
        text:
          s === 0
            ? `dL/dW starts as sample 0's outer product: its inputs times its output gradients, every pair.`
            : `Add sample ${s}'s outer product to dL/dW; the sum now covers ${s + 1} of ${B} samples.`,
        tex: outerTex(cv, s),
      },
    });
  }

  // dL/db: dL/dy summed over the batch, one sample at a time in fine, at once in coarse.
  const db = new Float64Array(T);
  const dbStep = (samples: number[]): Step => {
    const from = Float64Array.from(db);
    for (const s of samples) for (const j of range(T)) db[j] += gv(s, j);
    const last = samples[samples.length - 1];
    return {
      id: `db-${samples.join('-')}`,
      phase: 'backward',
      target: 'db',
      reads: samples.flatMap((s) => range(T).map((j) => yCell(cv, s, j, 'dY'))),
      writes: range(T).map((j) => ({ cell: bCell(j, 'db'), value: db[j], from: from[j] })),
      samplesDone: last + 1,
      narration: {
        text:
          samples.length === B
            ? `dL/db is dL/dy summed over the batch: each bias touches every sample's output.`
            : `Add sample ${last}'s output gradients to dL/db (${last + 1} of ${B} samples).`,
        tex: `${dL('b', 'j')} = \\sum_{s=0}^{${last}} ${dL('y', ySub(cv, 's', 'j'))}`,
      },
    };
  };
  if (granularity === 'fine') for (const s of range(B)) steps.push(dbStep([s]));
  else steps.push(dbStep(range(B)));

  // dL/dx, one sample (row of the batch) at a time, each entry summed over outputs in order.
  for (const s of range(B)) {
    const writes = range(N).map((i) => {
      let acc = 0;
      for (let j = 0; j < T; j++) acc += gv(s, j) * wv(i, j);
      return { cell: xCell(cv, s, i, 'dX'), value: acc, from: 0 };
    });
    steps.push({
      id: `dX-${s}`,
      phase: 'backward',
      target: 'dX',
      reads: [...range(T).map((j) => yCell(cv, s, j, 'dY')), ...range(N).flatMap((i) => range(T).map((j) => wCell(cv, i, j)))],
      writes,
      narration: {
        text: `Sample ${s}'s input gradients: its output gradients sent back through the same weights.`,
        tex: `${dL('x', xSub(cv, s, 'i'))} = \\sum_{j} ${dL('y', ySub(cv, s, 'j'))} W_${wSub(cv, 'i', 'j')}`,
      },
    });
  }

  const phaseStart = { forward: 0, loss: -1, backward: -1 } as Record<Phase, number>;
  const targetStart = { y: -1, L: -1, dY: -1, dW: -1, db: -1, dX: -1 } as Record<ComputedName, number>;
  steps.forEach((st, k) => {
    if (phaseStart[st.phase] === -1) phaseStart[st.phase] = k;
    if (targetStart[st.target] === -1) targetStart[st.target] = k;
  });
  if (phaseStart.loss === -1) phaseStart.loss = phaseStart.backward;
  return { granularity, steps, phaseStart, targetStart };
}

function outerTex(cv: Convention, s: number): string {
  const lhs = '\\frac{\\partial L}{\\partial W}';
  const xs = `x_${xSub(cv, s, ':')}`, gs = `\\frac{\\partial L}{\\partial y_${ySub(cv, s, ':')}}`;
  const term = cv === 'row' ? `${xs}^{\\top} ${gs}` : cv === 'torch' ? `\\left(${gs}\\right)^{\\top} ${xs}` : `${gs}\\, ${xs}^{\\top}`;
  return `${lhs} \\mathrel{+}= ${term}`;
}

/** The granularity to open with: fine when it fits in about 40 steps, coarse otherwise. */
export function defaultGranularity(ctx: DerivationContext): Granularity {
  const { B, T } = ctx.sizes;
  const fine = B * T + 1 + B + 3 * B;
  return fine <= COARSE_TARGET ? 'fine' : 'coarse';
}

/** The values on screen after the first k steps (k = 0: nothing computed yet). */
export function snapshotAt(ctx: DerivationContext, script: Script, k: number): Snapshot {
  const { outputs } = ctx;
  const blank = (n: number) => new Float64Array(n).fill(Number.NaN);
  const snap: Snapshot = {
    y: blank(outputs.y.data.length),
    L: blank(1),
    dY: blank(outputs.dY.data.length),
    dW: blank(outputs.dW.data.length),
    db: blank(outputs.db.length),
    dX: blank(outputs.dX.data.length),
  };
  const end = Math.max(0, Math.min(k, script.steps.length));
  for (let n = 0; n < end; n++)
    for (const w of script.steps[n].writes) {
      const m = w.cell.m as ComputedName;
      snap[m][w.cell.r * matrixShape(ctx.convention, ctx.sizes, m)[1] + w.cell.c] = w.value;
    }
  return snap;
}

/** How many samples the dW and db sums hold after the first k steps. */
export function samplesDoneAt(script: Script, k: number): { dW: number; db: number } {
  let dW = 0, db = 0;
  for (let n = 0; n < Math.min(k, script.steps.length); n++) {
    const st = script.steps[n];
    if (st.target === 'dW') dW = st.samplesDone ?? dW;
    if (st.target === 'db') db = st.samplesDone ?? db;
  }
  return { dW, db };
}
