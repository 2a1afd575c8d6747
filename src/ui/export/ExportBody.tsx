// The Export dialog's body, a chunk of its own (fetched when the dialog first opens): the flavour, what the program
// does, the program itself (core's pythonProgram of the lesson) in [data-export-code], and its Copy and Download
// buttons (CodeExport.tsx); then, apart, the lesson as a LaTeX document to download (LatexExport.tsx) and as a
// picture (PictureExport.tsx).
import { useMemo } from 'react';
// From their own modules, not core's index: imported from the index, the exporters would be bundled with what the
// first screen loads (the index is shared with it), rather than in this chunk.
import type { ExportFlavour } from '../../core/export/flavours.ts';
import { pythonFileName, pythonProgram } from '../../core/export/python.ts';
import { useApp, useAppStore, useI18n, useSelectors, withStrings } from '../storeContext.tsx';
import { CodeExport, FlavourChoice, runCommand } from './CodeExport.tsx';
import { LatexExport } from './LatexExport.tsx';
import { PictureExport } from './PictureExport.tsx';
import { exportStrings } from '../strings/en/lazy/export.ts';

/** The dialog's body: the flavour, what the program does, the program, and its Copy and Download buttons. */
function ExportBody({ flavour }: { flavour: ExportFlavour }) {
  const { t } = useI18n();
  const store = useAppStore();
  const select = useSelectors();
  const ctx = useApp((s) => select.ctx(s));
  // Core writes the program; it is remade only when the lesson or the flavour changes.
  const program = useMemo(() => pythonProgram(ctx, flavour), [ctx, flavour]);
  const file = pythonFileName(ctx, flavour);
  return (
    <>
      <FlavourChoice flavour={flavour} choice="export" onChoose={(f) => store.getState().openExport(f)} />
      <p>{t(`export.about.${flavour}`, { convention: ctx.convention })}</p>
      <p className="muted-text">{t('export.run', { command: runCommand(file) })}</p>
      <CodeExport program={program} file={file} hook={flavour} label={t('export.code', { flavour: t(`export.flavour.${flavour}`) })} />
      <LatexExport />
      <PictureExport />
    </>
  );
}

export default withStrings([exportStrings], ExportBody);
