// The step-through player: controls, a scrubber with phase markers, and the narration of the current step.
import { useCallback, useEffect, type KeyboardEvent } from 'react';
import { phaseShown, type Phase } from '../../core/index.ts';
import { SPEEDS } from '../../store/playbackSlice.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useCoarsePointer } from '../media.ts';
import { useApp, useAppStore, useI18n, useKeyScope, useSelectors } from '../storeContext.tsx';
import type { AppStore } from '../../store/store.ts';
import { tourBack, tourForward } from '../tour/play.ts';
import { ownedElsewhere, playerKey, tourKey } from './keys.ts';
import { Markers } from './Markers.tsx';
import { prefersReducedMotion, useReducedMotion } from './reducedMotion.ts';
import { useStepTimer } from './useStepTimer.ts';

/** A 16×16 icon drawn from one path, hidden from screen readers (buttons carry labels). */
const Icon = ({ d }: { d: string }) => (
  <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
    <path d={d} fill="currentColor" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
  </svg>
);

/** How long one step lasts at speed 1, in ms. */
export const STEP_MS = 900;

/** A key's action: it steps the tour when one is running, otherwise the player. Returns whether the key was used. */
function routeKey(store: AppStore, key: string, reduced: boolean): boolean {
  const s = store.getState();
  const move = s.tour ? tourKey(key) : null;
  if (move) return move === 'next' ? tourForward(store) : tourBack(store);
  return playerKey(key, s, reduced);
}

/** Runs the tour's or the player's action for a key event that nothing else on the page has taken; returns whether it did. */
function onPlayerKey(e: { key: string; target: EventTarget | null; defaultPrevented: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }, store: AppStore): boolean {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  if (ownedElsewhere(e.target, e.key)) return false;
  return routeKey(store, e.key, prefersReducedMotion());
}

/**
 * Presentation clickers and keyboards work anywhere on the page that is not typing or navigating a grid, when
 * the app has the page to itself. (When it shares the page, the app's root hears them instead: usePlayerKeysInside.)
 */
function usePageKeys() {
  const store = useAppStore();
  const scope = useKeyScope();
  useEffect(() => {
    if (scope !== 'page') return;
    // Window listeners run after React's handlers, which sit on the root: a key already used there is defaultPrevented.
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (onPlayerKey(e, store)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, scope]);
}

/** For an app sharing its page: a keydown handler for the app's root, so the player's keys work anywhere inside it. */
export function usePlayerKeysInside(): ((e: KeyboardEvent<HTMLElement>) => void) | undefined {
  const store = useAppStore();
  const scope = useKeyScope();
  return scope === 'own'
    ? (e) => {
        if (onPlayerKey(e, store)) e.preventDefault();
      }
    : undefined;
}

/** The player bar. */
export function Player() {
  const store = useAppStore();
  const select = useSelectors();
  const { t, msg, fmt } = useI18n();
  const reduced = useReducedMotion();
  // On a touch screen, names and hints say nothing of keys.
  const touch = useCoarsePointer();
  const script = useApp(select.script);
  const step = useApp(select.step);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const granularity = useApp(select.granularity);
  const next = useCallback(() => store.getState().next(), [store]);
  const pause = useCallback(() => store.getState().pause(), [store]);
  useStepTimer(playing, step, STEP_MS / speed, reduced, next, pause);
  usePageKeys();
  const n = script.steps.length;
  const current = step > 0 ? script.steps[step - 1] : null;
  const shownPhase = phaseShown(script, step);
  const phaseNow: Phase | 'complete' = step >= n ? 'complete' : shownPhase;
  const a = store.getState();

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (ownedElsewhere(e.target, e.key)) return;
    if (routeKey(store, e.key, reduced)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <section className="player" aria-label={t('player.label')} onKeyDown={onKeyDown} data-testid="player">
      <div className="player-controls" role="toolbar" aria-label={t('player.toolbar')}>
        <button type="button" onClick={() => a.toStart()} aria-label={t(touch ? 'player.start.touch' : 'player.start')} disabled={step === 0}>
          <Icon d="M4 3v10M13 3 6 8l7 5z" />
        </button>
        <button type="button" onClick={() => a.prev()} aria-label={t(touch ? 'player.back.touch' : 'player.back')} disabled={step === 0}>
          <Icon d="M12 3 4 8l8 5z" />
        </button>
        <button
          type="button"
          className="play"
          onClick={() => a.togglePlay()}
          aria-label={touch ? undefined : playing ? t('player.pauseLabel') : t('player.playLabel')}
          aria-pressed={playing}
          disabled={reduced}
          title={reduced ? t(touch ? 'player.reducedMotion.touch' : 'player.reducedMotion') : undefined}
        >
          {playing ? <Icon d="M4 3h3v10H4zM9 3h3v10H9z" /> : <Icon d="M4 3l8 5-8 5z" />} {playing ? t('player.pause') : t('player.play')}
        </button>
        <button type="button" onClick={() => a.next()} aria-label={t(touch ? 'player.forward.touch' : 'player.forward')} disabled={step >= n}>
          <Icon d="M4 3l8 5-8 5z" />
        </button>
        <button type="button" onClick={() => a.toEnd()} aria-label={t(touch ? 'player.end.touch' : 'player.end')} disabled={step >= n}>
          <Icon d="M12 3v10M3 3l7 5-7 5z" />
        </button>
        <span className="phase-jumps" role="group" aria-label={t('player.phases')}>
          {script.phases.map((p) => (
            <button key={p} type="button" onClick={() => a.toPhase(p)} aria-current={phaseNow === p ? 'step' : undefined}>
              {t(`phase.${p}`)}
            </button>
          ))}
        </span>
        <label className="speed">
          {t('player.speed')}{' '}
          <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))} disabled={reduced}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {t('player.speedValue', { v: fmt.text(v, 2) })}
              </option>
            ))}
          </select>
        </label>
        <label className="grain">
          {t('player.grain')}{' '}
          <select value={granularity} onChange={(e) => a.setGranularity(e.target.value === 'coarse' ? 'coarse' : 'fine')}>
            <option value="fine">{t('player.grain.fine')}</option>
            <option value="coarse">{t('player.grain.coarse')}</option>
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
          aria-label={t('player.step')}
          aria-valuetext={step >= n ? t('player.valueComplete', { n }) : t('player.valueAt', { step, n, phase: t(`phase.${shownPhase}`) })}
          onChange={(e) => a.setStep(Number(e.target.value))}
        />
        <Markers phases={script.phases} start={script.phaseStart} n={n} name={(p) => t(`phase.${p}`)} />
      </div>
      <div className="narration" aria-live="polite" data-testid="narration">
        <p className="step-count">
          {step >= n ? t('player.countComplete', { n }) : step === 0 ? t('player.countStart', { n }) : t('player.countAt', { step, n, phase: t(`phase.${shownPhase}`) })}
        </p>
        {current && step < n ? (
          <>
            <p className="narration-text">{msg(current.narration.text)}</p>
            <Tex tex={current.narration.tex} className="narration-tex" />
          </>
        ) : step >= n && current ? (
          <>
            <p className="narration-text">{t(touch ? 'player.lastStep.touch' : 'player.lastStep', { text: msg(current.narration.text) })}</p>
            <Tex tex={current.narration.tex} className="narration-tex" />
          </>
        ) : (
          <p className="narration-text">{t(touch ? 'player.hint.touch' : 'player.hint')}</p>
        )}
      </div>
    </section>
  );
}
