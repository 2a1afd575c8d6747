// The training script, a chunk of its own (fetched when first opened): the flavour, what the script does, and
// the script itself (core's trainingProgram of the run) in [data-export-code="train-numpy"] or "train-pytorch",
// with the Copy and Download buttons the Export dialog has (ui/export/CodeExport.tsx).
import { useMemo } from 'react';
import type { ExportFlavour } from '../../core/export/flavours.ts';
import { trainingFileName, trainingProgram } from '../../core/export/trainScript.ts';
import { updatesPerEpoch, type Dataset, type TrainConfig } from '../../core/index.ts';
import { CodeExport, FlavourChoice, runCommand } from '../export/CodeExport.tsx';
import { useI18n, withStrings } from '../storeContext.tsx';
import '../export/export.css';
import { exportStrings } from '../strings/en/lazy/export.ts';

/** The flavour, what the script does, and the script with its Copy and Download buttons. */
function TrainExportBody({ data, config, flavour, onFlavour }: { data: Dataset; config: TrainConfig; flavour: ExportFlavour; onFlavour(f: ExportFlavour): void }) {
  const { t } = useI18n();
  // Core writes the script; it is remade only when the run's data or settings, or the flavour, change.
  const program = useMemo(() => trainingProgram({ data, config }, flavour), [data, config, flavour]);
  const file = trainingFileName({ data, config }, flavour);
  const updates = updatesPerEpoch(data, config) * config.epochs;
  return (
    <>
      <FlavourChoice flavour={flavour} choice="train-export" onChoose={onFlavour} />
      <p>{t(`train.export.about.${flavour}`, { convention: config.convention })}</p>
      <p className="muted-text">{t('train.export.run', { epochs: config.epochs, updates, command: runCommand(file) })}</p>
      <CodeExport program={program} file={file} hook={`train-${flavour}`} label={t('train.export.code', { flavour: t(`export.flavour.${flavour}`) })} />
    </>
  );
}

export default withStrings([exportStrings], TrainExportBody);
