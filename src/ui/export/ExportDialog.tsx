// "Export": the lesson as a self-contained Python program, in NumPy or PyTorch, to copy or download. Opened by the
// header's button or by export=numpy / export=pytorch in the link; a modal <dialog> (focus stays inside, Escape
// closes it). Its body, and the code that writes the program, load when it first opens (ExportBody.tsx).
import { Suspense, lazy, useEffect, useId, useRef } from 'react';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import './export.css';

const ExportBody = lazy(() => import('./ExportBody.tsx'));

/** The dialog, shown while the store says which flavour to show. */
export function ExportDialog() {
  const { t } = useI18n();
  const store = useAppStore();
  const flavour = useApp((s) => s.exportShown);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (flavour && !d.open) d.showModal();
    if (!flavour && d.open) d.close();
  }, [flavour]);
  return (
    <dialog ref={ref} className="share-dialog export-dialog" aria-labelledby={titleId} onClose={() => store.getState().closeExport()}>
      <div className="share-head">
        <h2 id={titleId}>{t('export.title')}</h2>
        <button type="button" onClick={() => store.getState().closeExport()}>
          {t('export.close')}
        </button>
      </div>
      {flavour && (
        <Suspense fallback={null}>
          <ExportBody flavour={flavour} />
        </Suspense>
      )}
    </dialog>
  );
}

/** The header's button: an icon (the header keeps to one line at 1366 px), named for screen readers and on hover. */
export function ExportButton() {
  const { t } = useI18n();
  const store = useAppStore();
  return (
    <button type="button" className="export-open" aria-haspopup="dialog" aria-label={t('export.openLabel')} title={t('export.openLabel')} onClick={() => store.getState().openExport('numpy')}>
      <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M5 4 1.5 8 5 12M11 4l3.5 4L11 12M9.5 2.5l-3 11" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
