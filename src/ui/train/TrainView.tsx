// The training view: the data and settings, the run's buttons and numbers, its loss curve, and what the layer
// has learned (W beside W_true for generated data, the weights as pictures for the digits). Loaded on its own
// chunk when training is opened; the driver that loads data and runs updates lives as long as the view.
import { useEffect } from 'react';
import { startTrainingDriver, pageEnv } from '../../train/driver.ts';
import { digitsUrl, loadDigits } from '../../train/loadDigits.ts';
import { createWorkerTrainer } from '../../train/workerTrainer.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n, useSelectors, withStrings } from '../storeContext.tsx';
import { CsvBox } from './CsvBox.tsx';
import { LossCurve, lossCurveFileName } from './LossCurve.tsx';
import { TrainControls } from './TrainControls.tsx';
import { TrainExport } from './TrainExport.tsx';
import { TrainSettings } from './TrainSettings.tsx';
import { TruthTable } from './TruthTable.tsx';
import { WeightImages } from './WeightImages.tsx';
import './train.css';
import { train } from '../strings/en/lazy/train.ts';
import { trainCharts } from '../strings/en/lazy/trainCharts.ts';

const DIGIT_LABELS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Starts this app's training driver while the view is shown. */
function useDriver() {
  const store = useAppStore();
  useEffect(
    () =>
      startTrainingDriver(
        store,
        pageEnv({ loadDigits: (progress) => loadDigits(digitsUrl(), progress), worker: typeof Worker === 'function' ? () => createWorkerTrainer() : undefined }),
      ),
    [store],
  );
}

/** The whole training view. */
function TrainView() {
  useDriver();
  const store = useAppStore();
  const select = useSelectors();
  const { t } = useI18n();
  const id = useApp((s) => s.train?.dataset);
  const load = useApp((s) => s.trainLoad);
  const data = useApp(select.train.dataset);
  const run = useApp(select.train.run);
  const perEpoch = useApp(select.train.updatesPerEpoch);
  const images = useApp(select.train.images);
  const curveFile = useApp((s) => lossCurveFileName({ dataset: s.train?.dataset ?? 'run', convention: s.config.convention, activation: s.config.activation }));
  if (!id) return null;
  return (
    <main className="train-view" aria-labelledby="train-title">
      <div className="train-head">
        <h2 id="train-title">{t('train.title')}</h2>
        <button type="button" onClick={() => store.getState().closeTraining()}>
          {t('train.close')}
        </button>
      </div>
      <p className="train-intro">{t('train.intro')}</p>
      <TrainSettings />
      <p className="dataset-about">{t(`train.dataset.${id}.about`)}</p>
      {data?.standardised && <p className="muted-text">{t('train.standardised')}</p>}
      {id === 'csv' && <CsvBox />}
      {load.status === 'loading' && load.id === id && (
        <p className="train-loading" role="status">
          {t('train.loading')} <progress max={1} value={load.progress} aria-label={t('train.loading.label', { name: t(`train.dataset.${id}`) })} />
        </p>
      )}
      {load.status === 'failed' && load.id === id && (
        <p className="field-error" role="alert">
          <Rich m={load.message} />
        </p>
      )}
      {data && <TrainControls />}
      {data && run && <LossCurve losses={run.losses} epochs={run.epochs} updatesPerEpoch={perEpoch} classification={data.loss === 'softmax-ce'} file={curveFile} />}
      <TruthTable />
      {images && (
        <section className="weights" aria-label={t('train.weights.title')}>
          <WeightImages images={images} labels={DIGIT_LABELS} side={28} />
        </section>
      )}
      <TrainExport />
    </main>
  );
}

export default withStrings([train, trainCharts], TrainView);
