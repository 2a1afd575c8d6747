// The compact header of an embedded app: the lesson's name and settings in
// one line, a link that opens the same lesson in the full app, and the
// fullscreen button where the frame allows it.
import { lessonQuery } from '../../embed/lessonState.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import { FullscreenButton } from './Fullscreen.tsx';
import './embed.css';

export function EmbedHeader() {
  const store = useAppStore();
  const { t } = useI18n();
  const config = useApp((s) => s.config);
  const locked = useApp((s) => s.frame.lock);
  // The full app's link follows the lesson, the focus and the step.
  const q = useApp(() => lessonQuery(store));
  const act = config.activation === 'identity' ? t('controls.activation.none') : t(`activation.${config.activation}.name`);
  return (
    <header className="embed-top">
      <h1 className="embed-title">{t('app.title')}</h1>
      <p className="embed-summary muted-text">
        {t('embed.summary', { conv: config.convention, B: config.B, N: config.N, T: config.T, loss: t(`loss.${config.loss}.name`), act })}
      </p>
      <a className="embed-open" href={`./${q ? `?${q}` : ''}`} target="_blank" rel="noopener">
        {t('embed.open')} <span className="sr-only">{t('embed.openHint')}</span>
      </a>
      <FullscreenButton />
      {locked && <p className="embed-locked muted-text">{t('embed.locked')}</p>}
    </header>
  );
}
