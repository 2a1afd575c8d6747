// Training's URL parameters: `train=` (the dataset), `lr`, `batch` and `epochs`. With the lesson's `conv`,
// `act` and `seed` they replay the same run exactly. Bad values become notices and the dataset's defaults.
// A public contract: see README.md.
import { BATCH_MAX, EPOCHS_MAX, code, isDatasetId, parseNumber, type DatasetId } from '../core/index.ts';
import { type Note, note } from './messages.ts';

/** A message of core's (its validation wording), as the store passes it on. */
const coreNote = (key: 'train.error.lr' | 'train.error.batch' | 'train.error.epochs', params: Note['params']): Note => ({ key, params });

/** What a run is asked to do, beside the lesson's convention, activation and seed. */
export interface TrainOptions {
  dataset: DatasetId;
  lr: number;
  batch: number;
  epochs: number;
}

/** Each dataset's settings when the link gives none: ones that learn it well (see tests/train). */
export const TRAIN_DEFAULTS: Record<DatasetId, Omit<TrainOptions, 'dataset'>> = {
  regression: { lr: 0.05, batch: 10, epochs: 20 },
  iris: { lr: 0.1, batch: 10, epochs: 100 },
  mnist: { lr: 0.1, batch: 32, epochs: 3 },
  csv: { lr: 0.05, batch: 10, epochs: 50 },
};

export const TRAIN_PARAMS = ['train', 'lr', 'batch', 'epochs'] as const;

/** Why a typed option was refused, or null: the learning rate a number above 0, the counts whole and in range. */
export function trainOptionProblem(name: 'lr' | 'batch' | 'epochs', raw: string): Note | null {
  const v = parseNumber(raw);
  if (name === 'lr') return v !== null && v > 0 ? null : coreNote('train.error.lr', { value: code(raw.trim()) });
  const max = name === 'batch' ? BATCH_MAX : EPOCHS_MAX;
  return v !== null && Number.isInteger(v) && v >= 1 && v <= max ? null : coreNote(name === 'batch' ? 'train.error.batch' : 'train.error.epochs', { value: code(raw.trim()), max });
}

/** Reads the training parameters; null when the link names no dataset (or one that does not exist, with a notice). */
export function readTrainLink(get: (name: string) => string | null, say: (param: string, message: Note) => void): TrainOptions | null {
  const id = get('train');
  if (id === null) {
    for (const p of ['lr', 'batch', 'epochs']) if (get(p) !== null) say(p, note('notice.train.without', { name: code(p) }));
    return null;
  }
  if (!isDatasetId(id)) {
    say('train', note('notice.choice.auto', { name: code('train'), raw: code(id), options: code('regression, iris, mnist, csv') }));
    return null;
  }
  const opts: TrainOptions = { dataset: id, ...TRAIN_DEFAULTS[id] };
  for (const name of ['lr', 'batch', 'epochs'] as const) {
    const raw = get(name);
    if (raw === null) continue;
    const problem = trainOptionProblem(name, raw);
    if (problem) say(name, note('notice.train.option', { problem, fallback: opts[name] }));
    else opts[name] = parseNumber(raw) as number;
  }
  return opts;
}

/** The training parameters as a link writes them: the dataset, and the settings that differ from its defaults. */
export function writeTrainLink(t: TrainOptions | null | undefined): [string, string][] {
  if (!t) return [];
  const d = TRAIN_DEFAULTS[t.dataset];
  return [['train', t.dataset], ...(['lr', 'batch', 'epochs'] as const).filter((k) => t[k] !== d[k]).map((k): [string, string] => [k, String(t[k])])];
}
