// Training's derived values, memoised per store: the dataset from its loaded data (or generated, or the
// submitted table), the run's configuration, its seeded start, the run as it stands, and its next batch.
import {
  csvData,
  digitsData,
  irisData,
  nextBatch,
  parseCsv,
  regressionData,
  runDone,
  startRun,
  truthGap,
  type TruthGap,
  updatesPerEpoch,
  type Batch,
  type CsvTable,
  type Dataset,
  type TrainConfig,
  type TrainRun,
} from '../core/index.ts';
import { weightImages } from '../core/train/weightImages.ts';
import { memo } from './memo.ts';
import { type Note, note } from './messages.ts';
import type { AppState } from './state.ts';
import type { HeldRun } from './trainState.ts';

/**
 * The largest update the lesson view opens from training: a batch of 64, 1,024 features and 16 outputs
 * (the digits' 32 × 784 → 10 fit). Past 12 the lesson draws its matrices as heatmaps (ui/matrix/MatrixCanvas.tsx).
 */
export const EXPLAIN_MAX = { B: 64, N: 1024, T: 16 } as const;

/**
 * A seeded start this costly (samples × features × outputs multiply-adds: its epoch-0 record evaluates every sample)
 * is worked out off the page (src/train/driver.ts, in the worker when there is one): about 20 ms of the page at this
 * size, 0.4 s for the digits' 10,000 × 784 × 10. Below it the start is computed here, at once.
 */
export const START_OFF_PAGE = 4_000_000;

/** Whether a dataset's seeded start is worked out off the page (the view says "preparing" meanwhile). */
export const startsOffPage = (d: Dataset): boolean => d.n * d.features * d.outputs >= START_OFF_PAGE;

/** Whether a batch of B samples with N features and T outputs fits the lesson view. */
export const explainFits = (B: number, N: number, T: number): boolean => B <= EXPLAIN_MAX.B && N <= EXPLAIN_MAX.N && T <= EXPLAIN_MAX.T;

/** Training's selectors. */
export interface TrainSelectors {
  /** The submitted table, read (its problems included); null unless the run uses a pasted table. */
  csvTable(s: AppState): CsvTable | null;
  /** The dataset, once its data is in; null while it loads, or when the table has problems. */
  dataset(s: AppState): Dataset | null;
  config(s: AppState): TrainConfig | null;
  /** The run as it stands: the one in the store, or the seeded start (null while a large one is prepared). */
  run(s: AppState): TrainRun | null;
  /** True while a large dataset's seeded start is worked out off the page: the run has no numbers yet. */
  preparing(s: AppState): boolean;
  done(s: AppState): boolean;
  updatesPerEpoch(s: AppState): number;
  /** The mini-batch the next update uses. */
  batch(s: AppState): Batch | null;
  /** Whether that batch fits the lesson view (at most EXPLAIN_MAX samples, features and outputs). */
  explainable(s: AppState): boolean;
  /** Why the run's updates cannot be opened in the lesson view (too many samples, features or outputs), or null. */
  tooLarge(s: AppState): Note | null;
  /** For images (the digits): the weights into each output, as a picture of the input. */
  images(s: AppState): Float64Array[] | null;
  /** For generated data: the learned weights beside the true ones. */
  truth(s: AppState): TruthGap | null;
}

/** True when two configurations train alike. */
export const sameConfig = (a: TrainConfig, b: TrainConfig): boolean =>
  a.convention === b.convention && a.activation === b.activation && a.lr === b.lr && a.batch === b.batch && a.epochs === b.epochs && a.seed === b.seed;

export function createTrainSelectors(): TrainSelectors {
  const csvTable = memo((s: AppState) => [s.train?.dataset === 'csv' ? s.csvUsed : null] as const, (text) => (text === null ? null : parseCsv(text)));
  const dataset = memo(
    (s: AppState) => [s.train?.dataset ?? null, s.seed, s.trainRaw, csvTable(s)] as const,
    (id, seed, raw, table): Dataset | null => {
      if (id === 'regression') return regressionData(seed);
      if (id === 'iris') return raw.iris ? irisData(raw.iris.rows, raw.iris.species, seed) : null;
      if (id === 'mnist') return raw.mnist ? digitsData(raw.mnist.pixels, raw.mnist.labels, seed) : null;
      if (id === 'csv') return table && table.problems.length === 0 && table.rows.length > 1 ? csvData(table, seed) : null;
      return null;
    },
  );
  const config = memo(
    (s: AppState) => [s.train, s.config.convention, s.config.activation, s.seed] as const,
    (t, convention, activation, seed): TrainConfig | null => (t ? { convention, activation, lr: t.lr, batch: t.batch, epochs: t.epochs, seed } : null),
  );
  // A small start is computed here; a large one only comes from the driver (s.trainStart), never from the page's selector.
  const start = memo((s: AppState) => [dataset(s), config(s)] as const, (d, c) => (d && c && !startsOffPage(d) ? startRun(d, c) : null));
  const heldFor = (held: HeldRun | null, d: Dataset, c: TrainConfig) => (held && held.dataset === d && sameConfig(held.config, c) ? held.run : null);
  const run = (s: AppState): TrainRun | null => {
    const d = dataset(s), c = config(s);
    if (!d || !c) return null;
    return heldFor(s.trainRun, d, c) ?? (startsOffPage(d) ? heldFor(s.trainStart, d, c) : start(s));
  };
  const batch = memo((s: AppState) => [run(s), dataset(s), config(s)] as const, (r, d, c) => (r && d && c && !runDone(r, c) ? nextBatch(r, d, c) : null));
  return {
    csvTable,
    dataset,
    config,
    run,
    preparing: (s) => {
      const d = dataset(s), c = config(s);
      return !!d && !!c && startsOffPage(d) && run(s) === null;
    },
    done: (s) => {
      const r = run(s), c = config(s);
      return !!r && !!c && runDone(r, c);
    },
    updatesPerEpoch: (s) => {
      const d = dataset(s), c = config(s);
      return d && c ? updatesPerEpoch(d, c) : 0;
    },
    batch,
    images: memo(
      (s: AppState) => [run(s), dataset(s), config(s)] as const,
      (r, d, c) => (r && d?.id === 'mnist' && c ? weightImages(c.convention, r.W, d.features, d.outputs) : null),
    ),
    truth: memo(
      (s: AppState) => [run(s), dataset(s), config(s)] as const,
      (r, d, c) => (r && d?.truth && c ? truthGap(c.convention, r.W, r.b, d.truth) : null),
    ),
    tooLarge: memo(
      (s: AppState) => [dataset(s), config(s)] as const,
      (d, c) =>
        d && c && !explainFits(Math.min(c.batch, d.train.length), d.features, d.outputs)
          ? note('train.explain.tooLarge', { batch: Math.min(c.batch, d.train.length), features: d.features, outputs: d.outputs, maxB: EXPLAIN_MAX.B, maxN: EXPLAIN_MAX.N, maxT: EXPLAIN_MAX.T })
          : null,
    ),
    explainable: (s) => {
      const d = dataset(s), b = batch(s);
      return !!d && !!b && explainFits(b.samples.length, d.features, d.outputs);
    },
  };
}
