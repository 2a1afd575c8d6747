// The training slice: which run, its settings as typed, the data loaded for it, the run so far, and the
// update opened in the lesson. Loading and running happen outside (src/train/driver.ts); the slice only
// holds what they report, so the view, the link and a test read one source.
import { LOSS_TARGET, parseNumber, runDone, trainUpdates, zeros, type DatasetId } from '../core/index.ts';
import { note } from './messages.ts';
import { relesson, problemOf } from './relesson.ts';
import type { Selectors } from './selectors.ts';
import type { AppState } from './state.ts';
import type { StateCreator } from 'zustand/vanilla';
import { TRAIN_DEFAULTS, type TrainOptions, trainOptionProblem } from './trainLink.ts';
import { EXPLAIN_MAX } from './trainSelectors.ts';
import { keepTableDraft, loadTableDraft } from './tableDraft.ts';
import type { DraftStorage } from './tourState.ts';
import type { TrainSlice } from './trainState.ts';

/** Creates the training slice, training the run a link asks for, if any, with the table kept in `tables` restored. */
export function createTrainSlice(select: Selectors, start: { train: TrainOptions | null; tables: DraftStorage }): StateCreator<AppState, [], [], TrainSlice> {
  return (set, get) => {
    const kept = loadTableDraft(start.tables);
    // Every change of the table is kept at once, so a reload loses nothing typed (TABLE_DRAFT_MAX aside, said on screen).
    const keep = (text: string, used: boolean) => keepTableDraft(start.tables, { text, used });
    // Every change of what the run is asked to do starts it again from its seeded start.
    const restart = { trainRun: null, trainPlaying: false } as const;
    return {
      train: start.train,
      trainShown: start.train !== null,
      trainRaw: {},
      trainLoad: { status: 'idle' },
      trainRun: null,
      trainStart: null,
      trainPlaying: false,
      csvText: kept?.text ?? '',
      csvUsed: kept?.used ? kept.text : null,
      csvKept: kept ? 'kept' : 'empty',
      explained: null,
      openTraining: (id: DatasetId) => {
        const t = get().train;
        if (t?.dataset === id && get().trainShown) return;
        set({ train: t?.dataset === id ? t : { dataset: id, ...TRAIN_DEFAULTS[id] }, trainShown: true, explained: null, ...(t?.dataset === id ? {} : restart) });
      },
      closeTraining: () => set({ train: null, trainShown: false, explained: null, ...restart }),
      setTrainOption: (name, text) => {
        const t = get().train;
        if (!t) return { ok: false, message: note('problem.internal', { text: 'no training run' }) };
        const problem = trainOptionProblem(name, text);
        if (problem) return { ok: false, message: problem };
        const v = parseNumber(text) as number;
        if (v !== t[name]) set({ train: { ...t, [name]: v }, ...restart });
        return { ok: true };
      },
      setCsvText: (text) => {
        if (text !== get().csvText) set({ csvText: text, csvKept: keep(text, text === get().csvUsed) });
      },
      useCsv: () => {
        const text = get().csvText;
        if (get().csvUsed !== text) set({ csvUsed: text, csvKept: keep(text, true), ...restart });
      },
      setTrainLoad: (trainLoad) => set({ trainLoad }),
      setTrainRaw: (trainRaw) => set({ trainRaw }),
      setTrainRun: (trainRun) => set({ trainRun }),
      setTrainStart: (trainStart) => set({ trainStart }),
      setTrainPlaying: (on) => {
        if (on !== get().trainPlaying) set({ trainPlaying: on && !select.train.done(get()) && select.train.run(get()) !== null });
      },
      trainOneUpdate: () => {
        const s = get();
        const dataset = select.train.dataset(s), config = select.train.config(s), run = select.train.run(s);
        if (!dataset || !config || !run || runDone(run, config)) return;
        set({ trainRun: { run: trainUpdates(run, dataset, config, 1), dataset, config }, trainPlaying: false });
      },
      resetTraining: () => set(restart),
      explainUpdate: () => {
        const s = get();
        const data = select.train.dataset(s), config = select.train.config(s), run = select.train.run(s), batch = select.train.batch(s);
        if (!data || !config || !run || !batch) return { ok: false, message: note('problem.internal', { text: 'no update to explain' }) };
        if (!select.train.explainable(s)) return { ok: false, message: note('train.explain.tooLarge', { batch: batch.samples.length, features: data.features, outputs: data.outputs, maxB: EXPLAIN_MAX.B, maxN: EXPLAIN_MAX.N, maxT: EXPLAIN_MAX.T }) };
        const B = batch.samples.length;
        const [yr, yc] = config.convention === 'column' ? [data.outputs, B] : [B, data.outputs];
        const classes = LOSS_TARGET[data.loss] === 'classes';
        try {
          relesson(get, set, select, {
            // The run's learning rate makes the update the lesson's last phase: W⁺ = W − lr·dL/dW on the grids.
            config: { convention: config.convention, loss: data.loss, activation: config.activation, lr: config.lr, B, N: data.features, T: data.outputs },
            inputs: {
              x: batch.x,
              W: run.W,
              b: run.b,
              targetMatrix: classes ? zeros(yr, yc) : (batch.target as typeof batch.x),
              targetClasses: classes ? (batch.target as number[]) : Array.from({ length: B }, () => 0),
              upstream: zeros(yr, yc),
            },
            edited: { x: true, W: true, b: true, target: true, dY: false },
          }, { trainShown: false, trainPlaying: false, explained: { dataset: data.id, update: run.updates + 1, epoch: run.epoch + 1, lr: config.lr } });
          return { ok: true };
        } catch (e) {
          return { ok: false, message: problemOf(e) };
        }
      },
      backToTraining: () => {
        if (get().train) set({ trainShown: true, explained: null });
      },
    };
  };
}
