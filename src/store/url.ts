// The URL <-> lesson codec. The query string holds the whole lesson, so a
// copied link restores the same screen. One table of parameters drives both
// directions. A public contract: see README.md.
import {
  ACTIVATIONS,
  CONVENTIONS,
  JACOBIAN_KINDS,
  JACOBIAN_SPECS,
  LOSS_KINDS,
  LOSS_TARGET,
  MATRIX_NAMES,
  type Activation,
  type CellRef,
  type Convention,
  type Granularity,
  type JacobianKind,
  type Linearisation,
  type LossKind,
  type Matrix,
  type MatrixName,
  type Sizes,
  lessonGraph,
  nodeShape,
  code,
  jacobianKindsFor,
  toRows,
} from '../core/index.ts';
import { type Note, note } from './messages.ts';
import { matrixTextProblem, parseMatrixText, parseNumber, writeNumber } from './parse.ts';

/** Sizes allowed in the lesson view. */
export const SIZE_MIN = 1;
export const SIZE_MAX = 12;

/** The locales the app has a catalogue for; en-XA is the pseudo-locale used to test translation. */
export const LOCALES = ['en', 'en-XA'] as const;
export type Locale = (typeof LOCALES)[number];

/** The lesson a page opens with when the URL says nothing. */
export const DEFAULTS = {
  convention: 'row' as Convention,
  B: 2,
  N: 3,
  T: 2,
  loss: 'mse' as LossKind,
  activation: 'identity' as Activation,
  seed: 7,
  locale: 'en' as Locale,
};

/** The inputs a learner can type into. */
export type EditableName = 'x' | 'W' | 'b' | 'target' | 'dY';

/** Every editable input, in the order links write them. */
export const EDITABLE_NAMES: readonly EditableName[] = ['x', 'W', 'b', 'target', 'dY'];

/** A problem found in a URL parameter, and what was done about it. */
export interface Notice {
  param: string;
  message: Note;
}

/** Everything a URL can say. Matrices are in the convention's layout; `b` and class targets are flat lists. */
export interface UrlState {
  convention: Convention;
  sizes: Sizes;
  loss: LossKind;
  activation: Activation;
  seed: number;
  explicit: Partial<Record<EditableName, number[][]>>;
  focus: CellRef | null;
  step: number | null;
  /** The player's grain, when the link sets it (it gives step its meaning). */
  granularity: Granularity | null;
  /** The Jacobian view's choice, when the link sets it. */
  jacobianKind: JacobianKind | null;
  linearisation: Linearisation | null;
  locale: Locale;
}

/** URL words for the Jacobian view's choices: the node differentiated by. */
const JAC_WORD: Record<JacobianKind, string> = Object.fromEntries(JACOBIAN_KINDS.map((k) => [k, JACOBIAN_SPECS[k].by])) as Record<JacobianKind, string>;
const LIN_WORD: Record<Linearisation, string> = { 'row-major': 'row', 'column-major': 'col' };

/** The displayed shape of any matrix, including the 1×B class-target row. */
export function cellShape(m: MatrixName, conv: Convention, sizes: Sizes, loss: LossKind): [number, number] {
  return nodeShape(m, conv, sizes, loss);
}

/** The matrices a lesson shows, given its loss and activation. */
export function shownMatrices(conv: Convention, sizes: Sizes, loss: LossKind, activation: Activation): MatrixName[] {
  const g = lessonGraph({ convention: conv, sizes, loss, activation });
  return [...g.forward, ...g.backward];
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

const writeRows = (rows: number[][]): string => rows.map((r) => r.map(writeNumber).join(',')).join(';');

/** Rows of a matrix, or of a flat vector as one row. */
export function rowsOf(m: Matrix | Float64Array | number[]): number[][] {
  return m instanceof Float64Array || Array.isArray(m) ? [Array.from(m)] : toRows(m);
}

/** One URL parameter: how it is read into the state decoded so far, and written from a state. */
interface Param {
  name: string;
  read(raw: string, st: UrlState, say: (message: Note) => void): void;
  write(st: UrlState): string | null;
}

/** A parameter choosing one of a list of words. */
function choice<T extends string>(name: string, words: readonly T[], get: (s: UrlState) => T | null, set: (s: UrlState, v: T) => void, fallback: (s: UrlState) => T | null): Param {
  return {
    name,
    read: (raw, st, say) => {
      if ((words as readonly string[]).includes(raw)) set(st, raw as T);
      else {
        const f = fallback(st);
        const options = code(words.join(', '));
        say(f === null ? note('notice.choice.auto', { name: code(name), raw: code(raw), options }) : note('notice.choice', { name: code(name), raw: code(raw), options, fallback: code(f) }));
      }
    },
    write: (st) => {
      const v = get(st);
      return v !== null && v !== fallback(st) ? v : null;
    },
  };
}

/** A parameter naming a table's value by its URL word. */
function worded<T extends string>(name: string, table: Record<T, string>, get: (s: UrlState) => T | null, set: (s: UrlState, v: T) => void, dflt: T, allowed: (s: UrlState) => readonly T[]): Param {
  return {
    name,
    read: (raw, st, say) => {
      const ok = allowed(st);
      const hit = ok.find((k) => table[k] === raw);
      if (hit !== undefined) set(st, hit);
      else say(note('notice.choice', { name: code(name), raw: code(raw), options: code(ok.map((k) => table[k]).join(', ')), fallback: code(table[dflt]) }));
    },
    write: (st) => {
      const v = get(st);
      return v !== null && v !== dflt ? table[v] : null;
    },
  };
}

function size(name: keyof Sizes): Param {
  return {
    name,
    read: (raw, st, say) => {
      const v = parseNumber(raw);
      if (v === null) return say(note('notice.size.notNumber', { name: code(name), raw: code(raw), fallback: DEFAULTS[name] }));
      const clamped = Math.min(SIZE_MAX, Math.max(SIZE_MIN, Math.round(v)));
      if (clamped !== v) say(note('notice.size.clamped', { name: code(name), raw: code(raw), min: SIZE_MIN, max: SIZE_MAX, value: clamped }));
      st.sizes = { ...st.sizes, [name]: clamped };
    },
    write: (st) => (st.sizes[name] !== DEFAULTS[name] ? String(st.sizes[name]) : null),
  };
}

function matrix(name: EditableName): Param {
  return {
    name,
    read: (raw, st, say) => {
      const rows = parseMatrixText(raw);
      const [er, ec] = cellShape(name, st.convention, st.sizes, st.loss);
      if (rows === null) return say(note('notice.matrix.malformed', { name: code(name), problem: matrixTextProblem(raw) ?? note('problem.notMatrix') }));
      if (rows.length !== er || rows[0].length !== ec) {
        return say(note('notice.matrix.shape', { name: code(name), rows: rows.length, cols: rows[0].length, er, ec, conv: code(st.convention) }));
      }
      if (name === 'target' && LOSS_TARGET[st.loss] === 'classes' && rows[0].some((v) => !Number.isInteger(v) || v < 0 || v >= st.sizes.T)) {
        return say(note('notice.target.classes', { last: st.sizes.T - 1 }));
      }
      st.explicit = { ...st.explicit, [name]: rows };
    },
    write: (st) => {
      const rows = st.explicit[name];
      return rows ? writeRows(rows) : null;
    },
  };
}

/** Every parameter, in the order they are read (each may depend on those before it) and written. */
const PARAMS: readonly Param[] = [
  choice('conv', CONVENTIONS, (s) => s.convention, (s, v) => (s.convention = v), () => DEFAULTS.convention),
  size('B'),
  size('N'),
  size('T'),
  choice('loss', LOSS_KINDS, (s) => s.loss, (s, v) => (s.loss = v), () => DEFAULTS.loss),
  choice('act', ACTIVATIONS, (s) => s.activation, (s, v) => (s.activation = v), () => DEFAULTS.activation),
  {
    name: 'seed',
    read: (raw, st, say) => {
      const v = parseNumber(raw);
      if (v !== null && Number.isInteger(v) && Math.abs(v) <= 2 ** 31) st.seed = v;
      else say(note('notice.seed', { raw: code(raw), fallback: DEFAULTS.seed }));
    },
    write: (st) => (st.seed !== DEFAULTS.seed ? String(st.seed) : null),
  },
  ...EDITABLE_NAMES.map(matrix),
  {
    name: 'focus',
    read: (raw, st, say) => {
      const cell = parseCell(raw);
      const shown = cell !== null && shownMatrices(st.convention, st.sizes, st.loss, st.activation).includes(cell.m);
      const shape = cell && shown ? cellShape(cell.m, st.convention, st.sizes, st.loss) : null;
      if (cell && shape && cell.r < shape[0] && cell.c < shape[1]) st.focus = cell;
      else say(note('notice.focus', { raw: code(raw) }));
    },
    write: (st) => (st.focus ? writeCell(st.focus) : null),
  },
  {
    name: 'step',
    read: (raw, st, say) => {
      const v = parseNumber(raw);
      if (v !== null && Number.isInteger(v) && v >= 0) st.step = v;
      else say(note('notice.step', { raw: code(raw) }));
    },
    write: (st) => (st.step !== null ? String(st.step) : null),
  },
  // Written whenever step is: it fixes what a step number means.
  {
    ...choice<Granularity>('grain', ['fine', 'coarse'], (s) => s.granularity, (s, v) => (s.granularity = v), () => null),
    write: (st) => st.granularity,
  },
  worded('jac', JAC_WORD, (s) => s.jacobianKind, (s, v) => (s.jacobianKind = v), 'dY/dW', (s) => jacobianKindsFor(s.activation)),
  worded('lin', LIN_WORD, (s) => s.linearisation, (s, v) => (s.linearisation = v), 'row-major', () => ['row-major', 'column-major']),
  choice('lang', LOCALES, (s) => s.locale, (s, v) => (s.locale = v), () => DEFAULTS.locale),
];

/** The state of a link that says nothing. */
export function defaultUrlState(): UrlState {
  const { convention, B, N, T, loss, activation, seed, locale } = DEFAULTS;
  return { convention, sizes: { B, N, T }, loss, activation, seed, explicit: {}, focus: null, step: null, granularity: null, jacobianKind: null, linearisation: null, locale };
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
  const st = defaultUrlState();
  for (const param of PARAMS) {
    const raw = p.get(param.name);
    if (raw !== null) param.read(raw, st, (message) => notices.push({ param: param.name, message }));
  }
  return { state: st, notices };
}

/** Writes a lesson as a query string (without '?'). Parameters equal to the defaults are left out. */
export function encodeUrl(s: UrlState): string {
  // Keep ',', ';' and ':' readable: they are safe in a query value.
  const enc = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3B/g, ';').replace(/%3A/g, ':');
  const parts: string[] = [];
  for (const param of PARAMS) {
    const v = param.write(s);
    if (v !== null) parts.push(`${param.name}=${enc(v)}`);
  }
  return parts.join('&');
}
