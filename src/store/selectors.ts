// Everything the app shows that is computed from the store's sources, as
// memoised selectors made per store: the lesson's outputs, its graph and step
// script, the values on screen at the current step, the derivation of the
// explained cell, the highlights, the Jacobian, the walkthrough and the costs.
import {
  type CellRef,
  type Derivation,
  type DerivationContext,
  type Granularity,
  type Jacobian,
  type JacobianCost,
  type JacobianKind,
  type LessonGraph,
  type LinkedNotation,
  type MatrixName,
  type NumberFormat,
  type Script,
  type ShortcutWalkthrough,
  type Sizes,
  type Snapshot,
  blockCells,
  buildScript,
  computeLesson,
  defaultGranularity,
  deriveAtStep,
  inShape,
  jacobian,
  jacobianCost,
  jacobianKindsFor,
  jacobianOf,
  nodeMatrix,
  JACOBIAN_SPECS,
  lessonGraph,
  matrixValues,
  numberFormat,
  shortcutWalkthrough,
  snapshotAt,
} from '../core/index.ts';
import { type Highlights, groupCells } from './highlights.ts';
import { focusStage, stepStage } from './stage.ts';
import { memo, memoByKey, stableArray } from './memo.ts';
import { type TrainSelectors, createTrainSelectors } from './trainSelectors.ts';
import { type QuizSelectors, createQuizSelectors } from './quizSelectors.ts';
import type { AppState, Config, JacobianPreset } from './state.ts';
import { linkHolds } from './url.ts';

/** The sizes of the realistic layers the Jacobian view offers beside the lesson's own ('teaching'). */
export const PRESET_SIZES: Record<JacobianPreset, Sizes | null> = {
  teaching: null,
  mnist: { B: 32, N: 784, T: 128 },
  'image-b1': { B: 1, N: 16384, T: 100 },
  'image-b32': { B: 32, N: 16384, T: 100 },
};

/** Every preset, in the order the view lists them. */
export const JACOBIAN_PRESETS: readonly JacobianPreset[] = ['teaching', 'mnist', 'image-b1', 'image-b32'];

/** The cost of the chosen Jacobian at one preset (the teaching one at the lesson's sizes). */
export interface PresetCost {
  p: JacobianPreset;
  cost: JacobianCost;
}

/** The derived values of one store. */
export interface Selectors {
  /** Training's. */
  train: TrainSelectors;
  quiz: QuizSelectors;
  /** The lesson computed: convention, loss, activation, sizes, inputs and outputs. Throws when the inputs overflow. */
  ctx(s: AppState): DerivationContext;
  graph(s: AppState): LessonGraph;
  fmt(s: AppState): NumberFormat;
  granularity(s: AppState): Granularity;
  script(s: AppState): Script;
  /** The step, within the script. */
  step(s: AppState): number;
  /** Values on screen at this step, or null when the lesson is complete. */
  snapshot(s: AppState): Snapshot | null;
  /** The values a grid shows at this step: the same array while they do not change. */
  values(s: AppState, m: MatrixName): ArrayLike<number>;
  /** The values of the complete lesson, whatever the step (the colour scale spans these). */
  finalValues(s: AppState, m: MatrixName): ArrayLike<number>;
  /** The explained cell: hover, else focus, when the lesson shows it. */
  explained(s: AppState): CellRef | null;
  derivation(s: AppState): Derivation | null;
  /** The explained cell's rule in the three linked notations (index, matrix, code), or null for a given value. */
  notation(s: AppState): LinkedNotation | null;
  /** The cells the explained value depends on, or feeds. */
  highlights(s: AppState): Highlights;
  /** The matrices the current step involves, for presentation mode's stage (stage.ts). */
  stepStage(s: AppState): readonly MatrixName[];
  /** The matrices the focused cell involves (not the hovered one), or null with none focused. */
  focusStage(s: AppState): readonly MatrixName[] | null;
  /** The factor cells of the hovered term. */
  termHighlights(s: AppState): Highlights;
  /** Cells pointed at from another view. */
  linked(s: AppState): Highlights;
  /** The cells the last applied step read and wrote, while the lesson is part-way. */
  stepReads(s: AppState): Highlights;
  stepWrites(s: AppState): Highlights;
  /** The Jacobians this lesson offers. */
  jacobianKinds(s: AppState): JacobianKind[];
  jacobianSizes(s: AppState): Sizes;
  jacobian(s: AppState): Jacobian;
  walkthrough(s: AppState): ShortcutWalkthrough;
  /** Whether the walkthrough is offered: it visits every entry of the full Jacobian, so only at the sizes a link opens. */
  walkFits(s: AppState): boolean;
  costs(s: AppState): PresetCost[];
}

/** The lesson computed from a configuration and inputs. */
export function lessonContext(config: Config, inputs: AppState['inputs']): DerivationContext {
  const { convention, loss, activation, lr, B, N, T } = config;
  return { convention, loss, activation, lr, sizes: { B, N, T }, inputs, outputs: computeLesson(convention, loss, inputs, activation, lr) };
}

const NONE: Highlights = {};

/** Makes the selectors of one store. */
export function createSelectors(): Selectors {
  const ctx = memo((s: AppState) => [s.config, s.inputs] as const, lessonContext);
  // The graph depends on the configuration alone, so editing a value keeps it (and the views drawn from it).
  const graph = memo((s: AppState) => [s.config] as const, (c) => lessonGraph({ convention: c.convention, loss: c.loss, activation: c.activation, lr: c.lr, sizes: { B: c.B, N: c.N, T: c.T } }));
  const fmt = memo((s: AppState) => [s.locale] as const, (l) => numberFormat(l));
  const granularity = memo((s: AppState) => [s.grainChoice, ctx(s), graph(s)] as const, (g, c, gr) => g ?? defaultGranularity(c, gr));
  const script = memo((s: AppState) => [ctx(s), granularity(s), fmt(s), graph(s)] as const, (c, g, f, gr) => buildScript(c, g, f, gr));
  const step = (s: AppState) => Math.max(0, Math.min(script(s).steps.length, s.step));
  const snapshot = memo((s: AppState) => [ctx(s), script(s), step(s)] as const, (c, sc, k) => (k >= sc.steps.length ? null : snapshotAt(c, sc, k)));
  const lossCell = memo((s: AppState) => [ctx(s)] as const, (c) => Float64Array.of(c.outputs.L));
  const finalValues = (s: AppState, m: MatrixName): ArrayLike<number> => (m === 'L' ? lossCell(s) : matrixValues(ctx(s), m));
  const values = memoByKey((m: MatrixName) => {
    const stable = stableArray();
    return (s: AppState) => stable(snapshot(s)?.[m] ?? finalValues(s, m));
  });
  const shownCell = (pick: (s: AppState) => CellRef | null) =>
    memo((s: AppState) => [pick(s), ctx(s), graph(s)] as const, (cell, c, g) => (cell && g.rule(cell.m) && inShape(c, cell) ? cell : null));
  const derivationOf = (cellOf: (s: AppState) => CellRef | null) =>
    memo(
      (s: AppState) => [ctx(s), script(s), step(s), cellOf(s), fmt(s), graph(s)] as const,
      (c, sc, k, cell, f, g) => (cell ? deriveAtStep(c, sc, k, cell, f, g) : null),
    );
  const explained = shownCell((s) => s.hover ?? s.focus);
  const derivation = derivationOf(explained);
  // The stage follows the focused cell, not the pointer: a hover that moved grids about would move them under it.
  const focusDerivation = derivationOf(shownCell((s) => s.focus));
  const stageOfStep = memo((s: AppState) => [graph(s), script(s), step(s)] as const, stepStage);
  const stageOfFocus = memo((s: AppState) => [graph(s), focusDerivation(s)] as const, focusStage);
  const notation = memo((s: AppState) => [ctx(s), graph(s), explained(s)?.m ?? null, s.notationWriter] as const, (c, g, m, write) => (m && write ? write(c, m, g) : null));
  const highlights = memo((s: AppState) => [derivation(s)] as const, (d) => (d ? groupCells([...d.deps, ...d.feeds]) : NONE));
  const termHighlights = memo((s: AppState) => [derivation(s), s.term] as const, (d, k) => (d && k !== null && d.terms[k] ? groupCells(d.terms[k].factors) : NONE));
  const linked = memo((s: AppState) => [s.linked] as const, (cells) => (cells.length ? groupCells(cells) : NONE));
  const marks = memo((s: AppState) => [script(s), step(s)] as const, (sc, k) => {
    if (k <= 0 || k >= sc.steps.length) return { reads: NONE, writes: NONE };
    const st = sc.steps[k - 1];
    return { reads: groupCells(blockCells(st.reads)), writes: groupCells(blockCells([st.writes])) };
  });
  const jacobianKinds = memo((s: AppState) => [s.config.activation] as const, (a) => jacobianKindsFor(a));
  const jacobianSizes = memo(
    (s: AppState) => [s.jacobianPreset, s.config.B, s.config.N, s.config.T] as const,
    (p, B, N, T) => PRESET_SIZES[p] ?? { B, N, T },
  );
  const jac = memo(
    (s: AppState) => [s.jacobianKind, s.config.convention, jacobianSizes(s), s.linearisation, s.jacobianPreset === 'teaching' ? ctx(s) : null, s.config.activation] as const,
    (kind, conv, sizes, lin, c, act) => jacobian(kind, conv, sizes, lin, c ? { x: c.inputs.x, W: c.inputs.W, z: c.outputs.z } : undefined, act),
  );
  const walkthrough = memo((s: AppState) => [s.jacobianKind, s.linearisation, ctx(s)] as const, (kind, lin, c) => {
    // g is the gradient arriving at the Jacobian's rows; the product lands on the gradient of its columns.
    const upstream = nodeMatrix(c, jacobianOf(kind, c.activation).upstream);
    const shortcut = nodeMatrix(c, JACOBIAN_SPECS[kind].gradient);
    return shortcutWalkthrough(kind, c.convention, lin, { x: c.inputs.x, W: c.inputs.W, z: c.outputs.z }, upstream, shortcut, c.activation);
  });
  const costs = memo(
    (s: AppState) => [s.jacobianKind, s.config.convention, s.linearisation, s.config.B, s.config.N, s.config.T, s.config.activation] as const,
    (kind, conv, lin, B, N, T, act) =>
      (['teaching', 'mnist', 'image-b1', 'image-b32'] as const).map((p) => ({ p, cost: jacobianCost(jacobian(kind, conv, PRESET_SIZES[p] ?? { B, N, T }, lin, undefined, act)) })),
  );
  return {
    train: createTrainSelectors(),
    quiz: createQuizSelectors(ctx, graph),
    ctx,
    graph,
    fmt,
    granularity,
    script,
    step,
    snapshot,
    values,
    finalValues,
    explained,
    derivation,
    notation,
    highlights,
    stepStage: stageOfStep,
    focusStage: stageOfFocus,
    termHighlights,
    linked,
    stepReads: (s) => marks(s).reads,
    stepWrites: (s) => marks(s).writes,
    jacobianKinds,
    jacobianSizes,
    jacobian: jac,
    walkthrough,
    walkFits: (s) => linkHolds(s.config),
    costs,
  };
}
