// The lesson slice: convention, sizes, loss, activation, seed and the values
// typed into the inputs. Every change goes through relesson, which keeps the
// learner's place and refuses lessons that would overflow. A locked frame
// (lock=1) refuses them all: only its host changes the lesson.
import type { StateCreator } from 'zustand/vanilla';
import {
  LOSS_TARGET,
  cellParam,
  convertInputs,
  inShape,
  logicalOf,
  nodeLayout,
  physicalOf,
  withEntry,
  type CellRef,
  type Convention,
  type LossKind,
  type Matrix,
  type MatrixName,
} from '../core/index.ts';
import { NONE_EDITED, buildInputs, resizeInputs } from './inputs.ts';
import { note } from './messages.ts';
import { numberProblem, parseNumber } from './parse.ts';
import { problemOf, relesson, tryRelesson } from './relesson.ts';
import type { Selectors } from './selectors.ts';
import type { AppState, Config, Edited, LessonSlice } from './state.ts';
import { type EditableName, type Notice, SIZE_MAX, SIZE_MIN } from './url.ts';

/** The editable input a displayed matrix is in this lesson, if any: the nodes given to the layer, unless the frame is locked. */
export function editableName(select: Selectors, s: AppState, m: MatrixName): EditableName | null {
  if (s.frame.lock) return null;
  return select.graph(s).rule(m)?.role === 'input' ? (m as EditableName) : null;
}

/** The same logical entry of a cell in another convention: transposed where the layout is. */
function moveCell(from: Convention, to: Convention, loss: LossKind, cell: CellRef | null): CellRef | null {
  if (!cell) return null;
  const layout = nodeLayout(cell.m, loss);
  const [r, c] = physicalOf(layout, to, logicalOf(layout, from, cell.r, cell.c));
  return { m: cell.m, r, c };
}

/** Creates the lesson slice, starting from the given lesson. */
export function createLessonSlice(
  select: Selectors,
  start: { config: Config; seed: number; inputs: AppState['inputs']; edited: Edited; notices: Notice[] },
): StateCreator<AppState, [], [], LessonSlice> {
  return (set, get) => ({
    ...start,
    setConvention: (c) => {
      const s = get();
      if (s.frame.lock) return;
      if (c === s.config.convention) return;
      const config = { ...s.config, convention: c };
      const inputs = convertInputs(s.config.convention, c, s.inputs);
      const focus = moveCell(s.config.convention, c, s.config.loss, s.focus);
      relesson(get, set, select, { config, inputs }, { focus, hover: null });
    },
    setSize: (name, value) => {
      const s = get();
      if (s.frame.lock) return;
      const v = Math.min(SIZE_MAX, Math.max(SIZE_MIN, Math.round(value)));
      if (!Number.isFinite(v) || v === s.config[name]) return;
      const config = { ...s.config, [name]: v };
      tryRelesson(get, set, select, name, { config, ...resizeInputs(config.convention, config, config.loss, s.seed, s.inputs) });
    },
    setLoss: (l) => {
      const s = get();
      if (s.frame.lock) return;
      if (l === s.config.loss) return;
      tryRelesson(get, set, select, 'loss', { config: { ...s.config, loss: l } });
    },
    setActivation: (a) => {
      const s = get();
      if (s.frame.lock) return;
      if (a === s.config.activation) return;
      tryRelesson(get, set, select, 'act', { config: { ...s.config, activation: a } });
    },
    setSeed: (seed) => {
      const s = get();
      if (s.frame.lock) return;
      const v = Math.trunc(seed);
      tryRelesson(get, set, select, 'seed', { seed: v, inputs: buildInputs(s.config, v, {}).inputs, edited: NONE_EDITED });
    },
    editCell: (cell, text) => {
      const s = get();
      if (s.frame.lock) return { ok: false, message: note('edit.locked') };
      const name = editableName(select, s, cell.m);
      // The cell is named as its grid names it: a class target by its sample alone.
      const named = cellParam(cell, nodeLayout(cell.m, s.config.loss));
      if (!name) return { ok: false, message: note('edit.computed', { cell: named }) };
      if (!inShape(select.ctx(s), cell)) return { ok: false, message: note('edit.outside', { cell: named }) };
      const problem = numberProblem(text);
      if (problem) return { ok: false, message: problem };
      const v = parseNumber(text) as number;
      const inputs = { ...s.inputs };
      if (name === 'target' && LOSS_TARGET[s.config.loss] === 'classes') {
        if (!Number.isInteger(v) || v < 0 || v >= s.config.T) return { ok: false, message: note('edit.classIndex', { last: s.config.T - 1 }) };
        inputs.targetClasses = inputs.targetClasses.map((c, k) => (k === cell.c ? v : c));
      } else if (name === 'b') {
        const j = logicalOf('b', s.config.convention, cell.r, cell.c).j;
        inputs.b = Float64Array.from(inputs.b, (old, k) => (k === j ? v : old));
      } else {
        const key = name === 'target' ? 'targetMatrix' : name === 'dY' ? 'upstream' : name;
        inputs[key] = withEntry(inputs[key] as Matrix, cell.r, cell.c, v);
      }
      try {
        relesson(get, set, select, { inputs, edited: { ...s.edited, [name]: true } });
      } catch (e) {
        return { ok: false, message: note('edit.overflow', { text: text.trim(), problem: problemOf(e) }) };
      }
      return { ok: true };
    },
    dismissNotice: (param) => set({ notices: get().notices.filter((n) => n.param !== param) }),
  });
}
