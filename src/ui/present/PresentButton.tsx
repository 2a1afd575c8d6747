// The header's way into presentation mode: an icon, named for screen readers and on hover, so the header keeps to
// one line at 1366 px.
import { useAppStore, useI18n } from '../storeContext.tsx';

/** Turns presentation mode on. */
export function PresentButton() {
  const { t } = useI18n();
  const store = useAppStore();
  return (
    <button type="button" className="present-enter" onClick={() => store.getState().setPresent(true)} aria-label={t('present.enter.label')} title={t('present.enter.label')}>
      <svg className="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M1.5 2.5h13v8h-13zM8 10.5v3M5 14h6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
