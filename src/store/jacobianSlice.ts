// The Jacobian view's slice: which Jacobian, its linearisation, the size
// shown, the entry being explained, and where the shortcut walkthrough is.
// The Jacobian, the walkthrough and the costs are selectors.
import type { StateCreator } from 'zustand/vanilla';
import { WALKTHROUGH_STEPS, type JacobianKind, type Linearisation } from '../core/index.ts';
import type { Selectors } from './selectors.ts';
import type { AppState, JacobianSlice } from './state.ts';

/** Steps of the shortcut walkthrough: g, g·J, re-rolled, compared. */
export const SHORTCUT_STEPS = WALKTHROUGH_STEPS.length;

/** Creates the Jacobian slice. */
export function createJacobianSlice(select: Selectors, start: { kind: JacobianKind | null; linearisation: Linearisation | null }): StateCreator<AppState, [], [], JacobianSlice> {
  return (set, get) => {
    const clearEntry = () => (get().jacobianEntry ? { jacobianEntry: null, linked: [] } : {});
    const goTo = (step: number, playing: boolean) => {
      const n = Math.max(0, Math.min(SHORTCUT_STEPS - 1, Math.round(step)));
      if (!Number.isFinite(n)) return;
      set({ shortcutStep: n, shortcutPlaying: playing && n < SHORTCUT_STEPS - 1 });
    };
    return {
      jacobianKind: start.kind ?? 'dY/dW',
      linearisation: start.linearisation ?? 'row-major',
      jacobianPreset: 'teaching',
      jacobianEntry: null,
      shortcutStep: 0,
      shortcutPlaying: false,
      setJacobianKind: (k) => {
        if (k === get().jacobianKind || !select.jacobianKinds(get()).includes(k)) return;
        set({ ...clearEntry(), jacobianKind: k });
      },
      setLinearisation: (l) => {
        if (l === get().linearisation) return;
        set({ ...clearEntry(), linearisation: l });
      },
      setJacobianPreset: (p) => {
        if (p === get().jacobianPreset) return;
        set({ ...clearEntry(), jacobianPreset: p });
      },
      setJacobianEntry: (e) => {
        const s = get();
        const J = select.jacobian(s);
        const valid = e && Number.isInteger(e.r) && Number.isInteger(e.c) && e.r >= 0 && e.c >= 0 && e.r < J.rows && e.c < J.cols ? e : null;
        const old = s.jacobianEntry;
        if (valid === old || (valid && old && valid.r === old.r && valid.c === old.c)) return;
        // Only the teaching size has cells on screen to point at.
        const linked = valid && s.jacobianPreset === 'teaching' ? [J.rowCell(valid.r), J.colCell(valid.c)] : [];
        set({ jacobianEntry: valid ? { r: valid.r, c: valid.c } : null, linked });
      },
      setShortcutStep: (step) => goTo(step, false),
      nextShortcutStep: () => goTo(get().shortcutStep + 1, get().shortcutPlaying),
      playShortcut: () => goTo(get().shortcutStep >= SHORTCUT_STEPS - 1 ? 0 : get().shortcutStep, true),
      pauseShortcut: () => set({ shortcutPlaying: false }),
    };
  };
}
