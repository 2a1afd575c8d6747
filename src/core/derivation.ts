// Per-cell derivations: the rule in index notation, the same with this cell's
// indices, the numbers plugged in, and the cells the value depends on. Views
// typeset these strings and highlight these cells; they compute nothing.
import {
  type CellRef,
  type Convention,
  type MatrixName,
  type Sizes,
  CONVENTION_INFO,
  bCell,
  matrixDims,
  matrixShape,
  wCell,
  wLogical,
  xCell,
  xLogical,
  yCell,
  yLogical,
} from './conventions.ts';
import { ValidationError } from './errors.ts';
import { formatNumber, texNumber } from './format.ts';
import type { LessonInputs, LessonOutputs, LossKind } from './lesson.ts';
import { LOSS_SPECS, crossEntropy, softmaxRow } from './loss.ts';
import type { Matrix } from './matrix.ts';
import { dL, dLInline, wSub, xSub, ySub } from './notation.ts';

/** One term of an expanded sum: the cells it is computed from, their values, and its own value. */
export interface DerivationTerm {
  factors: CellRef[];
  /** The current value of each factor cell: values[k] belongs to factors[k]. */
  values: number[];
  value: number;
  /** The term with its numbers, in LaTeX. */
  tex: string;
  /** The term with its indices, in LaTeX. */
  symbolic: string;
  /** The term as it is read aloud, e.g. '−0.7 times 0.128' or '0.999 minus 0.3, squared'. */
  speech: string;
}

/** The matrix-form rule for a whole matrix, with each factor's shape. */
export interface MatrixForm {
  /** The rule as usually written, e.g. dL/dW = Xᵀ dL/dY. */
  rule: string;
  /** The rule with each factor's symbolic shape set under it. */
  tex: string;
  /** Symbolic and numeric shapes of the factors, then of the result. */
  factors: { label: string; dims: [string, string]; shape: [number, number] }[];
  result: { label: string; dims: [string, string]; shape: [number, number] };
  /** The dimension check, e.g. [N×B]·[B×T] = [N×T] with sizes. */
  checkTex: string;
}

/** Everything the derivation panel shows for one cell. */
export interface Derivation {
  cell: CellRef;
  /** The cell's value, as on screen. */
  value: number;
  /** A short name for the cell, e.g. 'dL/dW[1,0]'. */
  title: string;
  /** 'input' for values given to the layer, 'computed' otherwise. */
  role: 'input' | 'computed';
  /** The general rule in index notation. */
  general: string;
  /** The rule with this cell's indices, sum written out. */
  indexed: string;
  /** The same with every number plugged in. */
  numeric: string;
  /** The result, equal to value. */
  result: string;
  /** value = scale · Σ terms[k].value (scale is 1 for plain sums). */
  scale: number;
  /** LaTeX of the scale factor in front of the sum, or '' when it is 1. */
  scaleTex: string;
  terms: DerivationTerm[];
  /** Cells this value depends on. */
  deps: CellRef[];
  /** Cells this value feeds, for inputs. */
  feeds: CellRef[];
  matrixForm: MatrixForm | null;
  /** One plain sentence on what this cell means. */
  note: string;
}

/** The lesson a derivation reads: convention, loss, inputs and outputs. */
export interface DerivationContext {
  convention: Convention;
  loss: LossKind;
  sizes: Sizes;
  inputs: LessonInputs;
  outputs: LessonOutputs;
}

const get = (m: Matrix, cell: CellRef): number => m.data[cell.r * m.cols + cell.c];
const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k);
const prod = (vals: number[]): string => vals.map((v) => texNumber(v)).join(' \\cdot ');

/** The display name of a matrix, in LaTeX. */
export function matrixTex(m: MatrixName): string {
  switch (m) {
    case 'x':
      return 'X';
    case 'W':
      return 'W';
    case 'b':
      return 'b';
    case 'y':
      return 'Y';
    case 'L':
      return 'L';
    case 'target':
      return '\\hat{Y}';
    case 'dY':
      return '\\frac{\\partial L}{\\partial Y}';
    case 'dW':
      return '\\frac{\\partial L}{\\partial W}';
    case 'db':
      return '\\frac{\\partial L}{\\partial b}';
    case 'dX':
      return '\\frac{\\partial L}{\\partial X}';
  }
}

/** A plain-text name of a matrix, e.g. 'dL/dW'. */
export function matrixLabel(m: MatrixName): string {
  const names: Record<MatrixName, string> = {
    x: 'x',
    W: 'W',
    b: 'b',
    y: 'y',
    L: 'L',
    target: 'target',
    dY: 'dL/dy',
    dW: 'dL/dW',
    db: 'dL/db',
    dX: 'dL/dx',
  };
  return names[m];
}

/** The value of any displayed cell. */
export function cellValue(ctx: DerivationContext, cell: CellRef): number {
  const [, cols] = cell.m === 'target' ? targetShape(ctx) : matrixShape(ctx.convention, ctx.sizes, cell.m);
  return matrixValues(ctx, cell.m)[cell.r * cols + cell.c];
}

/** All values of a displayed matrix, row-major as laid out on screen (L as a single value). */
export function matrixValues(ctx: DerivationContext, m: MatrixName): ArrayLike<number> {
  const { inputs, outputs } = ctx;
  switch (m) {
    case 'x':
      return inputs.x.data;
    case 'W':
      return inputs.W.data;
    case 'b':
      return inputs.b;
    case 'target':
      return ctx.loss === 'softmax-ce' ? inputs.targetClasses : inputs.targetMatrix.data;
    case 'y':
      return outputs.y.data;
    case 'L':
      return [outputs.L];
    case 'dY':
      return outputs.dY.data;
    case 'dW':
      return outputs.dW.data;
    case 'db':
      return outputs.db;
    case 'dX':
      return outputs.dX.data;
  }
}

/** The shape of the target as displayed: y's shape for mse, one class per sample otherwise. */
export function targetShape(ctx: Pick<DerivationContext, 'convention' | 'loss' | 'sizes'>): [number, number] {
  return ctx.loss === 'softmax-ce' ? [1, ctx.sizes.B] : matrixShape(ctx.convention, ctx.sizes, 'y');
}

function matrixForm(conv: Convention, s: Sizes, m: MatrixName): MatrixForm | null {
  const info = CONVENTION_INFO[conv];
  const f = (label: string, name: MatrixName, transposed = false) => {
    const d = matrixDims(conv, name);
    const sh = matrixShape(conv, s, name);
    return {
      label,
      dims: (transposed ? [d[1], d[0]] : d) as [string, string],
      shape: (transposed ? [sh[1], sh[0]] : sh) as [number, number],
    };
  };
  const X = 'X', Xt = 'X^{\\top}', W = 'W', Wt = 'W^{\\top}', G = matrixTex('dY'), Gt = `\\left(${G}\\right)^{\\top}`;
  let factors: MatrixForm['factors'];
  let result: MatrixForm['result'];
  let tex: string;
  if (m === 'y') {
    factors = conv === 'row' ? [f(X, 'x'), f(W, 'W')] : conv === 'torch' ? [f(X, 'x'), f(Wt, 'W', true)] : [f(W, 'W'), f(X, 'x')];
    result = f('Y', 'y');
    tex = info.forwardTex;
  } else if (m === 'dW') {
    factors = conv === 'row' ? [f(Xt, 'x', true), f(G, 'dY')] : conv === 'torch' ? [f(Gt, 'dY', true), f(X, 'x')] : [f(G, 'dY'), f(Xt, 'x', true)];
    result = f(matrixTex('dW'), 'dW');
    tex = info.dWTex;
  } else if (m === 'dX') {
    factors = conv === 'row' ? [f(G, 'dY'), f(Wt, 'W', true)] : conv === 'torch' ? [f(G, 'dY'), f(W, 'W')] : [f(Wt, 'W', true), f(G, 'dY')];
    result = f(matrixTex('dX'), 'dX');
    tex = info.dXTex;
  } else if (m === 'db') {
    factors = [f(G, 'dY')];
    result = f(matrixTex('db'), 'db');
    tex = info.dbTex;
  } else {
    return null;
  }
  const dimTex = (d: [string, string]) => `[${d[0]}\\times ${d[1]}]`;
  const shTex = (d: [number, number]) => `[${d[0]}\\times ${d[1]}]`;
  const checkTex =
    m === 'db'
      ? `\\textstyle\\sum_{\\text{batch}} ${dimTex(factors[0].dims)} \\to [T] \\quad\\text{i.e.}\\quad ${shTex(factors[0].shape)} \\to [${s.T}]`
      : `${factors.map((x) => dimTex(x.dims)).join('\\cdot')} = ${dimTex(result.dims)}\\quad\\text{i.e.}\\quad ${factors
          .map((x) => shTex(x.shape))
          .join('\\cdot')} = ${shTex(result.shape)}`;
  const under = factors.map((x) => `\\underset{${dimTex(x.dims)}}{${x.label}}`).join('\\,');
  return {
    rule: tex,
    tex: `\\underset{${dimTex(result.dims)}}{${result.label}} = ${under}${m === 'y' ? (conv === 'column' ? ' + b\\mathbf{1}^{\\top}' : ' + b') : ''}`,
    factors,
    result,
    checkTex,
  };
}

function sumOf(terms: DerivationTerm[], sep = ' + '): { sym: string; num: string } {
  return { sym: terms.map((t) => t.symbolic).join(sep), num: terms.map((t) => t.tex).join(sep) };
}

/** The derivation of one displayed cell. Throws when the cell is outside its matrix. */
export function derive(ctx: DerivationContext, cell: CellRef): Derivation {
  const { convention: cv, sizes } = ctx;
  const { B, N, T } = sizes;
  const [rows, cols] = cell.m === 'target' ? targetShape(ctx) : matrixShape(cv, sizes, cell.m);
  if (!Number.isInteger(cell.r) || !Number.isInteger(cell.c) || cell.r < 0 || cell.c < 0 || cell.r >= rows || cell.c >= cols) {
    throw new ValidationError('cell', `derive: ${cell.m}[${cell.r},${cell.c}] is outside its shape [${rows},${cols}]`);
  }
  const value = cellValue(ctx, cell);
  const base = {
    cell,
    value,
    scale: 1,
    scaleTex: '',
    deps: [] as CellRef[],
    feeds: [] as CellRef[],
    terms: [] as DerivationTerm[],
    matrixForm: matrixForm(cv, sizes, cell.m),
    result: `= ${texNumber(value, 6, false)}`,
  };
  const title = `${matrixLabel(cell.m)}[${cell.r},${cell.c}]`;
  const term = (factors: CellRef[], symbolic: string): DerivationTerm => {
    const values = factors.map((f) => cellValue(ctx, f));
    const speech = values.map((v) => formatNumber(v, 6)).join(' times ');
    return { factors, values, value: values.reduce((a, v) => a * v, 1), tex: prod(values), symbolic, speech };
  };

  switch (cell.m) {
    case 'y': {
      const [s, j] = yLogical(cv, cell.r, cell.c);
      const terms = range(N).map((i) => {
        const xc = xCell(cv, s, i), wc = wCell(cv, i, j);
        const xs = `x_${xSub(cv, s, i)}`, ws = `W_${wSub(cv, i, j)}`;
        return cv === 'column' ? term([wc, xc], `${ws} ${xs}`) : term([xc, wc], `${xs} ${ws}`);
      });
      terms.push(term([bCell(j)], `b_{${j}}`));
      const { sym, num } = sumOf(terms);
      const general =
        cv === 'column'
          ? `y_{js} = \\sum_{i=0}^{N-1} W_{ji}\\, x_{is} + b_j`
          : `y_{sj} = \\sum_{i=0}^{N-1} x_{si}\\, W_${wSub(cv, 'i', 'j')} + b_j`;
      return {
        ...base,
        title,
        role: 'computed',
        general,
        indexed: `y_${ySub(cv, s, j)} = ${sym}`,
        numeric: `= ${num}`,
        terms,
        deps: terms.flatMap((t) => t.factors),
        note: `Output ${j} of sample ${s}: the dot product of that sample's inputs with the weights into output ${j}, plus bias ${j}.`,
      };
    }
    case 'dW': {
      const [i, j] = wLogical(cv, cell.r, cell.c);
      const terms = range(B).map((s) => {
        const xc = xCell(cv, s, i), gc = yCell(cv, s, j, 'dY');
        const xs = `x_${xSub(cv, s, i)}`, gs = dLInline('y', ySub(cv, s, j));
        return cv === 'row' ? term([xc, gc], `${xs}\\, ${gs}`) : term([gc, xc], `${gs}\\, ${xs}`);
      });
      const { sym, num } = sumOf(terms);
      const gsym = dL('y', ySub(cv, 's', 'j'));
      const general =
        cv === 'row'
          ? `${dL('W', wSub(cv, 'i', 'j'))} = \\sum_{s=0}^{B-1} x_{si}\\, ${gsym}`
          : `${dL('W', wSub(cv, 'i', 'j'))} = \\sum_{s=0}^{B-1} ${gsym}\\, x_${xSub(cv, 's', 'i')}`;
      return {
        ...base,
        title,
        role: 'computed',
        general,
        indexed: `${dL('W', wSub(cv, i, j))} = ${sym}`,
        numeric: `= ${num}`,
        terms,
        deps: terms.flatMap((t) => t.factors),
        note: `How the loss changes with the weight from input ${i} to output ${j}: input ${i} times output ${j}'s gradient, summed over the ${B} sample${B === 1 ? '' : 's'} of the batch.`,
      };
    }
    case 'db': {
      const j = cell.c;
      const terms = range(B).map((s) => term([yCell(cv, s, j, 'dY')], dLInline('y', ySub(cv, s, j))));
      const { sym, num } = sumOf(terms);
      return {
        ...base,
        title,
        role: 'computed',
        general: `${dL('b', 'j')} = \\sum_{s=0}^{B-1} ${dL('y', ySub(cv, 's', 'j'))}`,
        indexed: `${dL('b', `{${j}}`)} = ${sym}`,
        numeric: `= ${num}`,
        terms,
        deps: terms.flatMap((t) => t.factors),
        note: `Bias ${j} is added to output ${j} of every sample, so its gradient is output ${j}'s gradient summed over the batch.`,
      };
    }
    case 'dX': {
      const [s, i] = xLogical(cv, cell.r, cell.c);
      const terms = range(T).map((j) => {
        const gc = yCell(cv, s, j, 'dY'), wc = wCell(cv, i, j);
        const gs = dLInline('y', ySub(cv, s, j)), ws = `W_${wSub(cv, i, j)}`;
        return cv === 'column' ? term([wc, gc], `${ws}\\, ${gs}`) : term([gc, wc], `${gs}\\, ${ws}`);
      });
      const { sym, num } = sumOf(terms);
      const gsym = dL('y', ySub(cv, 's', 'j'));
      const general =
        cv === 'column'
          ? `${dL('x', 'is')} = \\sum_{j=0}^{T-1} W_{ji}\\, ${gsym}`
          : `${dL('x', 'si')} = \\sum_{j=0}^{T-1} ${gsym}\\, W_${wSub(cv, 'i', 'j')}`;
      return {
        ...base,
        title,
        role: 'computed',
        general,
        indexed: `${dL('x', xSub(cv, s, i))} = ${sym}`,
        numeric: `= ${num}`,
        terms,
        deps: terms.flatMap((t) => t.factors),
        note: `Input ${i} of sample ${s} reaches every output through one weight each, so its gradient gathers all ${T} output gradient${T === 1 ? '' : 's'} of that sample, each times its weight.`,
      };
    }
    case 'dY':
      return deriveDY(ctx, cell, base, title);
    case 'L':
      return deriveL(ctx, base, title);
    default:
      return deriveInput(ctx, cell, base, title);
  }
}

type Base = Omit<Derivation, 'title' | 'role' | 'general' | 'indexed' | 'numeric' | 'note'>;

function deriveDY(ctx: DerivationContext, cell: CellRef, base: Base, title: string): Derivation {
  const { convention: cv, sizes, outputs, inputs } = ctx;
  const { B, T } = sizes;
  const [s, j] = yLogical(cv, cell.r, cell.c);
  const yc = yCell(cv, s, j);
  const ys = `y_${ySub(cv, s, j)}`;
  const lhs = dL('y', ySub(cv, s, j));
  if (ctx.loss === 'upstream') {
    return {
      ...base,
      title,
      role: 'input',
      general: `${dL('y', ySub(cv, 's', 'j'))}\\ \\text{is given}`,
      indexed: `${lhs}\\ \\text{is given directly}`,
      numeric: '',
      terms: [],
      feeds: [...feedsOfDY(ctx, s, j)],
      note: 'The gradient arriving from the layers above, taken as given; typing a new value changes every gradient below it.',
    };
  }
  if (ctx.loss === 'sum') {
    return {
      ...base,
      title,
      role: 'computed',
      general: LOSS_SPECS.sum.dtex(cv),
      indexed: `${lhs} = \\frac{\\partial}{\\partial ${ys}} \\sum y = 1`,
      numeric: '= 1',
      terms: [{ factors: [yc], values: [get(outputs.y, yc)], value: 1, tex: '1', symbolic: '1', speech: '1' }],
      deps: [yc],
      note: 'With L the plain sum of the outputs, every output moves L one-for-one.',
    };
  }
  if (ctx.loss === 'mse') {
    const tc = yCell(cv, s, j, 'target');
    const yv = get(outputs.y, yc), tv = get(inputs.targetMatrix, tc);
    const n = B * T;
    const t: DerivationTerm = {
      factors: [yc, tc],
      values: [yv, tv],
      value: yv - tv,
      tex: `\\left(${texNumber(yv, 3, false)} - ${texNumber(tv)}\\right)`,
      symbolic: `\\left(${ys} - \\hat{y}_${ySub(cv, s, j)}\\right)`,
      speech: `${formatNumber(yv, 6)} minus ${formatNumber(tv, 6)}`,
    };
    return {
      ...base,
      title,
      role: 'computed',
      general: LOSS_SPECS.mse.dtex(cv),
      indexed: `${lhs} = \\frac{2}{${n}}${t.symbolic}`,
      numeric: `= \\frac{2}{${n}}${t.tex}`,
      scale: 2 / n,
      scaleTex: `\\frac{2}{${n}}`,
      terms: [t],
      deps: [yc, tc],
      note: `The error of this output times 2, divided by the ${n} outputs the mean runs over.`,
    };
  }
  // softmax-ce
  const c = inputs.targetClasses[s];
  const p = softmaxRow(cv, outputs.y, s);
  const row = Array.from({ length: T }, (_, k) => yCell(cv, s, k));
  const tcell: CellRef = { m: 'target', r: 0, c: s };
  const hit = j === c ? 1 : 0;
  const t: DerivationTerm = {
    factors: [...row, tcell],
    values: [...row.map((rc) => get(outputs.y, rc)), c],
    value: p[j] - hit,
    tex: `\\left(${texNumber(p[j], 3, false)} - ${hit}\\right)`,
    symbolic: `\\left(p_${ySub(cv, s, j)} - [${j} = c_{${s}}]\\right)`,
    speech: `probability ${formatNumber(p[j], 6)} minus ${hit}`,
  };
  return {
    ...base,
    title,
    role: 'computed',
    general: LOSS_SPECS['softmax-ce'].dtex(cv),
    indexed: `${lhs} = \\frac{1}{${B}}${t.symbolic},\\ c_{${s}} = ${c}`,
    numeric: `= \\frac{1}{${B}}${t.tex}`,
    scale: 1 / B,
    scaleTex: `\\frac{1}{${B}}`,
    terms: [t],
    deps: [...row, tcell],
    note: `The softmax probability of output ${j} for sample ${s}, minus 1 if ${j} is the true class (${c}), over the batch size ${B}.`,
  };
}

function feedsOfDY(ctx: DerivationContext, s: number, j: number): CellRef[] {
  const { convention: cv, sizes } = ctx;
  const out: CellRef[] = [bCell(j, 'db')];
  for (let i = 0; i < sizes.N; i++) out.push(wCell(cv, i, j, 'dW'), xCell(cv, s, i, 'dX'));
  return out;
}

function deriveL(ctx: DerivationContext, base: Base, title: string): Derivation {
  const { convention: cv, sizes, outputs, inputs } = ctx;
  const { B, T } = sizes;
  const pairs = range(B).flatMap((s) => range(T).map((j) => [s, j] as const));
  if (ctx.loss === 'upstream') {
    return {
      ...base,
      title,
      role: 'input',
      general: '\\text{no loss: } \\tfrac{\\partial L}{\\partial Y}\\text{ is given directly}',
      indexed: '',
      numeric: '',
      result: '',
      note: 'With the upstream gradient typed in, the layer does not know L itself, only how L changes with y.',
    };
  }
  if (ctx.loss === 'sum') {
    const terms = pairs.map(([s, j]) => {
      const yc = yCell(cv, s, j);
      const v = get(outputs.y, yc);
      return { factors: [yc], values: [v], value: v, tex: texNumber(v), symbolic: `y_${ySub(cv, s, j)}`, speech: formatNumber(v, 6) };
    });
    const { sym, num } = sumOf(terms);
    return {
      ...base,
      title,
      role: 'computed',
      general: LOSS_SPECS.sum.tex(cv),
      indexed: `L = ${sym}`,
      numeric: `= ${num}`,
      terms,
      deps: terms.flatMap((t) => t.factors),
      note: 'The loss is the sum of every output.',
    };
  }
  if (ctx.loss === 'mse') {
    const n = B * T;
    const terms = pairs.map(([s, j]) => {
      const yc = yCell(cv, s, j), tc = yCell(cv, s, j, 'target');
      const yv = get(outputs.y, yc), tv = get(inputs.targetMatrix, tc);
      return {
        factors: [yc, tc],
        values: [yv, tv],
        value: (yv - tv) ** 2,
        tex: `\\left(${texNumber(yv, 3, false)} - ${texNumber(tv)}\\right)^2`,
        symbolic: `\\left(y_${ySub(cv, s, j)} - \\hat{y}_${ySub(cv, s, j)}\\right)^2`,
        speech: `${formatNumber(yv, 6)} minus ${formatNumber(tv, 6)}, squared`,
      };
    });
    const { sym, num } = sumOf(terms);
    return {
      ...base,
      title,
      role: 'computed',
      general: LOSS_SPECS.mse.tex(cv),
      indexed: `L = \\frac{1}{${n}}\\left(${sym}\\right)`,
      numeric: `= \\frac{1}{${n}}\\left(${num}\\right)`,
      scale: 1 / n,
      scaleTex: `\\frac{1}{${n}}`,
      terms,
      deps: terms.flatMap((t) => t.factors),
      note: `The mean of the ${n} squared errors.`,
    };
  }
  const terms = range(B).map((s) => {
    const c = inputs.targetClasses[s];
    const p = softmaxRow(cv, outputs.y, s);
    const row = range(T).map((k) => yCell(cv, s, k));
    const ys = row.map((rc) => get(outputs.y, rc));
    const v = crossEntropy(cv, outputs.y, s, c);
    return {
      factors: [...row, { m: 'target' as const, r: 0, c: s }],
      values: [...ys, c],
      value: v,
      // In parentheses so the sum reads "+ (−log p)"; when p underflows to 0 the term's value is shown instead.
      tex: p[c] > 1e-300 ? `\\left(-\\log ${texNumber(p[c], 3, false)}\\right)` : texNumber(v),
      symbolic: `\\left(-\\log p_${ySub(cv, s, c)}\\right)`,
      speech: `minus log of probability ${formatNumber(p[c], 6)}`,
    };
  });
  const { sym, num } = sumOf(terms, ' + ');
  return {
    ...base,
    title,
    role: 'computed',
    general: LOSS_SPECS['softmax-ce'].tex(cv),
    indexed: `L = \\frac{1}{${B}}\\left(${sym}\\right)`,
    numeric: `= \\frac{1}{${B}}\\left(${num}\\right)`,
    scale: 1 / B,
    scaleTex: `\\frac{1}{${B}}`,
    terms,
    deps: terms.flatMap((t) => t.factors),
    note: 'The mean over the batch of minus the log-probability the softmax gives each sample’s true class.',
  };
}

function deriveInput(ctx: DerivationContext, cell: CellRef, base: Base, title: string): Derivation {
  const { convention: cv, sizes } = ctx;
  const { B, T } = sizes;
  let feeds: CellRef[];
  let general: string;
  let note: string;
  if (cell.m === 'x') {
    const [s, i] = xLogical(cv, cell.r, cell.c);
    feeds = range(T).map((j) => yCell(cv, s, j));
    general = `x_${xSub(cv, s, i)}\\ \\text{feeds}\\ y_${ySub(cv, s, 'j')}\\ \\text{for every } j`;
    note = `Input ${i} of sample ${s}: it enters every output of that sample, once per weight.`;
  } else if (cell.m === 'W') {
    const [i, j] = wLogical(cv, cell.r, cell.c);
    feeds = range(B).map((s) => yCell(cv, s, j));
    general = `W_${wSub(cv, i, j)}\\ \\text{feeds}\\ y_${ySub(cv, 's', j)}\\ \\text{for every sample } s`;
    note = `The weight from input ${i} to output ${j}: every sample's output ${j} uses it.`;
  } else if (cell.m === 'b') {
    const j = cell.c;
    feeds = range(B).map((s) => yCell(cv, s, j));
    general = `b_{${j}}\\ \\text{is added to}\\ y_${ySub(cv, 's', j)}\\ \\text{for every sample } s`;
    note = `Bias ${j} is added to output ${j} of every sample.`;
  } else {
    if (ctx.loss === 'softmax-ce') {
      const s = cell.c;
      feeds = range(T).map((j) => yCell(cv, s, j, 'dY'));
      general = `c_{${s}} = ${ctx.inputs.targetClasses[s]}\\ \\text{(the true class of sample ${s})}`;
      note = `The index of sample ${s}'s true class, one of 0 to ${T - 1}.`;
    } else {
      const [s, j] = yLogical(cv, cell.r, cell.c);
      feeds = [yCell(cv, s, j, 'dY')];
      general = `\\hat{y}_${ySub(cv, s, j)}\\ \\text{is the target for}\\ y_${ySub(cv, s, j)}`;
      note = `The value output ${j} of sample ${s} should have.`;
    }
  }
  return {
    ...base,
    title,
    role: 'input',
    general,
    indexed: '',
    numeric: '',
    feeds,
    note,
  };
}
