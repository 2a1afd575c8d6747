// Notices about URL parameters and settings that could not be used as given.
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';

/** One notice per bad parameter, naming it and what was done. */
export function Notices() {
  const store = useAppStore();
  const { t } = useI18n();
  const notices = useApp((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')} role="status">
      <ul>
        {notices.map((n) => (
          <li key={n.param} data-param={n.param}>
            <code>{n.param}</code>: <Rich m={n.message} />{' '}
            <button type="button" onClick={() => store.getState().dismissNotice(n.param)} aria-label={t('notices.dismissLabel', { param: n.param })}>
              {t('notices.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
