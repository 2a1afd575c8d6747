// "Show the shortcut emerge": the upstream gradient as a row vector, its
// product with the full Jacobian where only the non-zeros contribute, the
// result re-rolled into the parameter's shape, and the check that it is the
// lesson's gradient. A script of four steps the player's timer walks; under
// reduced motion it never runs by itself and each step appears at once.
import { useCallback, useId, type KeyboardEvent, type ReactNode } from 'react';
import { WALKTHROUGH_STEPS } from '../../core/index.ts';
import { SHORTCUT_STEPS } from '../../store/jacobianSlice.ts';
import { SIZE_MAX } from '../../store/url.ts';
import { useReducedMotion } from '../player/reducedMotion.ts';
import { useStepTimer } from '../player/useStepTimer.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { kindName } from './labels.ts';
import { WalkCompare, WalkProduct, WalkRolled, WalkVector } from './WalkParts.tsx';

const STEP_MS = 2600;

/** The walkthrough section, or what it is for when the lesson is past teaching sizes. */
export function ShortcutWalk() {
  const select = useSelectors();
  const { t } = useI18n();
  const fits = useApp(select.walkFits);
  const h = useId();
  if (fits) return <Walk />;
  return (
    <section className="jac-walk" aria-labelledby={h} data-testid="shortcut-walk">
      <h3 id={h}>{t('walk.title')}</h3>
      <p className="muted-text">{t('walk.tooLarge', { max: SIZE_MAX })}</p>
    </section>
  );
}

/** The walkthrough itself. */
function Walk() {
  const store = useAppStore();
  const select = useSelectors();
  const { t, label } = useI18n();
  const w = useApp(select.walkthrough);
  const step = useApp((s) => s.shortcutStep);
  const playing = useApp((s) => s.shortcutPlaying);
  const act = useApp((s) => s.config.activation);
  const reduced = useReducedMotion();
  const last = SHORTCUT_STEPS - 1;
  const a = store.getState();
  const next = useCallback(() => store.getState().nextShortcutStep(), [store]);
  const pause = useCallback(() => store.getState().pauseShortcut(), [store]);
  useStepTimer(playing, step, STEP_MS, reduced, next, pause);
  const h = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to: Record<string, number> = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last };
    if (e.key in to) {
      e.preventDefault();
      a.setShortcutStep(to[e.key]);
    }
  };
  const point = (cell: { r: number; c: number } | null) => a.setLinked(cell ? [{ m: w.target, r: cell.r, c: cell.c }] : null);
  const animate = !reduced;
  const title = (k: number) => t(`walk.step.${WALKTHROUGH_STEPS[k]}`, { param: label(w.target) });

  return (
    <section className="jac-walk" aria-labelledby={h} data-testid="shortcut-walk" data-step={step} data-motion={animate ? 'on' : 'off'}>
      <h3 id={h}>{t('walk.title')}</h3>
      <p className="muted-text">{t('walk.intro', { g: label(w.upstream), name: kindName(w.kind, act).text })}</p>
      <div className="jac-walk-controls" role="group" aria-label={t('walk.controls')} onKeyDown={onKeyDown}>
        <button type="button" onClick={() => a.setShortcutStep(step - 1)} disabled={step === 0}>
          {t('walk.back')}
        </button>
        <button
          type="button"
          onClick={() => (playing ? a.pauseShortcut() : a.playShortcut())}
          aria-pressed={playing}
          data-testid="walk-play"
          disabled={reduced}
          title={reduced ? t('walk.reducedMotion') : undefined}
        >
          {playing ? t('walk.pause') : step >= last ? t('walk.again') : t('walk.run')}
        </button>
        <button type="button" onClick={() => a.setShortcutStep(step + 1)} disabled={step === last} data-testid="walk-next">
          {t('walk.next')}
        </button>
        <ol className="jac-steps">
          {WALKTHROUGH_STEPS.map((id, k) => (
            <li key={id}>
              <button
                type="button"
                className={k === step ? 'on' : k < step ? 'done' : undefined}
                aria-current={k === step ? 'step' : undefined}
                onClick={() => a.setShortcutStep(k)}
              >
                {k + 1}. {title(k)}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="jac-walk-body" aria-live="polite">
        <Step k={0} step={step} animate={animate} title={title(0)}>
          <WalkVector w={w} />
        </Step>
        {step >= 1 && (
          <Step k={1} step={step} animate={animate} title={title(1)}>
            <WalkProduct w={w} animate={animate && step === 1} />
          </Step>
        )}
        {step >= 2 && (
          <Step k={2} step={step} animate={animate} title={title(2)}>
            <WalkRolled w={w} onPoint={point} />
          </Step>
        )}
        {step >= 3 && (
          <Step k={3} step={step} animate={animate} title={title(3)}>
            <WalkCompare w={w} onPoint={point} />
          </Step>
        )}
      </div>
    </section>
  );
}

function Step({ k, step, animate, title, children }: { k: number; step: number; animate: boolean; title: string; children: ReactNode }) {
  return (
    <div className={`jac-step${k === step ? ' current' : ''}${animate && k === step && k > 0 ? ' jac-step-in' : ''}`} data-walk-step={k}>
      <h4>
        {k + 1}. {title}
      </h4>
      {children}
    </div>
  );
}
