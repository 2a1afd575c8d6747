// The training script, a chunk of its own (fetched when first opened): the flavour, what the script does, and
// the script itself (core's trainingProgram of the run) in [data-export-code="train-numpy"] or "train-pytorch",
// with the Copy and Download buttons the Export dialog has (ui/export/CodeExport.tsx). A large run's script is
// written off the page (train/scriptWriter.ts); meanwhile a live status says so.
import { useEffect, useState } from 'react';
import type { ExportFlavour } from '../../core/export/flavours.ts';
import { trainingFileName } from '../../core/export/trainScript.ts';
import { updatesPerEpoch, type Dataset, type TrainConfig } from '../../core/index.ts';
import { writeTrainingScript } from '../../train/scriptWriter.ts';
import { CodeExport, FlavourChoice, runCommand } from '../export/CodeExport.tsx';
import { useI18n, withStrings } from '../storeContext.tsx';
import '../export/export.css';
import { exportStrings } from '../strings/en/lazy/export.ts';

/** The script of the run in a flavour once written (null until then), or why it could not be. */
function useScript(data: Dataset, config: TrainConfig, flavour: ExportFlavour): { program: string | null; error: string | null } {
  const [made, setMade] = useState<{ key: readonly unknown[]; program: string | null; error: string | null } | null>(null);
  useEffect(() => {
    const stop = new AbortController();
    const key = [data, config, flavour];
    writeTrainingScript({ data, config }, flavour, { signal: stop.signal }).then(
      (program) => stop.signal.aborted || setMade({ key, program, error: null }),
      (err: unknown) => stop.signal.aborted || setMade({ key, program: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => stop.abort();
  }, [data, config, flavour]);
  // What was made for an earlier run or flavour is not shown for this one.
  const current = made !== null && made.key[0] === data && made.key[1] === config && made.key[2] === flavour;
  return current ? made : { program: null, error: null };
}

/** The flavour, what the script does, and the script with its Copy and Download buttons. */
function TrainExportBody({ data, config, flavour, onFlavour }: { data: Dataset; config: TrainConfig; flavour: ExportFlavour; onFlavour(f: ExportFlavour): void }) {
  const { t } = useI18n();
  const { program, error } = useScript(data, config, flavour);
  const file = trainingFileName({ data, config }, flavour);
  const updates = updatesPerEpoch(data, config) * config.epochs;
  const flavourName = t(`export.flavour.${flavour}`);
  const status = error !== null ? t('train.export.failed', { problem: error }) : program === null ? t('train.export.writing', { flavour: flavourName, n: data.n }) : '';
  return (
    <>
      <FlavourChoice flavour={flavour} choice="train-export" onChoose={onFlavour} />
      <p>{t(`train.export.about.${flavour}`, { convention: config.convention })}</p>
      <p className="muted-text">{t('train.export.run', { epochs: config.epochs, updates, command: runCommand(file) })}</p>
      <p role="status" data-script-status="" className={error === null ? 'muted-text' : 'field-error'} data-writing={program === null && error === null ? '' : undefined}>
        {status}
      </p>
      {program !== null && <CodeExport program={program} file={file} hook={`train-${flavour}`} label={t('train.export.code', { flavour: flavourName })} />}
    </>
  );
}

export default withStrings([exportStrings], TrainExportBody);
