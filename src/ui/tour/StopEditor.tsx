// One stop of the draft in the authoring panel: its caption and question, and
// the buttons that show, move, duplicate and delete it.
import type { TourStop } from '../../tour/format.ts';
import { useAppStore, useI18n } from '../storeContext.tsx';
import { Caption } from './Caption.tsx';

/** A stop's editor. */
export function StopEditor({ stop, i, last, full, onShow }: { stop: TourStop; i: number; last: boolean; full: boolean; onShow: () => void }) {
  const store = useAppStore();
  const { t } = useI18n();
  const a = store.getState();
  const n = i + 1;
  const id = `tour-stop-${i}`;
  return (
    <li className="tour-stop" data-stop={n}>
      <h3 id={id}>{t('tour.author.stop', { i: n })}</h3>
      <label className="field">
        {t('tour.author.caption')}
        <textarea rows={2} value={stop.caption} onChange={(e) => a.setStopText(i, 'caption', e.currentTarget.value)} />
      </label>
      {stop.caption.includes('$') && (
        <p className="tour-stop-preview">
          <Caption text={stop.caption} />
        </p>
      )}
      <label className="field">
        {t('tour.author.question')}
        <input type="text" value={stop.question ?? ''} onChange={(e) => a.setStopText(i, 'question', e.currentTarget.value)} />
      </label>
      <div className="tour-stop-actions" role="group" aria-labelledby={id}>
        <button type="button" onClick={onShow} aria-label={t('tour.author.showLabel', { i: n })}>
          {t('tour.author.show')}
        </button>
        <button type="button" onClick={() => a.moveStop(i, -1)} disabled={i === 0} aria-label={t('tour.author.upLabel', { i: n })}>
          {t('tour.author.up')}
        </button>
        <button type="button" onClick={() => a.moveStop(i, 1)} disabled={last} aria-label={t('tour.author.downLabel', { i: n })}>
          {t('tour.author.down')}
        </button>
        <button type="button" onClick={() => a.duplicateStop(i)} disabled={full} aria-label={t('tour.author.duplicateLabel', { i: n })}>
          {t('tour.author.duplicate')}
        </button>
        <button type="button" onClick={() => a.deleteStop(i)} aria-label={t('tour.author.deleteLabel', { i: n })}>
          {t('tour.author.delete')}
        </button>
      </div>
    </li>
  );
}
