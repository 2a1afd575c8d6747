// The lesson as the embedding protocol carries it: the parameters a copied
// link would hold, as an object of strings. Reading it from a store, and
// merging a host's state into one as if the merged link had been opened.
import { DEFAULT_FRAME, FRAME_PARAMS } from '../store/frame.ts';
import { note } from '../store/messages.ts';
import { type AppState, type AppStore, createAppStoreFrom, urlStateOf } from '../store/store.ts';
import { TOUR_KEYS, VIEW_PARAMS } from '../store/tourSlice.ts';
import { LESSON_PARAMS, type Notice, decodeUrl, encodeUrl } from '../store/url.ts';
import { code } from '../core/index.ts';
import type { LessonState } from './protocol.ts';

const record = (): LessonState => Object.create(null) as LessonState;

/** A query string as a null-prototype record (no key can reach a prototype). */
function recordOf(query: string): LessonState {
  const out = record();
  for (const [k, v] of new URLSearchParams(query)) out[k] = v;
  return out;
}

/** A record as a query string. */
const queryOf = (st: LessonState): string => new URLSearchParams(Object.keys(st).map((k) => [k, st[k]])).toString();

/** The lesson alone as a query string (the frame's own parameters left out): the full app's link to the same lesson. */
export const lessonQuery = (store: AppStore): string => encodeUrl({ ...urlStateOf(store.getState(), store.select), frame: DEFAULT_FRAME, tour: null });

/** The lesson on screen, as a link would hold it. */
export const lessonStateOf = (store: AppStore): LessonState => recordOf(lessonQuery(store));

/**
 * Merges `given` into the lesson on screen, as if the merged link had been
 * opened: bad values get the same notices a link gets. Parameters of the
 * current lesson that no longer fit the given ones (x after B changed, say)
 * are dropped quietly; the host did not send them. Returns the notices about
 * what the host sent.
 */
export function applyLessonState(store: AppStore, given: LessonState): Notice[] {
  const told: Notice[] = [];
  const accepted = record();
  for (const k of Object.keys(given)) {
    if ((FRAME_PARAMS as readonly string[]).includes(k)) told.push({ param: k, message: note('notice.state.frame', { name: code(k) }) });
    else if (!LESSON_PARAMS.includes(k)) told.push({ param: k, message: note('notice.state.unknown', { name: code(k) }) });
    else accepted[k] = given[k];
  }
  const merged = { ...lessonStateOf(store), ...accepted };
  let decoded = decodeUrl(queryOf(merged));
  // Each pass drops at least one stale parameter of ours, so this ends.
  for (;;) {
    const stale = decoded.notices.map((n) => n.param).filter((p) => p in merged && !(p in accepted));
    if (stale.length === 0) break;
    for (const p of stale) delete merged[p];
    decoded = decodeUrl(queryOf(merged));
  }
  const notices = [...told, ...decoded.notices];
  replaceLesson(store, { ...decoded.state, frame: store.getState().frame }, notices);
  return notices;
}

/**
 * Opens `given` on a default lesson instead of merging it (a tour's stop: what the stop leaves out is the
 * default, not what was on screen). How the page is viewed (VIEW_PARAMS) stays unless `given` sets it.
 * Returns the notices about `given`, which the page shows in place of the old ones.
 */
export function replaceLessonState(store: AppStore, given: LessonState): Notice[] {
  const current = lessonStateOf(store);
  const state = record();
  for (const k of VIEW_PARAMS) if (k in current) state[k] = current[k];
  for (const k of Object.keys(given)) if (LESSON_PARAMS.includes(k)) state[k] = given[k];
  const { state: url, notices } = decodeUrl(queryOf(state));
  replaceLesson(store, { ...url, frame: store.getState().frame, tour: null }, notices);
  return notices;
}

/** Puts the lesson of a decoded link into an existing store, keeping its actions, its frame and its tour. */
function replaceLesson(store: AppStore, url: Parameters<typeof createAppStoreFrom>[0], notices: Notice[]): void {
  const fresh = createAppStoreFrom(url, notices).getState();
  const keep: readonly string[] = TOUR_KEYS;
  const sources = Object.fromEntries(Object.entries(fresh).filter(([k, v]) => typeof v !== 'function' && !keep.includes(k))) as Partial<AppState>;
  store.setState(sources);
}
