// The player's slice: where in the step script we are, whether it plays by
// itself, how fast, and at what grain. The script itself is a selector.
import type { StateCreator } from 'zustand/vanilla';
import { phaseJump, type Granularity } from '../core/index.ts';
import type { Selectors } from './selectors.ts';
import type { AppState, PlaybackSlice } from './state.ts';

/** Speeds the player offers. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];

/** Creates the playback slice at a step and grain (null: chosen by the lesson's size). */
export function createPlaybackSlice(select: Selectors, start: { step: number; grainChoice: Granularity | null }): StateCreator<AppState, [], [], PlaybackSlice> {
  return (set, get) => {
    const last = () => select.script(get()).steps.length;
    const moveTo = (k: number) => {
      const step = Math.max(0, Math.min(last(), Math.trunc(k)));
      if (Number.isNaN(step) || step === get().step) return;
      set({ step });
    };
    return {
      grainChoice: start.grainChoice,
      step: start.step,
      playing: false,
      speed: 1,
      setStep: (k) => moveTo(k),
      next: () => {
        const k = select.step(get());
        if (k >= last()) return set({ playing: false });
        moveTo(k + 1);
        if (select.step(get()) >= last()) set({ playing: false });
      },
      prev: () => moveTo(select.step(get()) - 1),
      toStart: () => moveTo(0),
      toEnd: () => {
        set({ playing: false });
        moveTo(last());
      },
      // Onto the phase's first step, so the counter and the phase buttons show that phase.
      toPhase: (p) => {
        const k = phaseJump(select.script(get()), p);
        if (k !== null) moveTo(k);
      },
      play: () => {
        if (select.step(get()) >= last()) moveTo(0);
        set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (v) => set({ speed: SPEEDS.includes(v) ? v : 1 }),
      setGranularity: (g) => {
        const s = get();
        if (g === select.granularity(s) && s.grainChoice === g) return;
        // Keep the learner in the same place: the first step of the matrix shown (the start, or the end, stay so).
        const old = select.script(s);
        const k = select.step(s);
        const shown = k > 0 && k < old.steps.length ? old.steps[k - 1].target : null;
        const script = select.script({ ...s, grainChoice: g });
        const step = k === 0 ? 0 : shown ? script.targetStart[shown] + 1 : script.steps.length;
        set({ grainChoice: g, step });
      },
    };
  };
}
