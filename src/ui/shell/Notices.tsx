// Notices about URL parameters that could not be used as given.
import { useApp, useAppStore } from '../storeContext.tsx';

/** One notice per bad parameter, naming it and what was done. */
export function Notices() {
  const store = useAppStore();
  const notices = useApp((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Problems with the link" role="status">
      <ul>
        {notices.map((n) => (
          <li key={n.param} data-param={n.param}>
            <strong>{n.param}</strong>: {n.message}{' '}
            <button type="button" onClick={() => store.getState().dismissNotice(n.param)} aria-label={`Dismiss the notice about ${n.param}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
