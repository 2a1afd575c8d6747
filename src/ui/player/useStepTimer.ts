// Steps a script forward on a timer while it plays, and never under reduced
// motion: the player and the shortcut walkthrough both walk their steps this way.
import { useEffect } from 'react';

/** While `playing`, calls `next` every `ms` after each step; under reduced motion calls `pause` instead. */
export function useStepTimer(playing: boolean, step: number, ms: number, reduced: boolean, next: () => void, pause: () => void): void {
  useEffect(() => {
    if (!playing) return;
    if (reduced) {
      pause();
      return;
    }
    const id = window.setTimeout(next, ms);
    return () => window.clearTimeout(id);
  }, [playing, step, ms, reduced, next, pause]);
}
