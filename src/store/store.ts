// One app's store, built from slices that keep sources only, with the
// memoised selectors made for it. Two stores share nothing.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LOSS_TARGET, code } from '../core/index.ts';
import { createFocusSlice } from './focusSlice.ts';
import { NONE_EDITED, buildInputs } from './inputs.ts';
import { createJacobianSlice } from './jacobianSlice.ts';
import { createLessonSlice } from './lessonSlice.ts';
import { note } from './messages.ts';
import { createPlaybackSlice } from './playbackSlice.ts';
import { createExportSlice } from './exportSlice.ts';
import { createPresentationSlice } from './presentationSlice.ts';
import { problemOf } from './relesson.ts';
import { type Selectors, createSelectors, lessonContext } from './selectors.ts';
import type { AppState, Config } from './state.ts';
import { NO_STORAGE, createTourSlice, openTourLink } from './tourSlice.ts';
import { createTrainSlice } from './trainSlice.ts';
import { createQuizSlice } from './quizSlice.ts';
import { NO_PROGRESS, type ProgressStorage } from './quizState.ts';
import type { DraftStorage } from './tourState.ts';
import { type Notice, type UrlState, decodeUrl, linkHolds, rowsOf } from './url.ts';

export type { AppState, EditResult, JacobianPreset, JacobianEntryRef } from './state.ts';
export { editableName } from './lessonSlice.ts';

/** One app's store, with the selectors made for it. */
export type AppStore = StoreApi<AppState> & { readonly select: Selectors };

/** Where an app keeps what must outlive a visit; each is nowhere when not given. */
export interface AppStorage {
  /** The tour being authored (the page's localStorage, say). */
  drafts?: DraftStorage;
  /** This app's pasted table (its own key: two apps on one page keep two tables). */
  tables?: DraftStorage;
  /** Exercise progress. */
  progress?: ProgressStorage;
}

/** Creates a store from a query string (the URL's, or '' for the default lesson), with its storages. */
export function createAppStore(search = '', storage: AppStorage = {}): AppStore {
  const { state: url, notices } = decodeUrl(search);
  return createAppStoreFrom(url, notices, storage);
}

/** Creates a store from a decoded URL state. */
export function createAppStoreFrom(linked: UrlState, linkNotices: Notice[] = [], { drafts = NO_STORAGE, tables = NO_STORAGE, progress = NO_PROGRESS }: AppStorage = {}): AppStore {
  const select = createSelectors();
  // A link's tour, checked; with no stop named, the lesson is its first stop's.
  const opened = openTourLink(linked);
  const url = opened.url;
  let notices = [...linkNotices, ...opened.notices];
  const config: Config = { convention: url.convention, loss: url.loss, activation: url.activation, ...url.sizes, ...(url.lr ? { lr: url.lr } : {}) };
  let { inputs, edited } = buildInputs(config, url.seed, url.explicit);
  try {
    lessonContext(config, inputs);
  } catch (e) {
    // Explicit values so large that the layer overflows: keep the page, use the seed's values and say so.
    const names = Object.keys(url.explicit).join(', ');
    notices = [...notices, { param: names, message: note('notice.overflow.explicit', { names: code(names), problem: problemOf(e) }) }];
    ({ inputs, edited } = buildInputs(config, url.seed, {}));
  }
  const api = createStore<AppState>()((set, get, store) => {
    const lesson = createLessonSlice(select, { config, seed: url.seed, inputs, edited, notices })(set, get, store);
    const focus = createFocusSlice(select, null)(set, get, store);
    const playback = createPlaybackSlice(select, { step: 0, grainChoice: url.granularity })(set, get, store);
    const jac = createJacobianSlice(select, { kind: url.jacobianKind, linearisation: url.linearisation })(set, get, store);
    const presentation = createPresentationSlice({ present: url.present === true })(set, get, store);
    const tour = createTourSlice({ tour: opened.tour, index: opened.index }, drafts)(set, get, store);
    const train = createTrainSlice(select, { train: url.train ?? null, tables })(set, get, store);
    const exported = createExportSlice(url.exportShown ?? null)(set, get, store);
    const quiz = createQuizSlice(select, { quiz: null }, progress)(set, get, store);
    return { ...lesson, ...focus, ...playback, ...jac, ...presentation, ...tour, ...train, ...exported, ...quiz, locale: url.locale, frame: url.frame };
  });
  // The step and the focus are checked against the lesson now that it exists.
  const s = api.getState();
  const n = select.script(s).steps.length;
  if (url.step !== null && url.step > n) {
    api.setState({ notices: [...s.notices, { param: 'step', message: note('notice.step.past', { step: url.step, n }) }] });
  }
  api.setState({ step: url.step === null ? n : Math.min(url.step, n) });
  api.getState().setFocus(url.focus);
  // The link's exercise set, with the progress kept for it, once the lesson it is on exists.
  if (url.quiz) void api.getState().openQuiz(url.quiz);
  return Object.assign(api, { select });
}

/** The URL state of the store, for the codec. The step is left out when the lesson is complete. */
export function urlStateOf(s: AppState, select: Selectors): UrlState {
  const n = select.script(s).steps.length;
  const k = select.step(s);
  const step = k < n ? k : null;
  const explicit: UrlState['explicit'] = {};
  const { B, N, T, convention, loss, activation } = s.config;
  // Past the sizes a link opens (an update of the digits: 25,000 numbers), the link leaves the values out, and the page says so.
  const edited = linkHolds({ B, N, T }) ? s.edited : NONE_EDITED;
  if (edited.x) explicit.x = rowsOf(s.inputs.x);
  if (edited.W) explicit.W = rowsOf(s.inputs.W);
  if (edited.b) explicit.b = rowsOf(s.inputs.b);
  if (edited.target) explicit.target = LOSS_TARGET[s.config.loss] === 'classes' ? rowsOf(s.inputs.targetClasses) : rowsOf(s.inputs.targetMatrix);
  if (edited.dY) explicit.dY = rowsOf(s.inputs.upstream);
  return {
    convention,
    sizes: { B, N, T },
    loss,
    activation,
    ...(s.config.lr ? { lr: s.config.lr } : {}),
    seed: s.seed,
    explicit,
    focus: s.focus,
    step,
    // The grain gives step its meaning; a grain the learner chose is kept even when the lesson is complete.
    granularity: step !== null || s.grainChoice !== null ? select.granularity(s) : null,
    jacobianKind: s.jacobianKind,
    linearisation: s.linearisation,
    locale: s.locale,
    frame: s.frame,
    tour: s.tourCode !== null ? { code: s.tourCode, stop: s.tourIndex + 1 } : null,
    ...(s.present ? { present: true } : {}),
    ...(s.exportShown ? { exportShown: s.exportShown } : {}),
    // The training view's link is its run; a lesson opened from it (an update explained) is an ordinary lesson's link.
    ...(s.train && s.trainShown ? { train: s.train } : {}),
    ...(s.quiz ? { quiz: s.quiz } : {}),
  };
}
