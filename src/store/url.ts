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
  type Activation,
  type CellRef,
  type Convention,
  type Granularity,
  type JacobianKind,
  type Linearisation,
  type LossKind,
  type Matrix,
  type Sizes,
  code,
  isLearningRate,
  jacobianKindsFor,
  toRows,
  EXPORT_FLAVOURS,
  type ExportFlavour,
  type QuizSpec,
} from '../core/index.ts';
import { cellShape, lessonCell, parseCell, shownMatrices, writeCell } from './cellText.ts';
import { DEFAULT_FRAME, type Frame, flagWord, readFrame, writeFrame } from './frame.ts';
import { type Note, note } from './messages.ts';
import { type Param as ParamOf, choice, worded } from './urlParam.ts';
import { type TourLink, readTourLink, writeTourLink } from './tourLink.ts';
import { type TrainOptions, readTrainLink, writeTrainLink } from './trainLink.ts';
import { readQuizLink, writeQuizLink } from './quizLink.ts';
import { matrixTextProblem, parseMatrixText, parseNumber, writeNumber } from './parse.ts';

/** Sizes allowed in the lesson view. */
/** One of the link's parameters. */
type Param = ParamOf<UrlState>;

export const SIZE_MIN = 1;
export const SIZE_MAX = 12;

/** Whether a link can hold a lesson of these sizes: larger lessons (an update opened from training) only come from the store. */
export const linkHolds = (sizes: Sizes): boolean => sizes.B <= SIZE_MAX && sizes.N <= SIZE_MAX && sizes.T <= SIZE_MAX;

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
  /** The learning rate of the update after the backward pass, W⁺ = W − lr·dL/dW (`update=`); absent or null for none. */
  lr?: number | null;
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
  /** How the app sits in its page (embed, show, lock, origin); not part of the lesson. */
  frame: Frame;
  /** The tour running and its stop (`tour=`, `stop=`); absent or null without one. */
  tour?: TourLink | null;
  /** The training run (`train=`, `lr`, `batch`, `epochs`); absent or null without one. */
  train?: TrainOptions | null;
  /** Opens in presentation mode (`present=1`); absent when the link does not say so. */
  present?: boolean;
  /** Opens the Export dialog on a flavour of the lesson's program (`export=numpy` or `pytorch`). */
  exportShown?: ExportFlavour;
  /** The exercise set (`quiz=`, `qseed`, `qn`); absent or null outside the exercise mode. */
  quiz?: QuizSpec | null;
}

/** URL words for the Jacobian view's choices: the node differentiated by. */
const JAC_WORD: Record<JacobianKind, string> = Object.fromEntries(JACOBIAN_KINDS.map((k) => [k, JACOBIAN_SPECS[k].by])) as Record<JacobianKind, string>;
const LIN_WORD: Record<Linearisation, string> = { 'row-major': 'row', 'column-major': 'col' };

/** Cells as links name them (cellText.ts), here too for the codec's users. */
export { cellShape, lessonCell, parseCell, shownMatrices, writeCell };

const writeRows = (rows: number[][]): string => rows.map((r) => r.map(writeNumber).join(',')).join(';');

/** Rows of a matrix, or of a flat vector as one row. */
export function rowsOf(m: Matrix | Float64Array | number[]): number[][] {
  return m instanceof Float64Array || Array.isArray(m) ? [Array.from(m)] : toRows(m);
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

/**
 * The shape a URL writes a matrix in: its displayed shape, except that b is one list of T numbers in every
 * convention (the link format from before b became a column in the column convention).
 */
function urlShape(name: EditableName, st: Pick<UrlState, 'convention' | 'sizes' | 'loss'>): [number, number] {
  return name === 'b' ? [1, st.sizes.T] : cellShape(name, st.convention, st.sizes, st.loss);
}

/** b written as the column the column convention shows, rows of one number, read as the one list the URL holds. */
const asList = (name: EditableName, rows: number[][]): number[][] =>
  name === 'b' && rows.length > 1 && rows.every((r) => r.length === 1) ? [rows.map((r) => r[0])] : rows;

function matrix(name: EditableName): Param {
  return {
    name,
    read: (raw, st, say) => {
      const [er, ec] = urlShape(name, st);
      const parsed = parseMatrixText(raw);
      const rows = parsed && asList(name, parsed);
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
  { name: 'update', read: (raw, st, say) => void (isLearningRate(parseNumber(raw)) ? (st.lr = parseNumber(raw)) : say(note('notice.update', { raw: code(raw) }))), write: (st) => (st.lr ? writeNumber(st.lr) : null) },
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
      const cell = lessonCell(raw, st);
      if (cell) st.focus = cell;
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
    ...choice<UrlState, Granularity>('grain', ['fine', 'coarse'], (s) => s.granularity, (s, v) => (s.granularity = v), () => null),
    write: (st) => st.granularity,
  },
  worded('jac', JAC_WORD, (s) => s.jacobianKind, (s, v) => (s.jacobianKind = v), 'dY/dW', (s) => jacobianKindsFor(s.activation)),
  worded('lin', LIN_WORD, (s) => s.linearisation, (s, v) => (s.linearisation = v), 'row-major', () => ['row-major', 'column-major']),
  choice('lang', LOCALES, (s) => s.locale, (s, v) => (s.locale = v), () => DEFAULTS.locale),
  {
    name: 'present',
    read: (raw, st, say) => {
      const v = flagWord(raw);
      if (v === undefined) say(note('notice.flag', { name: code('present'), raw: code(raw) }));
      else if (v) st.present = true;
    },
    write: (st) => (st.present ? '1' : null),
  },
  choice<UrlState, ExportFlavour>('export', EXPORT_FLAVOURS, (s) => s.exportShown ?? null, (s, v) => (s.exportShown = v), () => null),
];

/** The names of the lesson's URL parameters, in the order links write them. */
export const LESSON_PARAMS: readonly string[] = PARAMS.map((p) => p.name);

/** The state of a link that says nothing. */
export function defaultUrlState(): UrlState {
  const { convention, B, N, T, loss, activation, seed, locale } = DEFAULTS;
  return { convention, sizes: { B, N, T }, loss, activation, seed, explicit: {}, focus: null, step: null, granularity: null, jacobianKind: null, linearisation: null, locale, frame: DEFAULT_FRAME };
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
  st.frame = readFrame((name) => p.get(name), (param, message) => notices.push({ param, message }));
  const tour = readTourLink((name) => p.get(name), (param, message) => notices.push({ param, message }));
  if (tour) st.tour = tour;
  const train = readTrainLink((name) => p.get(name), (param, message) => notices.push({ param, message }));
  if (train) st.train = train;
  const quiz = readQuizLink((name) => p.get(name), (param, message) => notices.push({ param, message }));
  if (quiz) st.quiz = quiz;
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
  for (const [name, v] of [...writeFrame(s.frame), ...writeTourLink(s.tour), ...writeTrainLink(s.train), ...writeQuizLink(s.quiz)]) parts.push(`${name}=${enc(v)}`);
  return parts.join('&');
}
