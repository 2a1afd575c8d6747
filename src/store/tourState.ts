// The shape of the tour slice (tourSlice.ts): its sources and named actions,
// and where its draft is kept.
import type { Tour, TourState } from '../tour/format.ts';
import type { Notice } from './url.ts';

/** Where a draft is kept between visits. */
export interface DraftStorage {
  load(): string | null;
  save(text: string): void;
}

/** The tour slice. */
export interface TourSlice {
  /** The tour running, or null. */
  tour: Tour | null;
  /** The running tour as a link's `tour=` value (made once per tour). */
  tourCode: string | null;
  /** The stop shown, from 0. */
  tourIndex: number;
  /** Whether the stop's question has been answered (a stop without one is always revealed). */
  revealed: boolean;
  /** The step the player is walking to, one step at a time, on the way to a stop that differs only in step or focus. */
  tourWalk: number | null;
  /** The tour being authored. */
  draft: Tour;
  /** Earlier drafts, the latest last: what undo goes back to. */
  draftPast: readonly Tour[];
  /** Whether the authoring panel is open. */
  authoring: boolean;
  /** Puts a tour (or none) in the bar at a stop; the lesson is the caller's to set. */
  setTourAt(tour: Tour | null, index: number, revealed: boolean): void;
  setTourWalk(step: number | null): void;
  /** Shows the notices about a tour, in place of those about an earlier one. */
  tellTour(notices: readonly Notice[]): void;
  setAuthoring(on: boolean): void;
  /** Adds a stop holding `state` after stop `after` (at the end when null). */
  addStop(state: TourState, after?: number | null): void;
  setStopText(index: number, field: 'caption' | 'question', text: string): void;
  setDraftTitle(title: string): void;
  moveStop(index: number, by: -1 | 1): void;
  duplicateStop(index: number): void;
  deleteStop(index: number): void;
  /** Replaces the draft (a file opened for editing); undoable. */
  replaceDraft(tour: Tour): void;
  undoDraft(): void;
}
