// Player keys: Space plays or pauses, ← → step, Home End jump, PageUp PageDown step (presentation clickers).
import type { PlaybackSlice } from '../../store/state.ts';

type Actions = Pick<PlaybackSlice, 'togglePlay' | 'next' | 'prev' | 'toStart' | 'toEnd'>;

/** Whether a key event belongs to something else on the page (typing, a grid, a scrollable region, a control). */
export function ownedElsewhere(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  const page = key === 'PageUp' || key === 'PageDown';
  // The scrubber's own arrow, Home and End keys already move by a step or to an end.
  if (el.closest('input[type="range"]')) return key.startsWith('Arrow') || key === 'Home' || key === 'End';
  if (el.closest('input[type="text"], textarea, [contenteditable="true"]')) return true;
  if (el.closest('input, select')) return !page;
  if (el.closest('button, a, summary')) return key === ' ' || key === 'Enter';
  // Grids, sliders, the sparsity canvas and scrollable regions made focusable: they use their own keys,
  // and only the page keys (presentation clickers) still step the player.
  if (el.closest('[role="grid"], [role="slider"], canvas, [tabindex]:not([tabindex="-1"])')) return !page;
  return false;
}

/** Runs the player action for a key; returns whether the key was used. Under reduced motion Space steps instead of playing. */
export function playerKey(key: string, a: Actions, reduced = false): boolean {
  switch (key) {
    case ' ':
      if (reduced) a.next();
      else a.togglePlay();
      return true;
    case 'ArrowRight':
    case 'PageDown':
      a.next();
      return true;
    case 'ArrowLeft':
    case 'PageUp':
      a.prev();
      return true;
    case 'Home':
      a.toStart();
      return true;
    case 'End':
      a.toEnd();
      return true;
    default:
      return false;
  }
}

/** What a key does to a running tour: PageDown, → and Space go on, PageUp and ← go back (presentation clickers send these). */
export function tourKey(key: string): 'next' | 'back' | null {
  if (key === 'PageDown' || key === 'ArrowRight' || key === ' ') return 'next';
  if (key === 'PageUp' || key === 'ArrowLeft') return 'back';
  return null;
}
