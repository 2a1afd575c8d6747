// The tour slice: the tour running (with its link code), the stop shown and
// whether its question's answer is out, the step the player is walking to,
// and the draft being authored with its undo stack. The draft is kept in a
// storage given to the store (localStorage in the page, a fake in tests).
// Showing a stop changes the lesson, which this slice cannot do by itself:
// the views' tour controller does it (src/ui/tour/play.ts).
import type { StateCreator } from 'zustand/vanilla';
import { decodeTour, encodeTour } from '../tour/codec.ts';
import { MAX_STOPS, type Tour, type TourCheck, type TourState, type TourStop, readTourText, stateRecord, tourText } from '../tour/format.ts';
import { note } from './messages.ts';
import type { AppState } from './state.ts';
import type { DraftStorage, TourSlice } from './tourState.ts';
import { LESSON_PARAMS, type Notice, type UrlState, decodeUrl } from './url.ts';

/** A storage that keeps nothing. */
export const NO_STORAGE: DraftStorage = { load: () => null, save: () => {} };

/** The most authoring steps that can be undone. */
export const UNDO_DEPTH = 100;

/** The empty draft. */
export const EMPTY_DRAFT: Tour = { title: '', stops: [] };

/** Parameters of how the page is viewed, left out of a stop made from the view (a class follows in its own). */
export const VIEW_PARAMS: readonly string[] = ['present', 'lang', 'export'];

/** The slice's keys that hold sources: kept when a lesson is replaced. */
export const TOUR_KEYS = ['tour', 'tourCode', 'tourIndex', 'revealed', 'tourWalk', 'draft', 'draftPast', 'authoring'] as const;

/** The draft a storage holds, or the empty draft when it holds none or one that fails the check. */
export function loadDraft(storage: DraftStorage): Tour {
  let text: string | null;
  try {
    text = storage.load();
  } catch {
    return EMPTY_DRAFT;
  }
  if (text === null) return EMPTY_DRAFT;
  const check = readTourText(text, LESSON_PARAMS);
  if (check.tour) return check.tour;
  // A draft with a title and no stop yet is still a draft.
  const titled = readTourText(text.replace(/"stops": \[\]/, '"stops": [{ "state": {}, "caption": "" }]'), LESSON_PARAMS).tour;
  return titled ? { title: titled.title, stops: [] } : EMPTY_DRAFT;
}

/** How many stops' problems get a notice each; the rest are counted in one. */
const STOP_NOTICES = 5;

/** The notices a tour's check gives: why it was refused, or which stops were left out and why. */
export function tourNotices(check: TourCheck): Notice[] {
  const out: Notice[] = [];
  const stops = check.problems.filter((p) => p.stop !== null);
  for (const p of check.problems) {
    if (p.stop === null) out.push({ param: p.fatal ? 'tour' : `tour.${p.message.key === 'tour.problem.title' ? 'title' : 'stops'}`, message: note(p.fatal ? 'notice.tour.refused' : 'notice.tour.kept', { problem: p.message }) });
  }
  for (const p of stops.slice(0, STOP_NOTICES)) out.push({ param: `tour[${p.stop}]`, message: note('notice.tour.stop', { n: p.stop ?? 0, problem: p.message }) });
  if (stops.length > STOP_NOTICES) out.push({ param: 'tour[…]', message: note('notice.tour.moreStops', { n: stops.length - STOP_NOTICES }) });
  return out;
}

/** Whether a notice is about a tour (tour=, stop=, or one of its stops). */
const isTourParam = (param: string): boolean => param === 'stop' || param === 'tour' || param.startsWith('tour.') || param.startsWith('tour[');

/** A stop's lesson as a query string. */
export const stopQuery = (state: TourState): string => new URLSearchParams(Object.keys(state).map((k) => [k, state[k]])).toString();

/**
 * The tour a decoded link carries: checked, at its stop, with notices. A link with a tour and no stop opens
 * its first stop, so the lesson becomes that stop's (how the page is viewed is kept: frame, language, mode).
 */
export function openTourLink(url: UrlState): { tour: Tour | null; index: number; url: UrlState; notices: Notice[] } {
  if (!url.tour) return { tour: null, index: 0, url, notices: [] };
  const check = decodeTour(url.tour.code, LESSON_PARAMS);
  const notices = tourNotices(check);
  const tour = check.tour;
  if (!tour) return { tour: null, index: 0, url: { ...url, tour: null }, notices };
  const n = tour.stops.length;
  const stop = url.tour.stop;
  if (stop !== null && stop > n) notices.push({ param: 'stop', message: note('notice.tour.stopPast', { stop, n }) });
  const index = stop === null ? 0 : Math.min(stop, n) - 1;
  if (stop !== null) return { tour, index, url, notices };
  const { state: f, notices: told } = decodeUrl(stopQuery(tour.stops[0].state));
  const { convention, sizes, loss, activation, lr, seed, explicit, focus, step, granularity, jacobianKind, linearisation } = f;
  const lesson = { convention, sizes, loss, activation, lr, seed, explicit, focus, step, granularity, jacobianKind, linearisation };
  return { tour, index, url: { ...url, ...lesson }, notices: [...notices, ...told] };
}

/** A lesson state without the view's own parameters, as a stop keeps it. */
export const stopState = (state: TourState): TourState => stateRecord(Object.keys(state).filter((k) => !VIEW_PARAMS.includes(k)).map((k) => [k, state[k]]));

/** Creates the tour slice with a running tour (or none) and a storage for the draft. */
export function createTourSlice(start: { tour: Tour | null; index: number }, storage: DraftStorage): StateCreator<AppState, [], [], TourSlice> {
  return (set, get) => {
    /** Makes a new draft from the current one, remembering the old one for undo, and keeps it. */
    // Typing into one field is one step to undo, not one per key: the field last typed into.
    let typing: string | null = null;
    const edit = (f: (stops: TourStop[], d: Tour) => Tour | null, field: string | null = null) => {
      const d = get().draft;
      const next = f(d.stops.slice(), d);
      if (next === null) return;
      const past = get().draftPast;
      const merge = field !== null && field === typing && past.length > 0;
      typing = field;
      set({ draft: next, draftPast: merge ? past : [...past, d].slice(-UNDO_DEPTH) });
      keep(next);
    };
    const keep = (d: Tour) => {
      try {
        storage.save(tourText(d));
      } catch {
        // Storage full or refused: the draft stays in the store for this visit.
      }
    };
    const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < get().draft.stops.length;
    return {
      tour: start.tour,
      tourCode: start.tour ? encodeTour(start.tour) : null,
      tourIndex: start.tour ? Math.max(0, Math.min(start.index, start.tour.stops.length - 1)) : 0,
      revealed: true,
      tourWalk: null,
      draft: loadDraft(storage),
      draftPast: [],
      authoring: false,
      setTourAt: (tour, index, revealed) => {
        const code = tour === get().tour ? get().tourCode : tour ? encodeTour(tour) : null;
        const tourIndex = tour ? Math.max(0, Math.min(index, tour.stops.length - 1)) : 0;
        set({ tour, tourCode: code, tourIndex, revealed, tourWalk: null });
      },
      setTourWalk: (step) => set({ tourWalk: step }),
      tellTour: (notices) => {
        const params = new Set(notices.map((n) => n.param));
        const kept = get().notices.filter((n) => !isTourParam(n.param) && !params.has(n.param));
        set({ notices: [...kept, ...notices] });
      },
      setAuthoring: (on) => set({ authoring: on }),
      addStop: (state, after = null) =>
        edit((stops, d) => {
          if (stops.length >= MAX_STOPS) return null;
          const at = after === null || !inRange(after) ? stops.length : after + 1;
          stops.splice(at, 0, { state: stopState(state), caption: '' });
          return { ...d, stops };
        }),
      setStopText: (index, field, text) =>
        edit((stops, d) => {
          if (!inRange(index) || (stops[index][field] ?? '') === text) return null;
          const { question: _q, ...rest } = stops[index];
          void _q;
          stops[index] = field === 'caption' ? { ...stops[index], caption: text } : text === '' ? rest : { ...stops[index], question: text };
          return { ...d, stops };
        }, `${field}:${index}`),
      setDraftTitle: (title) => edit((stops, d) => (title === d.title ? null : { title, stops }), 'title'),
      moveStop: (index, by) =>
        edit((stops, d) => {
          const to = index + by;
          if (!inRange(index) || !inRange(to)) return null;
          [stops[index], stops[to]] = [stops[to], stops[index]];
          return { ...d, stops };
        }),
      duplicateStop: (index) =>
        edit((stops, d) => {
          if (!inRange(index) || stops.length >= MAX_STOPS) return null;
          stops.splice(index + 1, 0, stops[index]);
          return { ...d, stops };
        }),
      deleteStop: (index) =>
        edit((stops, d) => {
          if (!inRange(index)) return null;
          stops.splice(index, 1);
          return { ...d, stops };
        }),
      replaceDraft: (tour) => edit(() => tour),
      undoDraft: () => {
        const past = get().draftPast;
        if (past.length === 0) return;
        const d = past[past.length - 1];
        typing = null;
        set({ draft: d, draftPast: past.slice(0, -1) });
        keep(d);
      },
    };
  };
}
