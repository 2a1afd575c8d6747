// Train / Pause, one update, reset and "explain this update", with the run's progress and its numbers:
// the last update's loss, the test accuracy and the epoch, each with its full-precision value in data-value.
import { useId, useState } from 'react';
import type { Note } from '../../store/messages.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';

/** A number the run reports, named, with its full-precision value for tests and embedders. */
function Metric({ name, label, value, text }: { name: string; label: string; value: number | null; text: string }) {
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd data-metric={name} data-value={value === null ? '' : String(value)}>
        {text}
      </dd>
    </div>
  );
}

/** The run's buttons, progress bar and numbers. */
export function TrainControls() {
  const store = useAppStore();
  const select = useSelectors();
  const { t, fmt, percent } = useI18n();
  const playing = useApp((s) => s.trainPlaying);
  const ready = useApp((s) => select.train.dataset(s) !== null);
  const samples = useApp((s) => select.train.dataset(s)?.n ?? 0);
  // A large run's seeded start is worked out off the page: until it is in, the buttons that need it wait, saying why.
  const preparing = useApp(select.train.preparing);
  const statusId = useId();
  const waiting = preparing ? statusId : undefined;
  const run = useApp(select.train.run);
  const config = useApp(select.train.config);
  const done = useApp(select.train.done);
  const perEpoch = useApp(select.train.updatesPerEpoch);
  const explainable = useApp(select.train.explainable);
  const tooLarge = useApp(select.train.tooLarge);
  const [refused, setRefused] = useState<Note | null>(null);
  const epochs = config?.epochs ?? 0;
  const total = perEpoch * epochs;
  const last = run?.epochs.at(-1) ?? null;
  const lastLoss = run && run.losses.length ? run.losses[run.losses.length - 1] : (last?.trainLoss ?? null);
  return (
    <section className="train-run" aria-label={t('train.progress.label')}>
      <div className="train-buttons">
        <button
          type="button"
          className="primary"
          disabled={!ready || done || preparing}
          aria-describedby={waiting}
          aria-pressed={playing}
          aria-label={playing ? t('train.pause.label') : t('train.start.label')}
          onClick={() => store.getState().setTrainPlaying(!playing)}
        >
          {playing ? t('train.pause') : t('train.start')}
        </button>
        <button type="button" disabled={!ready || done || preparing} aria-describedby={waiting} aria-label={t('train.once.label')} onClick={() => store.getState().trainOneUpdate()}>
          {t('train.once')}
        </button>
        <button type="button" disabled={!ready || !run || run.updates === 0} aria-label={t('train.reset.label')} onClick={() => store.getState().resetTraining()}>
          {t('train.reset')}
        </button>
        <button
          type="button"
          disabled={!ready || done || !explainable || preparing}
          aria-label={t('train.explain.label')}
          aria-describedby={[waiting, refused || tooLarge ? 'train-explain-why' : undefined].filter(Boolean).join(' ') || undefined}
          onClick={() => {
            const r = store.getState().explainUpdate();
            setRefused(r.ok ? null : r.message);
          }}
        >
          {t('train.explain')}
        </button>
      </div>
      {(refused || tooLarge) && (
        <p id="train-explain-why" className="muted-text explain-why" role={refused ? 'alert' : undefined}>
          <Rich m={refused ?? tooLarge!} />
        </p>
      )}
      {preparing && <progress className="train-progress" aria-label={t('train.preparing.label')} />}
      {run && <progress className="train-progress" max={Math.max(1, total)} value={run.updates} aria-label={t('train.progress.label')} />}
      {/* One polite live region for the run's state: "preparing", then its progress. */}
      <p id={statusId} className="train-progress-text" role="status" data-preparing={preparing || undefined}>
        {preparing
          ? `${t('train.preparing', { count: samples })} ${t('train.preparing.wait')}`
          : run && (done ? t('train.done', { epochs: run.epoch, updates: run.updates }) : t('train.progress', { epoch: Math.min(epochs, run.epoch + 1), epochs, updates: run.updates, total }))}
      </p>
      {run && (
        <>
          <dl className="metrics">
            <Metric name="loss" label={t('train.metric.loss')} value={lastLoss} text={lastLoss === null ? t('train.metric.none') : fmt.text(lastLoss, 4)} />
            <Metric name="trainLoss" label={t('train.metric.trainLoss')} value={last?.trainLoss ?? null} text={last ? fmt.text(last.trainLoss, 4) : t('train.metric.none')} />
            {last?.testAccuracy != null && <Metric name="accuracy" label={t('train.metric.accuracy')} value={last.testAccuracy} text={percent(last.testAccuracy)} />}
            <Metric name="epoch" label={t('train.metric.epoch')} value={run.epoch} text={`${run.epoch} / ${epochs}`} />
          </dl>
        </>
      )}
    </section>
  );
}
