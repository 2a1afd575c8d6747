// Training's part of the store: what run was asked for, the data it loaded, where the run is, and the
// update a learner opened in the lesson. The run itself is plain data from core (a TrainRun).
import type { Dataset, DatasetId, TrainConfig, TrainRun } from '../core/index.ts';
import type { EditResult, Note } from './messages.ts';
import type { TableKept } from './tableDraft.ts';
import type { TrainOptions } from './trainLink.ts';

/** Data a dataset is made from, once loaded: iris's table, or the digits' pixels and labels. */
export interface TrainRaw {
  iris?: { rows: number[][]; species: string[] };
  mnist?: { pixels: Uint8Array; labels: Uint8Array };
}

/** Where loading a dataset's data stands. */
export type TrainLoad = { status: 'idle' } | { status: 'loading'; id: DatasetId; progress: number } | { status: 'failed'; id: DatasetId; message: Note };

/** A run, with the data and configuration it was trained with: a run of other data or settings is not this one's. */
export interface HeldRun {
  run: TrainRun;
  dataset: Dataset;
  config: TrainConfig;
}

/** The update opened in the lesson view: which one, of which run, and its learning rate. */
export interface ExplainedUpdate {
  dataset: DatasetId;
  update: number;
  epoch: number;
  lr: number;
}

/** Training: the run asked for, its data, and where it is. */
export interface TrainSlice {
  /** The run asked for, or null outside training. */
  train: TrainOptions | null;
  /** True while the training view is shown (false: the lesson, perhaps explaining one of its updates). */
  trainShown: boolean;
  trainRaw: TrainRaw;
  trainLoad: TrainLoad;
  /** The run so far; null (or a run of other data or settings) when it is at its seeded start. */
  trainRun: HeldRun | null;
  /** A large dataset's seeded start, worked out off the page by the driver; null until it is (small starts are derived). */
  trainStart: HeldRun | null;
  trainPlaying: boolean;
  /** The table being typed or pasted, kept whatever is wrong with it, and the one last submitted. */
  csvText: string;
  /** null until a table is submitted. */
  csvUsed: string | null;
  /** Whether the table typed is kept across a reload (src/store/tableDraft.ts), or why not. */
  csvKept: TableKept;
  explained: ExplainedUpdate | null;
  openTraining(id: DatasetId): void;
  closeTraining(): void;
  setTrainOption(name: 'lr' | 'batch' | 'epochs', text: string): EditResult;
  setCsvText(text: string): void;
  /** Trains on the table typed so far (the view lists its problems, if there are some). */
  useCsv(): void;
  setTrainLoad(load: TrainLoad): void;
  setTrainRaw(raw: TrainRaw): void;
  setTrainRun(run: HeldRun | null): void;
  setTrainStart(start: HeldRun | null): void;
  setTrainPlaying(on: boolean): void;
  /** Runs a single update (one mini-batch) now. */
  trainOneUpdate(): void;
  /** Back to the seeded start of the same run. */
  resetTraining(): void;
  /** Opens the next mini-batch in the lesson view: x the batch, W and b the current weights. */
  explainUpdate(): EditResult;
  backToTraining(): void;
}
