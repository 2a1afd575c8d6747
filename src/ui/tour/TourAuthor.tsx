// The authoring panel: the draft tour's title and stops, each with its caption
// and question, shown, moved, duplicated or deleted; every change undoable and
// the draft kept in the browser. Preview plays it; Download saves it as a file;
// Copy link gives a link that plays it.
import { useState } from 'react';
import { lessonStateOf } from '../../embed/lessonState.ts';
import { MAX_STOPS, tourText } from '../../tour/format.ts';
import { encodeTour } from '../../tour/codec.ts';
import { copyText } from '../clipboard.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import { showStop, startTour } from './play.ts';
import { StopEditor } from './StopEditor.tsx';
import './tour.css';

/** Saves text as a file through a temporary link. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** A file name from a title: lower-case words joined by dashes. */
const fileName = (title: string): string => `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tour'}.tour.json`;

/** The authoring panel, when it is open. */
export function TourAuthor() {
  const store = useAppStore();
  const { t } = useI18n();
  const on = useApp((s) => s.authoring);
  const draft = useApp((s) => s.draft);
  const canUndo = useApp((s) => s.draftPast.length > 0);
  const [said, setSaid] = useState<string | null>(null);
  if (!on) return null;
  const a = store.getState();
  const empty = draft.stops.length === 0;
  const full = draft.stops.length >= MAX_STOPS;
  const copyLink = async () => {
    const href = `${window.location.origin}${window.location.pathname}?tour=${encodeTour(draft)}`;
    if (await copyText(href)) setSaid(t('tour.author.copied'));
    else {
      startTour(store, draft);
      setSaid(t('tour.author.copyFailed'));
    }
  };
  return (
    <section className="tour-author" aria-label={t('tour.author.label')} data-testid="tour-author">
      <h2>{t('tour.author.label')}</h2>
      <label className="field tour-author-title">
        {t('tour.author.title')}
        <input type="text" value={draft.title} onChange={(e) => a.setDraftTitle(e.currentTarget.value)} />
      </label>
      <div className="tour-author-actions">
        <button type="button" onClick={() => a.addStop(lessonStateOf(store))} disabled={full}>
          {t('tour.author.add')}
        </button>
        <button type="button" onClick={() => a.undoDraft()} disabled={!canUndo}>
          {t('tour.author.undo')}
        </button>
        <button type="button" onClick={() => startTour(store, draft)} disabled={empty}>
          {t('tour.author.preview')}
        </button>
        <button type="button" onClick={() => download(fileName(draft.title), tourText(draft))} disabled={empty} aria-label={t('tour.author.downloadLabel')}>
          {t('tour.author.download')}
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={empty} aria-label={t('tour.author.linkLabel')}>
          {t('tour.author.link')}
        </button>
        <button type="button" onClick={() => a.setAuthoring(false)}>
          {t('tour.author.close')}
        </button>
      </div>
      <p className="muted-text" role="status">
        {said ?? (full ? t('tour.author.full', { max: MAX_STOPS }) : t('tour.author.saved'))}
      </p>
      {empty ? (
        <p className="tour-author-empty">{t('tour.author.empty')}</p>
      ) : (
        <ol className="tour-stops">
          {draft.stops.map((stop, i) => (
            <StopEditor key={i} stop={stop} i={i} last={i === draft.stops.length - 1} full={full} onShow={() => showStop(store, draft, i, true)} />
          ))}
        </ol>
      )}
    </section>
  );
}
