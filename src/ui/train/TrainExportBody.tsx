// The training script, a chunk of its own (fetched when first opened): the flavour, what the script does, and
// the script itself (core's trainingProgram of the run) in [data-export-code="train-numpy"] or "train-pytorch",
// with the Copy and Download buttons the Export dialog has (ui/export/CodeExport.tsx). A large run's script is
// written off the page (train/scriptWriter.ts), and the body tells its owner how that goes, for its live status.
import { useEffect, useMemo, useState } from 'react';
import type { ExportFlavour } from '../../core/export/flavours.ts';
import { trainingFileName, trainingProgram } from '../../core/export/trainScript.ts';
import { updatesPerEpoch, type Dataset, type TrainConfig } from '../../core/index.ts';
import type { Note } from '../../store/messages.ts';
import { problemOf } from '../../store/relesson.ts';
import { writeTrainingScript, writesOffPage } from '../../train/scriptWriter.ts';
import { CodeExport, FlavourChoice, runCommand } from '../export/CodeExport.tsx';
import { useI18n, withStrings } from '../storeContext.tsx';
import '../export/export.css';
import { exportStrings } from '../strings/en/lazy/export.ts';

/** How writing a large run's script goes: under way, done, or failed and why (null: nothing to say). */
export type ScriptStatus = { kind: 'writing'; flavour: ExportFlavour; n: number } | { kind: 'written'; flavour: ExportFlavour } | { kind: 'failed'; problem: Note } | null;

/** The script of the run in a flavour: made here for a small run, written off the page for a large one (null until it arrives). */
function useScript(data: Dataset, config: TrainConfig, flavour: ExportFlavour, onStatus: (s: ScriptStatus) => void): string | null {
  const run = useMemo(() => ({ data, config }), [data, config]);
  const offPage = writesOffPage(run);
  const here = useMemo(() => (offPage ? null : trainingProgram(run, flavour)), [offPage, run, flavour]);
  const [made, setMade] = useState<{ run: typeof run; flavour: ExportFlavour; program: string } | null>(null);
  useEffect(() => {
    if (!offPage) return;
    const stop = new AbortController();
    onStatus({ kind: 'writing', flavour, n: run.data.n });
    writeTrainingScript(run, flavour, { signal: stop.signal }).then(
      (program) => {
        if (stop.signal.aborted) return;
        setMade({ run, flavour, program });
        onStatus({ kind: 'written', flavour });
      },
      (err: unknown) => stop.signal.aborted || onStatus({ kind: 'failed', problem: problemOf(err) }),
    );
    return () => {
      stop.abort();
      onStatus(null);
    };
  }, [offPage, run, flavour, onStatus]);
  if (!offPage) return here;
  // What was written for an earlier run or flavour is not shown for this one.
  return made !== null && made.run === run && made.flavour === flavour ? made.program : null;
}

/** The flavour, what the script does, and the script with its Copy and Download buttons. */
function TrainExportBody(props: { data: Dataset; config: TrainConfig; flavour: ExportFlavour; onFlavour(f: ExportFlavour): void; onStatus(s: ScriptStatus): void }) {
  const { data, config, flavour, onFlavour, onStatus } = props;
  const { t } = useI18n();
  const program = useScript(data, config, flavour, onStatus);
  const file = trainingFileName({ data, config }, flavour);
  const updates = updatesPerEpoch(data, config) * config.epochs;
  return (
    <>
      <FlavourChoice flavour={flavour} choice="train-export" onChoose={onFlavour} />
      <p>{t(`train.export.about.${flavour}`, { convention: config.convention })}</p>
      <p className="muted-text">{t('train.export.run', { epochs: config.epochs, updates, command: runCommand(file) })}</p>
      {program !== null && <CodeExport program={program} file={file} hook={`train-${flavour}`} label={t('train.export.code', { flavour: t(`export.flavour.${flavour}`) })} />}
    </>
  );
}

export default withStrings([exportStrings], TrainExportBody);
