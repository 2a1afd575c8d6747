// Media queries read once and kept up to date: reduced motion, and whether the pointer is a finger.
import { useSyncExternalStore } from 'react';

/** Whether a media query matches now (false where there is no window, as in a server render). */
export function matchesMedia(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

/** A media query's match, re-rendering when it changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (cb) => {
      if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
      const mq = window.matchMedia(query);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => matchesMedia(query),
    () => false,
  );
}

/** The primary pointer is coarse (a finger on a phone or tablet): hints speak of tapping, never of keys. */
export const COARSE_POINTER = '(pointer: coarse)';

/** True on touch devices, where hints must not tell people to press keys. */
export function useCoarsePointer(): boolean {
  return useMediaQuery(COARSE_POINTER);
}
