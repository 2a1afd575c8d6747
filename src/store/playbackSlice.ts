// The player's slice: the step script of the current lesson and where in it we are.
import type { StoreApi } from 'zustand/vanilla';
import { groupCells, type Highlights } from './highlights.ts';
import { type DerivationContext, type Granularity, type Phase, type Script, type Snapshot, buildScript, defaultGranularity, snapshotAt } from '../core/index.ts';

/** Playback state. `step` counts the steps applied: 0 is the start, script.steps.length the finished lesson. */
export interface PlaybackSlice {
  granularity: Granularity;
  script: Script;
  step: number;
  playing: boolean;
  /** Steps per second at normal pace is 1; 0.5, 1, 2 and 4 are offered. */
  speed: number;
  /** Values on screen at this step, or null when the lesson is complete. */
  snapshot: Snapshot | null;
  /** Cells the last applied step read and wrote, emphasised while stepping. */
  stepReads: Highlights;
  stepWrites: Highlights;
  setStep(k: number): void;
  next(): void;
  prev(): void;
  toStart(): void;
  toEnd(): void;
  toPhase(p: Phase): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(v: number): void;
  setGranularity(g: Granularity): void;
}

/** Speeds the player offers. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];

/** The playback fields for a lesson: the script, the step clamped into it, and the snapshot. */
export function playbackFor(ctx: DerivationContext, granularity: Granularity | null, step: number | null): Pick<PlaybackSlice, 'granularity' | 'script' | 'step' | 'snapshot' | 'stepReads' | 'stepWrites'> {
  return atStep(ctx, buildScript(ctx, granularity ?? defaultGranularity(ctx)), step);
}

/** The playback fields for a script at step k (null: the end), k clamped into the script. */
export function atStep(ctx: DerivationContext, script: Script, step: number | null): Pick<PlaybackSlice, 'granularity' | 'script' | 'step' | 'snapshot' | 'stepReads' | 'stepWrites'> {
  const n = script.steps.length;
  const k = step === null ? n : Math.max(0, Math.min(n, Math.trunc(step)));
  return { granularity: script.granularity, script, step: k, snapshot: k >= n ? null : snapshotAt(ctx, script, k), ...stepMarks(script, k) };
}

/** The read and written cells of the last applied step, while the lesson is part-way. */
export function stepMarks(script: Script, k: number): Pick<PlaybackSlice, 'stepReads' | 'stepWrites'> {
  if (k <= 0 || k >= script.steps.length) return { stepReads: {}, stepWrites: {} };
  const st = script.steps[k - 1];
  return { stepReads: groupCells(st.reads), stepWrites: groupCells(st.writes.map((w) => w.cell)) };
}

type Set<S> = StoreApi<S>['setState'];
type Get<S> = StoreApi<S>['getState'];

/** The playback actions. `moveTo` applies a new step and refreshes whatever depends on it. */
export function createPlaybackActions<S extends PlaybackSlice & { ctx: DerivationContext }>(
  set: Set<S>,
  get: Get<S>,
  moveTo: (k: number, script?: Script) => void,
): Omit<PlaybackSlice, 'granularity' | 'script' | 'step' | 'snapshot' | 'stepReads' | 'stepWrites'> {
  const last = () => get().script.steps.length;
  return {
    playing: false,
    speed: 1,
    setStep: (k) => moveTo(k),
    next: () => {
      const s = get();
      if (s.step >= last()) return set({ playing: false } as Partial<S>);
      moveTo(s.step + 1);
      if (get().step >= last()) set({ playing: false } as Partial<S>);
    },
    prev: () => moveTo(get().step - 1),
    toStart: () => moveTo(0),
    toEnd: () => {
      set({ playing: false } as Partial<S>);
      moveTo(last());
    },
    toPhase: (p) => moveTo(get().script.phaseStart[p]),
    play: () => {
      if (get().step >= last()) moveTo(0);
      set({ playing: true } as Partial<S>);
    },
    pause: () => set({ playing: false } as Partial<S>),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (v) => set({ speed: SPEEDS.includes(v) ? v : 1 } as Partial<S>),
    setGranularity: (g) => {
      const s = get();
      if (g === s.granularity) return;
      // Keep the learner in the same place: the start of the matrix being worked on.
      const current = s.step >= last() ? null : s.script.steps[s.step]?.target;
      const script = buildScript(s.ctx, g);
      moveTo(current ? script.targetStart[current] : script.steps.length, script);
    },
  };
}
