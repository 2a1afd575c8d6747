// The Jacobian view's slice: which Jacobian, its linearisation, the size
// shown, the entry being explained and the step of the shortcut walkthrough.
// Selectors below derive the structured Jacobian and the walkthrough from
// core, memoised, so views never compute them.
import type { StateCreator } from 'zustand/vanilla';
import {
  type CellRef,
  type Jacobian,
  type JacobianKind,
  type Linearisation,
  type ShortcutWalkthrough,
  type Sizes,
  jacobian,
  shortcutWalkthrough,
  jacobianCost,
  type JacobianCost,
} from '../core/index.ts';
import type { AppState } from './store.ts';

/** Sizes the Jacobian view can show: the lesson's own ('teaching') and three realistic layers. */
export type JacobianPreset = 'teaching' | 'mnist' | 'image-b1' | 'image-b32';

/** Every preset, in the order the view lists them. */
export const JACOBIAN_PRESETS: readonly JacobianPreset[] = ['teaching', 'mnist', 'image-b1', 'image-b32'];

/** What each preset is called and, for the fixed ones, its sizes. */
export const PRESET_INFO: Record<JacobianPreset, { label: string; note: string; sizes: Sizes | null }> = {
  teaching: { label: 'teaching', note: 'the lesson above', sizes: null },
  mnist: { label: 'MNIST layer', note: '28×28 digits in, 128 out', sizes: { B: 32, N: 784, T: 128 } },
  'image-b1': { label: '128×128 image, B=1', note: 'one image, 100 outputs', sizes: { B: 1, N: 16384, T: 100 } },
  'image-b32': { label: '128×128 image, B=32', note: 'a batch of 32', sizes: { B: 32, N: 16384, T: 100 } },
};

/** Steps of the shortcut walkthrough: g, g·J, re-rolled, compared. */
export const SHORTCUT_STEPS = 4;

/** An entry of the Jacobian, by row and column. */
export interface JacobianEntryRef {
  r: number;
  c: number;
}

/** What the Jacobian view shows. */
export interface JacobianSlice {
  jacobianKind: JacobianKind;
  linearisation: Linearisation;
  jacobianPreset: JacobianPreset;
  /** The entry under the pointer or keyboard focus, explained beside the view. */
  jacobianEntry: JacobianEntryRef | null;
  /** The shown step of the shortcut walkthrough, 0 to SHORTCUT_STEPS − 1. */
  shortcutStep: number;
  setJacobianKind(k: JacobianKind): void;
  setLinearisation(l: Linearisation): void;
  setJacobianPreset(p: JacobianPreset): void;
  /** Points at an entry (or at none) and outlines its y and parameter cells in the lesson. */
  setJacobianEntry(e: JacobianEntryRef | null): void;
  setShortcutStep(step: number): void;
}

/** Creates the Jacobian slice. */
export const createJacobianSlice: StateCreator<AppState, [], [], JacobianSlice> = (set, get) => {
  const clearEntry = () => {
    if (get().jacobianEntry) {
      set({ jacobianEntry: null });
      get().setLinked(null);
    }
  };
  return {
    jacobianKind: 'dY/dW',
    linearisation: 'row-major',
    jacobianPreset: 'teaching',
    jacobianEntry: null,
    shortcutStep: 0,
    setJacobianKind: (k) => {
      if (k === get().jacobianKind) return;
      clearEntry();
      set({ jacobianKind: k });
    },
    setLinearisation: (l) => {
      if (l === get().linearisation) return;
      clearEntry();
      set({ linearisation: l });
    },
    setJacobianPreset: (p) => {
      if (p === get().jacobianPreset) return;
      clearEntry();
      set({ jacobianPreset: p });
    },
    setJacobianEntry: (e) => {
      const s = get();
      const J = selectJacobian(s);
      const valid = e && Number.isInteger(e.r) && Number.isInteger(e.c) && e.r >= 0 && e.c >= 0 && e.r < J.rows && e.c < J.cols ? e : null;
      const old = s.jacobianEntry;
      if (valid === old || (valid && old && valid.r === old.r && valid.c === old.c)) return;
      set({ jacobianEntry: valid ? { r: valid.r, c: valid.c } : null });
      // Only the teaching size has cells on screen to point at.
      const cells: CellRef[] | null = valid && s.jacobianPreset === 'teaching' ? [J.rowCell(valid.r), J.colCell(valid.c)] : null;
      get().setLinked(cells);
    },
    setShortcutStep: (step) => {
      const n = Math.max(0, Math.min(SHORTCUT_STEPS - 1, Math.round(step)));
      if (Number.isFinite(n) && n !== get().shortcutStep) set({ shortcutStep: n });
    },
  };
};

let sizesMemo: { key: string; sizes: Sizes } | null = null;

/** The sizes the view shows: the lesson's for 'teaching', else the preset's. A stable reference. */
export function selectJacobianSizes(s: AppState): Sizes {
  const fixed = PRESET_INFO[s.jacobianPreset].sizes;
  if (fixed) return fixed;
  const { B, N, T } = s.config;
  const key = `${B},${N},${T}`;
  if (!sizesMemo || sizesMemo.key !== key) sizesMemo = { key, sizes: { B, N, T } };
  return sizesMemo.sizes;
}

let jacMemo: { kind: JacobianKind; conv: string; lin: Linearisation; sizes: Sizes; inputs: unknown; J: Jacobian } | null = null;

/**
 * The structured Jacobian the view shows, in the lesson's convention. At the
 * teaching size it carries the lesson's x and W, so entries have values; at
 * the presets it is structure only. O(1) to make at any size.
 */
export function selectJacobian(s: AppState): Jacobian {
  const sizes = selectJacobianSizes(s);
  const conv = s.config.convention;
  const teaching = s.jacobianPreset === 'teaching';
  const inputs = teaching ? s.inputs : null;
  const m = jacMemo;
  if (m && m.kind === s.jacobianKind && m.conv === conv && m.lin === s.linearisation && m.sizes === sizes && m.inputs === inputs) return m.J;
  const J = jacobian(s.jacobianKind, conv, sizes, s.linearisation, inputs ? { x: inputs.x, W: inputs.W } : undefined);
  jacMemo = { kind: s.jacobianKind, conv, lin: s.linearisation, sizes, inputs, J };
  return J;
}

let walkMemo: { kind: JacobianKind; lin: Linearisation; outputs: unknown; inputs: unknown; w: ShortcutWalkthrough } | null = null;

/**
 * The shortcut walkthrough for the lesson's values: g = vec(dL/dY) times the
 * full Jacobian, re-rolled, against the lesson's gradient from the shortcut.
 */
export function selectWalkthrough(s: AppState): ShortcutWalkthrough {
  const m = walkMemo;
  if (m && m.kind === s.jacobianKind && m.lin === s.linearisation && m.outputs === s.outputs && m.inputs === s.inputs) return m.w;
  const { x, W } = s.inputs;
  const o = s.outputs;
  const shortcut = s.jacobianKind === 'dY/dW' ? o.dW : s.jacobianKind === 'dY/dX' ? o.dX : o.db;
  const w = shortcutWalkthrough(s.jacobianKind, s.config.convention, s.linearisation, { x, W }, o.dY, shortcut);
  walkMemo = { kind: s.jacobianKind, lin: s.linearisation, outputs: o, inputs: s.inputs, w };
  return w;
}

/** The cost of the chosen Jacobian at each preset (the teaching one at the lesson's sizes). */
export interface PresetCost {
  p: JacobianPreset;
  cost: JacobianCost;
}

let costMemo: { key: string; costs: PresetCost[] } | null = null;

/** The cost table's figures, from core's structured Jacobians; the same array while nothing they depend on changes. */
export function selectCosts(s: AppState): PresetCost[] {
  const { B, N, T, convention } = s.config;
  const key = `${s.jacobianKind}|${convention}|${s.linearisation}|${B}|${N}|${T}`;
  if (costMemo?.key === key) return costMemo.costs;
  const costs = JACOBIAN_PRESETS.map((p) => ({ p, cost: jacobianCost(jacobian(s.jacobianKind, convention, PRESET_INFO[p].sizes ?? { B, N, T }, s.linearisation)) }));
  costMemo = { key, costs };
  return costs;
}
