// The bar across the top of presentation mode: size, fullscreen, blank, spotlight, every matrix, and the way out.
import { useI18n, useApp, useAppStore, useSelectors } from '../storeContext.tsx';
import type { useFullscreen } from '../shell/Fullscreen.tsx';

/** The presentation bar. `all` puts every matrix on the stage. */
export function PresentBar({ fullscreen, all, setAll }: { fullscreen: ReturnType<typeof useFullscreen>; all: boolean; setAll(on: boolean): void }) {
  const { t, fmt } = useI18n();
  const store = useAppStore();
  const select = useSelectors();
  const a = store.getState();
  const scale = useApp((s) => s.presentScale);
  const blank = useApp((s) => s.blank);
  const spotlight = useApp((s) => s.spotlight);
  const lit = useApp((s) => select.explained(s) !== null);
  const status = fullscreen.problem ?? (spotlight && !lit ? t('present.spotlight.none') : '');
  return (
    <div className="present-bar" role="toolbar" aria-label={t('present.bar')}>
      <button type="button" onClick={() => a.scaleDown()} aria-label={t('present.smaller.label')}>
        {t('present.smaller')}
      </button>
      <span className="present-scale">{t('present.scale', { percent: fmt.integer(Math.round(scale * 100)) })}</span>
      <button type="button" onClick={() => a.scaleUp()} aria-label={t('present.larger.label')}>
        {t('present.larger')}
      </button>
      <button type="button" onClick={fullscreen.toggle} aria-pressed={fullscreen.on} aria-label={fullscreen.on ? t('present.fullscreen.leave') : t('present.fullscreen.label')}>
        {t('present.fullscreen')}
      </button>
      <button type="button" onClick={() => a.toggleBlank()} aria-pressed={blank} aria-label={t('present.blank.label')}>
        {t('present.blank')}
      </button>
      <button type="button" onClick={() => a.toggleSpotlight()} aria-pressed={spotlight} aria-label={t('present.spotlight.label')}>
        {t('present.spotlight')}
      </button>
      <button type="button" onClick={() => setAll(!all)} aria-pressed={all} aria-label={t('present.all.label')}>
        {t('present.all')}
      </button>
      <button type="button" className="present-leave" onClick={() => a.setPresent(false)} aria-label={t('present.leave.label')}>
        {t('present.leave')}
      </button>
      <span role="status" className="present-status">
        {status}
      </span>
    </div>
  );
}
