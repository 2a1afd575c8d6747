// The loss curve as a table, behind a "Show as a table" toggle: one row per epoch record (at most MAX_TABLE_ROWS,
// evenly spaced, with a note when some are left out), with the training and test loss and, for classes, accuracy.
import type { EpochRecord } from '../../core/train/loop.ts';
import { useI18n } from '../storeContext.tsx';
import { evenIndices } from './thin.ts';

/** The epoch records of a run, as a table. */
export function EpochTable({ epochs, classification }: { epochs: readonly EpochRecord[]; classification: boolean }) {
  const { t, fmt, percent } = useI18n();
  const rows = evenIndices(epochs.length).map((k) => epochs[k]);
  const none = (
    <>
      <span aria-hidden="true">{t('trainCharts.table.dash')}</span>
      <span className="sr-only">{t('trainCharts.table.none')}</span>
    </>
  );
  const loss = (v: number | null) => (v === null ? none : fmt.text(v, 4));
  const acc = (v: number | null) => (v === null ? none : percent(v));
  return (
    <details className="loss-curve-table">
      <summary>{t('trainCharts.table.show')}</summary>
      {rows.length < epochs.length && <p className="loss-curve-table-note">{t('trainCharts.table.thinned', { shown: rows.length, total: epochs.length })}</p>}
      <table>
        <caption className="sr-only">{classification ? t('trainCharts.table.caption') : t('trainCharts.table.caption.regression')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainCharts.table.epoch')}</th>
            <th scope="col">{t('trainCharts.table.updates')}</th>
            <th scope="col">{t('trainCharts.table.trainLoss')}</th>
            <th scope="col">{t('trainCharts.table.testLoss')}</th>
            {classification && <th scope="col">{t('trainCharts.table.trainAccuracy')}</th>}
            {classification && <th scope="col">{t('trainCharts.table.testAccuracy')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.epoch}>
              <th scope="row">{e.epoch === 0 ? t('trainCharts.table.start', { epoch: e.epoch }) : fmt.integer(e.epoch)}</th>
              <td>{fmt.integer(e.updates)}</td>
              <td>{loss(e.trainLoss)}</td>
              <td>{loss(e.testLoss)}</td>
              {classification && <td>{acc(e.trainAccuracy)}</td>}
              {classification && <td>{acc(e.testAccuracy)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
