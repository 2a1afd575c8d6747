// The URL <-> lesson codec. The query string holds the whole lesson, so a
// copied link restores the same screen. A public contract: see README.md.
import {
  type CellRef,
  type Convention,
  type LossKind,
  type Matrix,
  type MatrixName,
  isConvention,
  isLossKind,
  matrixShape,
  targetShape,
  type Sizes,
  type Granularity,
  type JacobianKind,
  type Linearisation,
  toRows,
} from '../core/index.ts';
import { matrixTextProblem, parseMatrixText, parseNumber, writeNumber } from './parse.ts';

/** URL words for the Jacobian view's choices. */
const JAC_PARAM: Record<string, JacobianKind> = { W: 'dY/dW', x: 'dY/dX', b: 'dY/db' };
const LIN_PARAM: Record<string, Linearisation> = { row: 'row-major', col: 'column-major' };

/** Sizes allowed in the lesson view. */
export const SIZE_MIN = 1;
export const SIZE_MAX = 12;

/** The lesson a page opens with when the URL says nothing. */
export const DEFAULTS = { convention: 'row' as Convention, B: 2, N: 3, T: 2, loss: 'mse' as LossKind, seed: 7 };

/** The inputs a learner can type into. */
export type EditableName = 'x' | 'W' | 'b' | 'target' | 'dY';

/** A problem found in a URL parameter, and what was done about it. */
export interface Notice {
  param: string;
  message: string;
}

/** Everything a URL can say. Matrices are in the convention's layout; `b` and class targets are flat lists. */
export interface UrlState {
  convention: Convention;
  sizes: Sizes;
  loss: LossKind;
  seed: number;
  explicit: Partial<Record<EditableName, number[][]>>;
  focus: CellRef | null;
  step: number | null;
  /** The player's grain, when the link sets it (it gives step its meaning). */
  granularity: Granularity | null;
  /** The Jacobian view's choice, when the link sets it. */
  jacobianKind: JacobianKind | null;
  linearisation: Linearisation | null;
}

const MATRIX_NAMES: readonly MatrixName[] = ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX'];

/** The shape an explicit URL matrix must have. `b` and class targets are one row. */
export function expectedShape(name: EditableName, conv: Convention, sizes: Sizes, loss: LossKind): [number, number] {
  return cellShape(name, conv, sizes, loss);
}

function readSize(p: URLSearchParams, name: 'B' | 'N' | 'T', notices: Notice[]): number {
  const raw = p.get(name);
  if (raw === null) return DEFAULTS[name];
  const v = parseNumber(raw);
  if (v === null) {
    notices.push({ param: name, message: `${name}=“${raw}” is not a number; using ${DEFAULTS[name]}.` });
    return DEFAULTS[name];
  }
  const n = Math.round(v);
  const clamped = Math.min(SIZE_MAX, Math.max(SIZE_MIN, n));
  if (clamped !== v) {
    notices.push({ param: name, message: `${name}=${raw} is outside ${SIZE_MIN}–${SIZE_MAX} or not whole; clamped to ${clamped}.` });
  }
  return clamped;
}

/** Parses `dW:1,0` into a cell, or null. */
export function parseCell(text: string): CellRef | null {
  const m = /^([A-Za-z]+):(\d+),(\d+)$/.exec(text.trim());
  if (!m || !(MATRIX_NAMES as readonly string[]).includes(m[1])) return null;
  return { m: m[1] as MatrixName, r: Number(m[2]), c: Number(m[3]) };
}

/** Writes a cell as `dW:1,0`. */
export function writeCell(c: CellRef): string {
  return `${c.m}:${c.r},${c.c}`;
}

/** Reads a query string. Never throws: every bad parameter becomes a notice and a fallback. */
export function decodeUrl(search: string): { state: UrlState; notices: Notice[] } {
  const notices: Notice[] = [];
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(search);
  } catch {
    p = new URLSearchParams();
  }
  const convRaw = p.get('conv');
  let convention = DEFAULTS.convention;
  if (convRaw !== null) {
    if (isConvention(convRaw)) convention = convRaw;
    else notices.push({ param: 'conv', message: `conv=“${convRaw}” is not a convention (row, torch, column); using ${DEFAULTS.convention}.` });
  }
  const sizes = { B: readSize(p, 'B', notices), N: readSize(p, 'N', notices), T: readSize(p, 'T', notices) };
  const lossRaw = p.get('loss');
  let loss = DEFAULTS.loss;
  if (lossRaw !== null) {
    if (isLossKind(lossRaw)) loss = lossRaw;
    else notices.push({ param: 'loss', message: `loss=“${lossRaw}” is not a loss (mse, softmax-ce, sum, upstream); using ${DEFAULTS.loss}.` });
  }
  const seedRaw = p.get('seed');
  let seed = DEFAULTS.seed;
  if (seedRaw !== null) {
    const v = parseNumber(seedRaw);
    if (v !== null && Number.isInteger(v) && Math.abs(v) <= 2 ** 31) seed = v;
    else notices.push({ param: 'seed', message: `seed=“${seedRaw}” is not a whole number; using ${DEFAULTS.seed}.` });
  }
  const explicit: UrlState['explicit'] = {};
  for (const name of ['x', 'W', 'b', 'target', 'dY'] as const) {
    const raw = p.get(name);
    if (raw === null) continue;
    const rows = parseMatrixText(raw);
    const [er, ec] = expectedShape(name, convention, sizes, loss);
    if (rows === null) {
      const problem = matrixTextProblem(raw) ?? 'is not a matrix';
      notices.push({ param: name, message: `${name} ${problem}; ignored, using the seed's values. Write rows separated by ';' and entries by ','.` });
      continue;
    }
    if (rows.length !== er || rows[0].length !== ec) {
      notices.push({
        param: name,
        message: `${name} is [${rows.length}×${rows[0].length}] but needs [${er}×${ec}] in the ${convention} convention; ignored, using the seed's values.`,
      });
      continue;
    }
    if (name === 'target' && loss === 'softmax-ce' && rows[0].some((v) => !Number.isInteger(v) || v < 0 || v >= sizes.T)) {
      notices.push({ param: name, message: `target must list one class index from 0 to ${sizes.T - 1} per sample; ignored, using the seed's classes.` });
      continue;
    }
    explicit[name] = rows;
  }
  let focus: CellRef | null = null;
  const focusRaw = p.get('focus');
  if (focusRaw !== null) {
    const cell = parseCell(focusRaw);
    const shown = cell !== null && (cell.m !== 'target' || loss === 'mse' || loss === 'softmax-ce');
    const shape = cell && shown ? cellShape(cell.m, convention, sizes, loss) : null;
    if (cell && shape && cell.r < shape[0] && cell.c < shape[1]) focus = cell;
    else notices.push({ param: 'focus', message: `focus=“${focusRaw}” is not a cell of this lesson (write it like dW:1,0); ignored.` });
  }
  let step: number | null = null;
  const stepRaw = p.get('step');
  if (stepRaw !== null) {
    const v = parseNumber(stepRaw);
    if (v !== null && Number.isInteger(v) && v >= 0) step = v;
    else notices.push({ param: 'step', message: `step=“${stepRaw}” is not a step number; starting at the beginning.` });
  }
  const pick = <T extends string>(param: string, table: Record<string, T>, what: string): T | null => {
    const raw = p.get(param);
    if (raw === null) return null;
    if (Object.prototype.hasOwnProperty.call(table, raw)) return table[raw];
    notices.push({ param, message: `${param}=“${raw}” is not ${what} (${Object.keys(table).join(', ')}); using the default.` });
    return null;
  };
  const granularity = pick<Granularity>('grain', { fine: 'fine', coarse: 'coarse' }, 'a grain');
  const jacobianKind = pick<JacobianKind>('jac', JAC_PARAM, 'a Jacobian');
  const linearisation = pick<Linearisation>('lin', LIN_PARAM, 'a linearisation');
  return { state: { convention, sizes, loss, seed, explicit, focus, step, granularity, jacobianKind, linearisation }, notices };
}

/** The displayed shape of any matrix, including the 1×B class-target row. */
export function cellShape(m: MatrixName, conv: Convention, sizes: Sizes, loss: LossKind): [number, number] {
  if (m === 'target') return targetShape({ convention: conv, loss, sizes });
  return matrixShape(conv, sizes, m);
}

const writeRows = (rows: number[][]): string => rows.map((r) => r.map(writeNumber).join(',')).join(';');

/** Rows of a matrix, or of a flat vector as one row. */
export function rowsOf(m: Matrix | Float64Array | number[]): number[][] {
  return m instanceof Float64Array || Array.isArray(m) ? [Array.from(m)] : toRows(m);
}

/** Writes a lesson as a query string (without '?'). Parameters equal to the defaults are left out. */
export function encodeUrl(s: UrlState): string {
  const parts: [string, string][] = [];
  if (s.convention !== DEFAULTS.convention) parts.push(['conv', s.convention]);
  for (const k of ['B', 'N', 'T'] as const) if (s.sizes[k] !== DEFAULTS[k]) parts.push([k, String(s.sizes[k])]);
  if (s.loss !== DEFAULTS.loss) parts.push(['loss', s.loss]);
  if (s.seed !== DEFAULTS.seed) parts.push(['seed', String(s.seed)]);
  for (const name of ['x', 'W', 'b', 'target', 'dY'] as const) {
    const rows = s.explicit[name];
    if (rows) parts.push([name, writeRows(rows)]);
  }
  if (s.focus) parts.push(['focus', writeCell(s.focus)]);
  if (s.step !== null) parts.push(['step', String(s.step)]);
  if (s.granularity !== null) parts.push(['grain', s.granularity]);
  const key = <T extends string>(table: Record<string, T>, v: T) => Object.keys(table).find((k) => table[k] === v) ?? '';
  if (s.jacobianKind !== null && s.jacobianKind !== 'dY/dW') parts.push(['jac', key(JAC_PARAM, s.jacobianKind)]);
  if (s.linearisation !== null && s.linearisation !== 'row-major') parts.push(['lin', key(LIN_PARAM, s.linearisation)]);
  // Keep ',', ';' and ':' readable: they are safe in a query value.
  const enc = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':');
  return parts.map(([k, v]) => `${k}=${enc(v)}`).join('&');
}
