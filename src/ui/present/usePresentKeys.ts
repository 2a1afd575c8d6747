// Hears the presentation keys (keys.ts) where the player's keys are heard: the whole page, or only inside this app.
// In the capture phase, before a grid, which would take '.', '+' and '−' to start an edit.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore, useKeyScope } from '../storeContext.tsx';
import { type FullscreenControl, clickerWouldScroll, presentKey } from './keys.ts';

type KeyEventLike = Parameters<typeof presentKey>[0] & { defaultPrevented: boolean; preventDefault(): void; stopPropagation(): void };

/** Installs the presentation keys; returns a capture handler for the app's root when the app shares its page. */
export function usePresentKeys(fullscreen: FullscreenControl): ((e: KeyboardEvent<HTMLElement>) => void) | undefined {
  const store = useAppStore();
  const scope = useKeyScope();
  const fs = useRef(fullscreen);
  useEffect(() => {
    fs.current = fullscreen;
  }, [fullscreen]);
  const handle = useCallback(
    (e: KeyEventLike) => {
      if (e.defaultPrevented) return;
      const s = store.getState();
      if (presentKey(e, s, fs.current)) {
        e.preventDefault();
        e.stopPropagation();
      } else if (clickerWouldScroll(e, s.present)) e.preventDefault();
    },
    [store],
  );
  useEffect(() => {
    if (scope !== 'page') return;
    const onKey = (e: globalThis.KeyboardEvent) => handle(e);
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [scope, handle]);
  return scope === 'own' ? handle : undefined;
}
