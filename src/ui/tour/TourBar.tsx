// The caption bar of the running tour: its title, "stop 3 of 9", the caption
// (or the question, until the next press answers it), previous and next. It
// also walks the player to a stop reached through it (play.ts).
import { useEffect } from 'react';
import { STEP_MS } from '../player/Player.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { Caption } from './Caption.tsx';
import { endTour, tourBack, tourForward } from './play.ts';
import './tour.css';

/** Walks the player one step at a time towards the step a stop asked for, at the player's pace. */
function useTourWalk() {
  const store = useAppStore();
  const select = useSelectors();
  const walk = useApp((s) => s.tourWalk);
  const step = useApp(select.step);
  const speed = useApp((s) => s.speed);
  useEffect(() => {
    if (walk === null) return;
    if (step >= walk) {
      store.getState().setTourWalk(null);
      return;
    }
    const id = setTimeout(() => store.getState().setStep(step + 1), STEP_MS / speed);
    return () => clearTimeout(id);
  }, [store, walk, step, speed]);
}

/** The tour's bar, when a tour is running. */
export function TourBar() {
  const store = useAppStore();
  const { t } = useI18n();
  const tour = useApp((s) => s.tour);
  const index = useApp((s) => s.tourIndex);
  const revealed = useApp((s) => s.revealed);
  useTourWalk();
  if (!tour) return null;
  const stop = tour.stops[index];
  const n = tour.stops.length;
  const asking = stop.question !== undefined && !revealed;
  return (
    <section className="tour-bar" aria-label={t('tour.bar.label')} data-testid="tour-bar">
      <div className="tour-head">
        <h2 className="tour-title">{tour.title || t('tour.author.untitled')}</h2>
        <p className="tour-count" data-testid="tour-count">
          {t('tour.bar.count', { i: index + 1, n })}
        </p>
      </div>
      <div className="tour-caption" aria-live="polite" data-testid="tour-caption">
        {stop.question !== undefined && (
          <p className="tour-question">
            <strong>{t('tour.bar.question')}</strong> <Caption text={stop.question} />
          </p>
        )}
        {asking ? <p className="tour-hint">{t('tour.bar.answerHint')}</p> : <p className="tour-text">{stop.caption && <Caption text={stop.caption} />}</p>}
      </div>
      <div className="tour-nav">
        <button type="button" onClick={() => tourBack(store)} disabled={index === 0}>
          {t('tour.bar.prev')}
        </button>
        <button type="button" className="tour-next" onClick={() => tourForward(store)} disabled={!asking && index + 1 >= n}>
          {asking ? t('tour.bar.reveal') : t('tour.bar.next')}
        </button>
        <button type="button" onClick={() => endTour(store)}>
          {t('tour.bar.close')}
        </button>
        <span className="tour-keys">{t('tour.bar.keys')}</span>
      </div>
    </section>
  );
}
