// The fullscreen button: the Fullscreen API where the page (or its frame,
// with allow="fullscreen") permits it. Where it is refused the button is not
// offered; where a request fails it says why, never silently.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../storeContext.tsx';

const subscribe = (fn: () => void) => {
  document.addEventListener('fullscreenchange', fn);
  return () => document.removeEventListener('fullscreenchange', fn);
};
const isFull = () => document.fullscreenElement !== null && document.fullscreenElement !== undefined;

/** Whether fullscreen is on, and a toggle that reports a refusal. */
export function useFullscreen(): { enabled: boolean; on: boolean; toggle(): void; problem: string | null } {
  const { t } = useI18n();
  const on = useSyncExternalStore(subscribe, isFull, () => false);
  const [problem, setProblem] = useState<string | null>(null);
  const enabled = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  useEffect(() => {
    if (on) setProblem(null);
  }, [on]);
  const toggle = () => {
    if (!enabled) {
      setProblem(t('fullscreen.refused'));
      return;
    }
    // The document is asked, not the last render: fullscreenchange can arrive after the key that follows it.
    const p = isFull() ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    p.catch((e: unknown) => setProblem(t('fullscreen.failed', { reason: e instanceof Error ? e.message : String(e) })));
  };
  return {
    enabled,
    // Read live for the same reason (Escape asks it); renders still follow fullscreenchange through `on` above.
    get on() {
      return isFull();
    },
    toggle,
    problem,
  };
}

/** A button that enters and leaves fullscreen; absent where the frame forbids it. */
export function FullscreenButton() {
  const { t } = useI18n();
  const { enabled, on, toggle, problem } = useFullscreen();
  if (!enabled) return null;
  return (
    <span className="fullscreen">
      <button type="button" aria-pressed={on} onClick={toggle}>
        {on ? t('fullscreen.leave') : t('fullscreen.enter')}
      </button>
      <span role="status" className="field-error">
        {problem}
      </span>
    </span>
  );
}
