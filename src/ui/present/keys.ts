// Presentation keys: P turns the mode on and off; in it, F fullscreen, B or '.' blank, S spotlight, + and − size,
// Escape leaves the top layer. The step keys stay the player's (../player/keys.ts); here they are only kept from
// scrolling the page when nothing else takes them, so a clicker never scrolls.
import type { PresentationSlice } from '../../store/state.ts';
import { ownedElsewhere } from '../player/keys.ts';

type Actions = Pick<PresentationSlice, 'present' | 'togglePresent' | 'toggleBlank' | 'toggleSpotlight' | 'scaleUp' | 'scaleDown' | 'topLayer' | 'leaveLayer'>;

/** The browser's fullscreen, as the view knows it. */
export interface FullscreenControl {
  on: boolean;
  toggle(): void;
}

/** A key event, as much of it as the keys need. */
export interface KeyLike {
  key: string;
  target: EventTarget | null;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** Whether a key event is typing: into a text field, a text area, editable text, or a list's type-ahead. */
export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return el.closest('input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable="true"]') !== null;
}

/** The keys a presentation clicker sends to step (they scroll a page when nothing takes them). */
const CLICKER = new Set(['PageUp', 'PageDown', ' ', 'ArrowLeft', 'ArrowRight']);

/** Runs the presentation action for a key; returns whether the key was used. */
export function presentKey(e: KeyLike, a: Actions, fullscreen: FullscreenControl): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'p') {
    a.togglePresent();
    return true;
  }
  if (!a.present) return false;
  switch (key) {
    case 'f':
      fullscreen.toggle();
      return true;
    case 'b':
    case '.':
      a.toggleBlank();
      return true;
    case 's':
      a.toggleSpotlight();
      return true;
    case '+':
    case '=':
      a.scaleUp();
      return true;
    case '-':
    case '_':
      a.scaleDown();
      return true;
    case 'Escape':
      // Spotlight, then the blank screen, then fullscreen, then the mode itself.
      if (a.topLayer() === 'present' && fullscreen.on) fullscreen.toggle();
      else a.leaveLayer();
      return true;
    default:
      return false;
  }
}

/**
 * In presentation, whether a clicker's step key must be kept from scrolling the page: when something other than the
 * player has it (a grid, a scroll region) but does not use it. The player itself takes the key, and prevents its
 * default, wherever ownedElsewhere says it is free; typing, the scrubber, lists, and a button's Space keep theirs.
 */
export function clickerWouldScroll(e: KeyLike, present: boolean): boolean {
  if (!present || !CLICKER.has(e.key) || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return false;
  const el = e.target as HTMLElement | null;
  if (el && typeof el.closest === 'function') {
    if (el.closest('input[type="range"]')) return false;
    if (e.key === ' ' && el.closest('button, a, summary, input')) return false;
    if (e.key.startsWith('Arrow') && el.closest('[role="grid"]')) return false;
  }
  return ownedElsewhere(e.target, e.key);
}
