// The tour controller: shows a stop of the running tour. A stop whose lesson
// differs from the one on screen only in step or focus is reached through the
// player (the focus moves, and the player walks forward one animated step at a
// time); any other stop cuts to its lesson, opened on a default lesson. Before
// a stop's question is answered its focus is held back: the focus is the answer.
import { lessonStateOf, replaceLessonState } from '../../embed/lessonState.ts';
import { DEFAULT_FRAME } from '../../store/frame.ts';
import type { AppStore } from '../../store/store.ts';
import { VIEW_PARAMS, stopQuery, tourNotices } from '../../store/tourSlice.ts';
import { LESSON_PARAMS, decodeUrl, encodeUrl } from '../../store/url.ts';
import { type Tour, type TourState, type TourStop, readTourText, stateRecord } from '../../tour/format.ts';
import { prefersReducedMotion } from '../player/reducedMotion.ts';

/** The parameters a move through the player may change. */
const MOVING: readonly string[] = ['step', 'grain', 'focus'];

/** A lesson without its step, focus and view, written the one way a link writes it. */
function lessonKey(state: TourState): string {
  const rest = stateRecord(Object.keys(state).filter((k) => !MOVING.includes(k) && !VIEW_PARAMS.includes(k)).map((k) => [k, state[k]]));
  const { state: u } = decodeUrl(stopQuery(rest));
  return encodeUrl({ ...u, frame: DEFAULT_FRAME, tour: null });
}

/** Whether two lessons differ at most in step or focus. */
export const sameLesson = (a: TourState, b: TourState): boolean => lessonKey(a) === lessonKey(b);

/** The lesson shown at a stop: before its question is answered, without the focus that answers it. */
export function shownState(stop: TourStop, revealed: boolean): TourState {
  if (revealed || stop.question === undefined) return stop.state;
  return stateRecord(Object.keys(stop.state).filter((k) => k !== 'focus').map((k) => [k, stop.state[k]]));
}

/** Shows stop `index` of `tour`, its question answered or not. */
export function showStop(store: AppStore, tour: Tour, index: number, revealed: boolean): void {
  const stop = tour.stops[index];
  if (!stop) return;
  const target = shownState(stop, revealed);
  if (!sameLesson(lessonStateOf(store), target)) {
    replaceLessonState(store, target);
    store.getState().setTourAt(tour, index, revealed);
    return;
  }
  const { state: u } = decodeUrl(stopQuery(target));
  const s = store.getState();
  s.pause();
  s.setTourAt(tour, index, revealed);
  if (u.granularity !== null) s.setGranularity(u.granularity);
  s.setFocus(u.focus);
  const n = store.select.script(store.getState()).steps.length;
  const to = Math.min(u.step ?? n, n);
  const from = store.select.step(store.getState());
  if (to > from && !prefersReducedMotion()) {
    // One step now, the rest by the walk (useTourWalk), each animated by the player.
    s.setStep(from + 1);
    if (to > from + 1) store.getState().setTourWalk(to);
  } else s.setStep(to);
}

/** Starts a tour at its first stop, with notices about it (stops left out, say). */
export function startTour(store: AppStore, tour: Tour, notices: Parameters<ReturnType<AppStore['getState']>['tellTour']>[0] = []): void {
  showStop(store, tour, 0, tour.stops[0]?.question === undefined);
  store.getState().tellTour(notices);
}

/** The next press: answers the stop's question, or moves on to the next stop. Returns whether a tour is running. */
export function tourForward(store: AppStore): boolean {
  const s = store.getState();
  if (!s.tour) return false;
  if (!s.revealed) showStop(store, s.tour, s.tourIndex, true);
  else if (s.tourIndex + 1 < s.tour.stops.length) showStop(store, s.tour, s.tourIndex + 1, s.tour.stops[s.tourIndex + 1].question === undefined);
  return true;
}

/** The back press: the previous stop, answered. Returns whether a tour is running. */
export function tourBack(store: AppStore): boolean {
  const s = store.getState();
  if (!s.tour) return false;
  if (s.tourIndex > 0) showStop(store, s.tour, s.tourIndex - 1, true);
  return true;
}

/** Ends the tour; the lesson stays as it is. */
export const endTour = (store: AppStore): void => store.getState().setTourAt(null, 0, true);

/** Opens a tour file's text: refused with notices (and nothing else changed), or started at its first stop. */
export function openTourText(store: AppStore, text: string): boolean {
  const check = readTourText(text, LESSON_PARAMS);
  const notices = tourNotices(check);
  if (!check.tour) {
    store.getState().tellTour(notices);
    return false;
  }
  startTour(store, check.tour, notices);
  return true;
}
