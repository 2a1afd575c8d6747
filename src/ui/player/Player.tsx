// The step-through player: controls, a scrubber with phase markers, and the narration of the current step.
import { useEffect, type KeyboardEvent } from 'react';
import type { Phase } from '../../core/index.ts';
import { SPEEDS } from '../../store/playbackSlice.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useAppStore } from '../storeContext.tsx';
import { ownedElsewhere, playerKey } from './keys.ts';
import { prefersReducedMotion, useReducedMotion } from './reducedMotion.ts';

const PHASES: { id: Phase; label: string }[] = [
  { id: 'forward', label: 'Forward' },
  { id: 'loss', label: 'Loss' },
  { id: 'backward', label: 'Backward' },
];

/** A 16×16 icon drawn from one path, hidden from screen readers (buttons carry labels). */
const Icon = ({ d }: { d: string }) => (
  <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
    <path d={d} fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
  </svg>
);

/** How long one step lasts at speed 1, in ms. */
export const STEP_MS = 900;

/** Steps forward on a timer while playing; pauses at the end. Never autoplays under reduced motion. */
function useAutoplay(reduced: boolean) {
  const store = useAppStore();
  const playing = useApp((s) => s.playing);
  const step = useApp((s) => s.step);
  const speed = useApp((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    if (reduced) {
      store.getState().pause();
      return;
    }
    const id = window.setTimeout(() => store.getState().next(), STEP_MS / speed);
    return () => window.clearTimeout(id);
  }, [playing, step, speed, reduced, store]);
}

/** Presentation clickers and keyboards work anywhere on the page that is not typing or navigating a grid. */
function useGlobalKeys() {
  const store = useAppStore();
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (ownedElsewhere(e.target, e.key)) return;
      if (playerKey(e.key, store.getState(), prefersReducedMotion())) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** The player bar. */
export function Player() {
  const store = useAppStore();
  const reduced = useReducedMotion();
  const script = useApp((s) => s.script);
  const step = useApp((s) => s.step);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const granularity = useApp((s) => s.granularity);
  useAutoplay(reduced);
  useGlobalKeys();
  const n = script.steps.length;
  const current = step > 0 ? script.steps[step - 1] : null;
  const phaseNow = step >= n ? 'complete' : (current?.phase ?? 'forward');
  const a = store.getState();

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (ownedElsewhere(e.target, e.key)) return;
    if (playerKey(e.key, a, reduced)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <section className="player" aria-label="Step-through player" onKeyDown={onKeyDown} data-testid="player">
      <div className="player-controls" role="toolbar" aria-label="Playback">
        <button type="button" onClick={() => a.toStart()} aria-label="Jump to start (Home)" disabled={step === 0}>
          <Icon d="M4 3v10M13 3 6 8l7 5z" />
        </button>
        <button type="button" onClick={() => a.prev()} aria-label="Step back (← or PageUp)" disabled={step === 0}>
          <Icon d="M12 3 4 8l8 5z" />
        </button>
        <button
          type="button"
          className="play"
          onClick={() => a.togglePlay()}
          aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-pressed={playing}
          disabled={reduced}
          title={reduced ? 'Reduced motion is on: step with the arrow keys or buttons' : undefined}
        >
          {playing ? <Icon d="M4 3h3v10H4zM9 3h3v10H9z" /> : <Icon d="M4 3l8 5-8 5z" />} {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => a.next()} aria-label="Step forward (→ or PageDown)" disabled={step >= n}>
          <Icon d="M4 3l8 5-8 5z" />
        </button>
        <button type="button" onClick={() => a.toEnd()} aria-label="Jump to end (End)" disabled={step >= n}>
          <Icon d="M12 3v10M3 3l7 5-7 5z" />
        </button>
        <span className="phase-jumps" role="group" aria-label="Jump to a phase">
          {PHASES.map((p) => (
            <button key={p.id} type="button" onClick={() => a.toPhase(p.id)} aria-current={phaseNow === p.id ? 'step' : undefined}>
              {p.label}
            </button>
          ))}
        </span>
        <label className="speed">
          speed{' '}
          <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))} disabled={reduced}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
        <label className="grain">
          steps{' '}
          <select value={granularity} onChange={(e) => a.setGranularity(e.target.value === 'coarse' ? 'coarse' : 'fine')}>
            <option value="fine">fine</option>
            <option value="coarse">coarse</option>
          </select>
        </label>
      </div>
      <div className="scrubber">
        <input
          type="range"
          min={0}
          max={n}
          step={1}
          value={step}
          aria-label="Step"
          aria-valuetext={step >= n ? `complete, ${n} of ${n}` : `step ${step} of ${n}, ${phaseNow}`}
          onChange={(e) => a.setStep(Number(e.target.value))}
        />
        <div className="markers" aria-hidden="true">
          {PHASES.map((p) => (
            <span key={p.id} className={`marker marker-${p.id}`} style={{ left: `${(script.phaseStart[p.id] / Math.max(1, n)) * 100}%` }}>
              {p.label}
            </span>
          ))}
        </div>
      </div>
      <div className="narration" aria-live="polite" data-testid="narration">
        <p className="step-count">
          {step >= n ? `Complete: all ${n} steps` : step === 0 ? `Start: nothing computed yet (${n} steps)` : `Step ${step} of ${n} · ${current?.phase}`}
        </p>
        {current && step < n ? (
          <>
            <p className="narration-text">{current.narration.text}</p>
            <Tex tex={current.narration.tex} className="narration-tex" />
          </>
        ) : step >= n && current ? (
          <>
            <p className="narration-text">
              Every value is shown. The last step: {current.narration.text} Press Home or ⏮ to watch from the start.
            </p>
            <Tex tex={current.narration.tex} className="narration-tex" />
          </>
        ) : (
          <p className="narration-text">Press → or Play to compute the first value. Step back with ←.</p>
        )}
      </div>
    </section>
  );
}
