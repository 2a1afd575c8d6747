// "Export run as Python": the training view's way to take the run away, as a script that trains it again and
// prints its loss history. The button opens the script below it (TrainExportBody.tsx, loaded when first opened);
// a run too large to write out (over TRAIN_SCRIPT_MAX_VALUES numbers) has the button disabled, and says why.
// A live status, here from the start so that what it says is heard, tells how writing a large run's script goes.
import { Suspense, lazy, useId, useMemo, useState } from 'react';
import type { ScriptStatus } from './TrainExportBody.tsx';
import type { ExportFlavour } from '../../core/export/flavours.ts';
import { trainScriptProblem } from '../../core/export/trainScriptData.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';

const TrainExportBody = lazy(() => import('./TrainExportBody.tsx'));

/** The heading, the button, why it is disabled (when it is), and the script once opened. */
export function TrainExport() {
  const { t } = useI18n();
  const select = useSelectors();
  const data = useApp(select.train.dataset);
  const config = useApp(select.train.config);
  const [open, setOpen] = useState(false);
  const [flavour, setFlavour] = useState<ExportFlavour>('numpy');
  const [status, setStatus] = useState<ScriptStatus>(null);
  const problem = useMemo(() => (data && config ? trainScriptProblem({ data, config }) : null), [data, config]);
  const headingId = useId();
  const panelId = useId();
  const whyId = useId();
  if (!data || !config) return null;
  const shown = open && !problem;
  return (
    <section className="train-export" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('train.export.heading')}</h3>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={panelId}
        aria-label={t('train.export.open.label')}
        disabled={problem !== null}
        aria-describedby={problem ? whyId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('train.export.open')}
      </button>
      {problem && (
        <p id={whyId} className="muted-text">
          <Rich m={problem} />
        </p>
      )}
      <p role="status" data-script-status={status?.kind ?? ''} className={`script-status ${status?.kind === 'failed' ? 'field-error' : 'muted-text'}`}>
        {status?.kind === 'writing' && t(`train.export.writing.${status.flavour}`, { n: status.n })}
        {status?.kind === 'written' && t(`train.export.written.${status.flavour}`)}
        {status?.kind === 'failed' && <Rich m={status.problem} />}
      </p>
      <div id={panelId} hidden={!shown}>
        {shown && (
          <Suspense fallback={null}>
            <TrainExportBody data={data} config={config} flavour={flavour} onFlavour={setFlavour} onStatus={setStatus} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
