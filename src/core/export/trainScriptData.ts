// What a training run's script writes out, and how much of it: every sample's features and target, which
// samples train and which are held out, each epoch's order of the training samples (as the seeded shuffle
// drew it, so the script need not reimplement the generator), and the seeded starting weights.
import type { Matrix } from '../matrix.ts';
import { type Msg, msg } from '../messages.ts';
import type { Dataset } from '../train/dataset.ts';
import { epochOrder, initialWeights, type TrainConfig } from '../train/loop.ts';

/** What a training script is made from: the run's data and settings (its start and its batches follow from them). */
export interface TrainScriptRun {
  data: Dataset;
  config: TrainConfig;
}

/** The most numbers a training script writes out as readable literals (about 5 MB of Python); above it they are packed (trainScriptPacked.ts). */
export const TRAIN_SCRIPT_LITERAL_MAX = 250_000;

/**
 * The most numbers a training script writes out at all, packed: the digits fit at every number of epochs
 * (10,000 × 785 + 1,000 epochs × 8,000 = 15,850,000), a script of some tens of MB at most.
 */
export const TRAIN_SCRIPT_MAX_VALUES = 16_000_000;

/** True when a run's script packs its data rather than writing it as literals. */
export const trainScriptPacked = (run: TrainScriptRun): boolean => trainScriptValues(run) > TRAIN_SCRIPT_LITERAL_MAX;

/** How many numbers the script of a run writes out: each sample's features and target, and each epoch's order of the training samples. */
export function trainScriptValues({ data, config }: TrainScriptRun): number {
  const targets = data.loss === 'mse' ? data.outputs : 1;
  return data.n * (data.features + targets) + config.epochs * data.train.length;
}

/** Why a run cannot be exported as a script (it would write out too many numbers), or null. */
export function trainScriptProblem(run: TrainScriptRun): Msg | null {
  const values = trainScriptValues(run);
  return values > TRAIN_SCRIPT_MAX_VALUES ? msg('train.export.tooLarge', { values, max: TRAIN_SCRIPT_MAX_VALUES }) : null;
}

/** The numbers a script writes out, laid out as it writes them. */
export interface TrainScriptValues {
  /** Each sample's features as the run reads them (scaled), one row per sample: [n, N]. */
  features: Matrix;
  /** Each sample's target, one row per sample ([n, T], mse), or its class. */
  targets: Matrix | number[];
  train: number[];
  test: number[];
  /** The training samples in the order each epoch takes them. */
  orders: number[][];
  /** The seeded start, in the convention's layout. */
  W: Matrix;
  b: Float64Array;
}

/** The values of a run's script; throws a RangeError when there are more than TRAIN_SCRIPT_MAX_VALUES. */
export function trainScriptData(run: TrainScriptRun): TrainScriptValues {
  const { data, config } = run;
  const values = trainScriptValues(run);
  if (values > TRAIN_SCRIPT_MAX_VALUES) throw new RangeError(`trainingProgram: the run would write out ${values} numbers, more than ${TRAIN_SCRIPT_MAX_VALUES}`);
  // A plain loop: Float64Array.from with a map function took 1.2 s for the digits' 7.8 million pixels.
  const scaled = new Float64Array(data.x.length);
  for (let i = 0; i < scaled.length; i++) scaled[i] = data.x[i] * data.scale;
  const features: Matrix = { rows: data.n, cols: data.features, data: scaled };
  const targets = data.loss === 'mse' ? { rows: data.n, cols: data.outputs, data: Float64Array.from(data.y) } : Array.from(data.y);
  const orders = Array.from({ length: config.epochs }, (_, e) => Array.from(epochOrder(data, config.seed, e)));
  const { W, b } = initialWeights(data, config.convention, config.seed);
  return { features, targets, train: Array.from(data.train), test: Array.from(data.test), orders, W, b };
}
