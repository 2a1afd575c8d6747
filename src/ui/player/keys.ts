// Player keys: Space plays or pauses, ← → step, Home End jump, PageUp PageDown step (presentation clickers).
import type { PlaybackSlice } from '../../store/playbackSlice.ts';

type Actions = Pick<PlaybackSlice, 'togglePlay' | 'next' | 'prev' | 'toStart' | 'toEnd'>;

/** Whether a key event belongs to something else on the page (typing, grid navigation, a control). */
export function ownedElsewhere(target: EventTarget | null, key: string): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  // The scrubber's own arrow, Home and End keys already move by a step or to an end.
  if (el.closest('input[type="range"]')) return key.startsWith('Arrow') || key === 'Home' || key === 'End';
  if (el.closest('input, textarea, select, [contenteditable="true"]')) return !(key === 'PageUp' || key === 'PageDown') || el.closest('input[type="text"], textarea') !== null;
  if (el.closest('[role="grid"]')) return key !== 'PageUp' && key !== 'PageDown';
  if (el.closest('button, a, [role="slider"], summary')) return key === ' ' || key === 'Enter';
  return false;
}

/** Runs the player action for a key; returns whether the key was used. */
export function playerKey(key: string, a: Actions): boolean {
  switch (key) {
    case ' ':
      a.togglePlay();
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
