// The Jacobian view's slice: which Jacobian, its linearisation, and the size shown.
import type { StateCreator } from 'zustand/vanilla';
import type { JacobianKind, Linearisation } from '../core/index.ts';
import type { AppState } from './store.ts';

/** Sizes the cost panel and the sparsity view can show besides the lesson's own. */
export type JacobianPreset = 'lesson' | 'teaching' | 'mnist' | 'image-b1' | 'image-b32';

/** What the Jacobian view shows. */
export interface JacobianSlice {
  jacobianKind: JacobianKind;
  linearisation: Linearisation;
  jacobianPreset: JacobianPreset;
  setJacobianKind(k: JacobianKind): void;
  setLinearisation(l: Linearisation): void;
  setJacobianPreset(p: JacobianPreset): void;
}

/** Creates the Jacobian slice. */
export const createJacobianSlice: StateCreator<AppState, [], [], JacobianSlice> = (set) => ({
  jacobianKind: 'dY/dW',
  linearisation: 'row-major',
  jacobianPreset: 'lesson',
  setJacobianKind: (k) => set({ jacobianKind: k }),
  setLinearisation: (l) => set({ linearisation: l }),
  setJacobianPreset: (p) => set({ jacobianPreset: p }),
});
