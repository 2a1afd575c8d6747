import { matchesMedia, useMediaQuery } from '../media.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

/** True when the learner asked the system for reduced motion. */
export function prefersReducedMotion(): boolean {
  return matchesMedia(QUERY);
}

/** The reduced-motion preference, kept up to date. */
export function useReducedMotion(): boolean {
  return useMediaQuery(QUERY);
}
