// The app's one store, built from slices: lesson, focus and ui. Views read it
// through selectors; every number it holds comes from core.
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type CellRef,
  type Convention,
  type Derivation,
  type DerivationContext,
  type LessonConfig,
  type LessonInputs,
  type LessonOutputs,
  type LossKind,
  type Matrix,
  type MatrixName,
  type Sizes,
  computeLesson,
  convertInputs,
  deriveAtStep,
  buildScript,
  defaultGranularity,
  type Script,
  type Snapshot,
  withEntry,
} from '../core/index.ts';
import { groupCells, type Highlights } from './highlights.ts';
import { createJacobianSlice, type JacobianSlice } from './jacobianSlice.ts';
import { atStep, createPlaybackActions, playbackFor, type PlaybackSlice } from './playbackSlice.ts';

export { groupCells, type Highlights };
import { type Edited, NONE_EDITED, buildInputs, resizeInputs } from './lesson.ts';
import { numberProblem, parseNumber } from './parse.ts';
import { type EditableName, type Notice, SIZE_MAX, SIZE_MIN, type UrlState, cellShape, decodeUrl, rowsOf } from './url.ts';


/** The result of an edit: accepted, or refused with a message naming the problem. */
export type EditResult = { ok: true } | { ok: false; message: string };

/** The lesson slice: configuration, values and everything computed from them. */
export interface LessonSlice {
  config: LessonConfig;
  seed: number;
  inputs: LessonInputs;
  edited: Edited;
  outputs: LessonOutputs;
  /** The context derivations read; replaced whenever the lesson changes. */
  ctx: DerivationContext;
  /** The loss as a 1×1 grid's values. */
  lossCell: Float64Array;
  notices: Notice[];
  setConvention(c: Convention): void;
  setSize(name: keyof Sizes, value: number): void;
  setLoss(l: LossKind): void;
  setSeed(seed: number): void;
  /** Types a value into an input cell; refuses anything but a finite number. */
  editCell(cell: CellRef, text: string): EditResult;
  dismissNotice(param: string): void;
}

/** The focus slice: the cell being explained. */
export interface FocusSlice {
  /** The selected cell (keyboard focus or click); part of the URL. */
  focus: CellRef | null;
  /** The cell under the pointer; wins over focus while it lasts. */
  hover: CellRef | null;
  /** The term of the expanded sum under the pointer or focus. */
  term: number | null;
  /** Derivation of hover ?? focus. */
  derivation: Derivation | null;
  /** The cells the explained value depends on (or feeds, for inputs). */
  highlights: Highlights;
  /** The factor cells of the hovered term. */
  termHighlights: Highlights;
  /** Cells pointed at from another view (a Jacobian entry, a walkthrough value); kept apart from term hovers. */
  linked: Highlights;
  setFocus(cell: CellRef | null): void;
  setHover(cell: CellRef | null): void;
  setTerm(k: number | null): void;
  /** Points at cells from another view (a Jacobian entry, a player step): outlined like a term's factors. */
  setLinked(cells: readonly CellRef[] | null): void;
}

export type AppState = LessonSlice & FocusSlice & JacobianSlice & PlaybackSlice;
export type AppStore = StoreApi<AppState>;

const EDITABLE: Partial<Record<MatrixName, EditableName>> = { x: 'x', W: 'W', b: 'b', target: 'target', dY: 'dY' };

/** The editable input a displayed matrix is, if any, given the loss. */
export function editableName(m: MatrixName, loss: LossKind): EditableName | null {
  const e = EDITABLE[m] ?? null;
  if (e === 'dY' && loss !== 'upstream') return null;
  if (e === 'target' && (loss === 'sum' || loss === 'upstream')) return null;
  return e;
}


function inShape(cell: CellRef, config: LessonConfig): boolean {
  // The target is not on screen for losses that have none.
  if (cell.m === 'target' && (config.loss === 'sum' || config.loss === 'upstream')) return false;
  const [r, c] = cellShape(cell.m, config.convention, config, config.loss);
  return cell.r >= 0 && cell.c >= 0 && cell.r < r && cell.c < c;
}

/** The derived part of the lesson slice, from its configuration and inputs. */
function computed(config: LessonConfig, inputs: LessonInputs): Pick<LessonSlice, 'outputs' | 'ctx' | 'lossCell'> {
  const outputs = computeLesson(config.convention, config.loss, inputs);
  const ctx: DerivationContext = { convention: config.convention, loss: config.loss, sizes: { B: config.B, N: config.N, T: config.T }, inputs, outputs };
  return { outputs, ctx, lossCell: Float64Array.of(outputs.L) };
}

/** The focus-derived part of the state: the derivation of the value on screen at this step, and highlights. */
function explained(
  ctx: DerivationContext,
  config: LessonConfig,
  script: Script,
  step: number,
  focus: CellRef | null,
  hover: CellRef | null,
): Pick<FocusSlice, 'derivation' | 'highlights' | 'termHighlights' | 'term'> {
  const cell = hover ?? focus;
  if (!cell || !inShape(cell, config)) return { derivation: null, highlights: {}, termHighlights: {}, term: null };
  const derivation = deriveAtStep(ctx, script, step, cell);
  return { derivation, highlights: groupCells([...derivation.deps, ...derivation.feeds]), termHighlights: {}, term: null };
}

/** Reuses the previous snapshot's arrays where nothing changed, so grids that did not change do not redraw. */
function keepUnchanged(prev: Snapshot | null, next: Snapshot): Snapshot {
  if (!prev) return next;
  const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
  const out = { ...next };
  for (const k of Object.keys(next) as (keyof Snapshot)[]) if (same(prev[k], next[k])) out[k] = prev[k];
  return out;
}

/** Creates the store from a query string (the URL's, or '' for the default lesson). */
export function createAppStore(search = ''): AppStore {
  const { state: url, notices } = decodeUrl(search);
  return createAppStoreFrom(url, notices);
}

/** Creates the store from a decoded URL state. */
export function createAppStoreFrom(url: UrlState, notices: Notice[] = []): AppStore {
  const config: LessonConfig = { convention: url.convention, loss: url.loss, ...url.sizes };
  let { inputs, edited } = buildInputs(config, url.seed, url.explicit);
  let lesson: ReturnType<typeof computed>;
  try {
    lesson = computed(config, inputs);
  } catch (e) {
    // Explicit values so large that y overflows: keep the page, use the seed's values and say so.
    const given = Object.keys(url.explicit);
    const names = given.join(', ');
    notices = [...notices, { param: names, message: `${names} ${given.length === 1 ? 'makes' : 'make'} the layer overflow (${(e as Error).message}); ignored, using the seed's values.` }];
    ({ inputs, edited } = buildInputs(config, url.seed, {}));
    lesson = computed(config, inputs);
  }
  const focus = url.focus && inShape(url.focus, config) ? url.focus : null;
  const playback = playbackFor(lesson.ctx, url.granularity, url.step);
  if (url.step !== null && url.step > playback.script.steps.length) {
    const n = playback.script.steps.length;
    notices = [...notices, { param: 'step', message: `step=${url.step} is past the end of this lesson's ${n} steps; showing the complete lesson.` }];
  }

  return createStore<AppState>()((set, get, api) => {
    // Until the learner picks fine or coarse, the script's grain follows the lesson's size.
    let grainChosen = url.granularity !== null;
    /** Replaces the lesson, keeping the focused cell when it still exists and the step where it was. */
    const relesson = (config: LessonConfig, seed: number, inputs: LessonInputs, edited: Edited) => {
      const next = computed(config, inputs);
      const { focus, hover, step, script, granularity } = get();
      const f = focus && inShape(focus, config) ? focus : null;
      const h = hover && inShape(hover, config) ? hover : null;
      // Mid-lesson, stay at the start of the matrix being worked on: step numbers change meaning with the script.
      const target = step < script.steps.length ? script.steps[step].target : null;
      const sc = buildScript(next.ctx, grainChosen ? granularity : defaultGranularity(next.ctx));
      let k: number | null = null;
      if (target) {
        // The same step when the script kept its shape (a value was edited); else the start of the same matrix.
        const same = sc.steps[step]?.id === script.steps[step].id;
        k = same ? step : sc.targetStart[target] >= 0 ? sc.targetStart[target] : step;
      }
      const pb = atStep(next.ctx, sc, k);
      // A selected Jacobian entry names row and column numbers that the new lesson may lay out differently.
      if (get().jacobianEntry) set({ jacobianEntry: null, linked: {} });
      set({ config, seed, inputs, edited, ...next, ...pb, focus: f, hover: h, ...explained(next.ctx, config, pb.script, pb.step, f, h) });
    };
    /** Changes the lesson's settings, or, when the new lesson cannot be computed (it would overflow), keeps it and says why. */
    const tryRelesson = (param: string, config: LessonConfig, seed: number, inputs: LessonInputs, edited: Edited): void => {
      try {
        relesson(config, seed, inputs, edited);
      } catch (e) {
        const message = `Changing ${param} makes the layer overflow (${(e as Error).message}); kept the previous setting. Make the large values you typed smaller first.`;
        set({ notices: [...get().notices.filter((n) => n.param !== param), { param, message }] });
      }
    };
    /** Moves playback to step k and refreshes the values and derivation on screen. */
    const moveTo = (k: number, script?: Script) => {
      const s = get();
      const sc = script ?? s.script;
      const step = Math.max(0, Math.min(sc.steps.length, Math.trunc(k)));
      if (step === s.step && sc === s.script) return;
      const pb = atStep(s.ctx, sc, step);
      const snapshot = pb.snapshot && keepUnchanged(s.snapshot, pb.snapshot);
      set({ ...pb, snapshot, ...explained(s.ctx, s.config, sc, step, s.focus, s.hover) });
    };
    const playbackActions = createPlaybackActions<AppState>(set, get, moveTo);
    return {
      config,
      seed: url.seed,
      inputs,
      edited,
      ...lesson,
      notices,
      focus,
      hover: null,
      linked: {},
      ...playback,
      ...explained(lesson.ctx, config, playback.script, playback.step, focus, null),

      setConvention: (c) => {
        const s = get();
        if (c === s.config.convention) return;
        const inputs = convertInputs(s.config.convention, c, s.inputs);
        // The same logical cell keeps focus: transposed where the layout is.
        const move = (cell: CellRef | null): CellRef | null => {
          if (!cell) return null;
          const flips =
            cell.m === 'W' || cell.m === 'dW'
              ? (s.config.convention === 'row') !== (c === 'row')
              : cell.m === 'b' || cell.m === 'db' || cell.m === 'L' || (cell.m === 'target' && s.config.loss === 'softmax-ce')
                ? false
                : (s.config.convention === 'column') !== (c === 'column');
          return flips ? { m: cell.m, r: cell.c, c: cell.r } : cell;
        };
        set({ focus: move(s.focus), hover: null });
        relesson({ ...s.config, convention: c }, s.seed, inputs, s.edited);
      },
      setSize: (name, value) => {
        const s = get();
        const v = Math.min(SIZE_MAX, Math.max(SIZE_MIN, Math.round(value)));
        if (!Number.isFinite(v) || v === s.config[name]) return;
        const config = { ...s.config, [name]: v };
        tryRelesson(name, config, s.seed, resizeInputs(config.convention, config, config.loss, s.seed, s.inputs, s.edited), s.edited);
      },
      setLoss: (l) => {
        const s = get();
        if (l === s.config.loss) return;
        tryRelesson('loss', { ...s.config, loss: l }, s.seed, s.inputs, s.edited);
      },
      setSeed: (seed) => {
        const s = get();
        relesson(s.config, Math.trunc(seed), buildInputs(s.config, Math.trunc(seed), {}).inputs, NONE_EDITED);
      },
      editCell: (cell, text) => {
        const s = get();
        const name = editableName(cell.m, s.config.loss);
        if (!name) return { ok: false, message: `${cell.m} is computed, not typed in.` };
        if (!inShape(cell, s.config)) return { ok: false, message: `${cell.m}[${cell.r},${cell.c}] is outside the matrix.` };
        const problem = numberProblem(text);
        if (problem) return { ok: false, message: problem };
        const v = parseNumber(text) as number;
        const inputs = { ...s.inputs };
        if (name === 'target' && s.config.loss === 'softmax-ce') {
          if (!Number.isInteger(v) || v < 0 || v >= s.config.T) {
            return { ok: false, message: `A class index must be a whole number from 0 to ${s.config.T - 1}.` };
          }
          inputs.targetClasses = inputs.targetClasses.map((c, k) => (k === cell.c ? v : c));
        } else if (name === 'b') {
          inputs.b = Float64Array.from(inputs.b, (old, k) => (k === cell.c ? v : old));
        } else {
          const key = name === 'target' ? 'targetMatrix' : name === 'dY' ? 'upstream' : name;
          inputs[key] = withEntry(inputs[key] as Matrix, cell.r, cell.c, v);
        }
        try {
          relesson(s.config, s.seed, inputs, { ...s.edited, [name]: true });
        } catch (e) {
          return { ok: false, message: `With ${text.trim()} here the layer overflows (${(e as Error).message}). Use a smaller value.` };
        }
        return { ok: true };
      },
      dismissNotice: (param) => set({ notices: get().notices.filter((n) => n.param !== param) }),

      setFocus: (cell) => {
        const s = get();
        const f = cell && inShape(cell, s.config) ? cell : null;
        set({ focus: f, ...explained(s.ctx, s.config, s.script, s.step, f, s.hover) });
      },
      setHover: (cell) => {
        const s = get();
        const h = cell && inShape(cell, s.config) ? cell : null;
        if (h === s.hover || (h && s.hover && h.m === s.hover.m && h.r === s.hover.r && h.c === s.hover.c)) return;
        set({ hover: h, ...explained(s.ctx, s.config, s.script, s.step, s.focus, h) });
      },
      setTerm: (k) => {
        const d = get().derivation;
        if (k === null || !d || !d.terms[k]) return set({ term: null, termHighlights: {} });
        set({ term: k, termHighlights: groupCells(d.terms[k].factors) });
      },
      setLinked: (cells) => set({ linked: cells ? groupCells(cells) : {} }),
      ...createJacobianSlice(set, get, api),
      ...(url.jacobianKind ? { jacobianKind: url.jacobianKind } : {}),
      ...(url.linearisation ? { linearisation: url.linearisation } : {}),
      ...playbackActions,
      setGranularity: (g) => {
        grainChosen = true;
        playbackActions.setGranularity(g);
      },
    };
  });
}

/** The URL state of the store, for the codec. The step is left out when the lesson is complete. */
export function urlStateOf(s: AppState): UrlState {
  const step = s.step < s.script.steps.length ? s.step : null;
  const granularity = step !== null ? s.granularity : null;
  const explicit: UrlState['explicit'] = {};
  if (s.edited.x) explicit.x = rowsOf(s.inputs.x);
  if (s.edited.W) explicit.W = rowsOf(s.inputs.W);
  if (s.edited.b) explicit.b = rowsOf(s.inputs.b);
  if (s.edited.target) explicit.target = s.config.loss === 'softmax-ce' ? rowsOf(s.inputs.targetClasses) : rowsOf(s.inputs.targetMatrix);
  if (s.edited.dY) explicit.dY = rowsOf(s.inputs.upstream);
  const { B, N, T } = s.config;
  return {
    convention: s.config.convention,
    sizes: { B, N, T },
    loss: s.config.loss,
    seed: s.seed,
    explicit,
    focus: s.focus,
    step,
    granularity,
    jacobianKind: s.jacobianKind,
    linearisation: s.linearisation,
  };
}
