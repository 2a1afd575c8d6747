// Where a run's updates are computed: in the page, or in a Web Worker for large data. Both run core's
// trainUpdates, so for the same seed they give bit-identical runs.
import { startRun, trainUpdates, type Dataset, type TrainConfig, type TrainRun } from '../core/index.ts';

/** Data this large (samples × features) trains in a worker when one is available, and has its script written in one. */
export const WORKER_ENTRIES = 20_000;

/** Runs updates of a training run somewhere, and answers with the run after them. */
export interface Trainer {
  /** Up to `count` more updates of `run` on `data`; resolves with the new run (the one given is untouched). */
  updates(data: Dataset, config: TrainConfig, run: TrainRun, count: number): Promise<TrainRun>;
  /** startRun(data, config): the seeded start, whose epoch-0 record evaluates every sample (0.4 s on the digits). */
  start(data: Dataset, config: TrainConfig): Promise<TrainRun>;
  /** Stops whatever it runs on (a worker is terminated). */
  dispose(): void;
}

/** The trainer that runs in the page itself. */
export function inPageTrainer(): Trainer {
  return {
    start: (data, config) => Promise.resolve().then(() => startRun(data, config)),
    updates: (data, config, run, count) => Promise.resolve(trainUpdates(run, data, config, count)),
    dispose: () => {},
  };
}
