// The Export dialog's body, a chunk of its own (fetched when the dialog first opens): the flavour, what the program
// does, the program itself (core's pythonProgram of the lesson) in [data-export-code], and its Copy and Download
// buttons; then, apart, the lesson as a LaTeX document to download (LatexExport.tsx) and as a picture (PictureExport.tsx).
import { useEffect, useId, useMemo, useState } from 'react';
// From their own modules, not core's index: imported from the index, the exporters would be bundled with what the
// first screen loads (the index is shared with it), rather than in this chunk.
import { EXPORT_FLAVOURS, type ExportFlavour } from '../../core/export/flavours.ts';
import { pythonFileName, pythonProgram } from '../../core/export/python.ts';
import { copyText } from '../clipboard.ts';
import { saveBlob } from '../download.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { LatexExport } from './LatexExport.tsx';
import { PictureExport } from './PictureExport.tsx';

/** The command that runs a program, as the dialog tells it. */
const RUN = (file: string) => `python3 ${file}`;

/** The dialog's body: the flavour, what the program does, the program, and its Copy and Download buttons. */
export default function ExportBody({ flavour }: { flavour: ExportFlavour }) {
  const { t } = useI18n();
  const store = useAppStore();
  const select = useSelectors();
  const ctx = useApp((s) => select.ctx(s));
  // Core writes the program; it is remade only when the lesson or the flavour changes.
  const program = useMemo(() => pythonProgram(ctx, flavour), [ctx, flavour]);
  const file = pythonFileName(ctx, flavour);
  const [said, setSaid] = useState('');
  const codeId = useId();
  useEffect(() => setSaid(''), [flavour, program]);
  const copy = async () => setSaid(t((await copyText(program)) ? 'export.copied' : 'export.manual'));
  const download = () => {
    saveBlob(new Blob([program], { type: 'text/x-python' }), file);
    setSaid(t('file.saved', { file }));
  };
  return (
    <>
      <fieldset className="export-flavours">
        <legend>{t('export.flavour')}</legend>
        {EXPORT_FLAVOURS.map((f) => (
          <label key={f} className={f === flavour ? 'seg on' : 'seg'}>
            <input type="radio" name={`${codeId}-flavour`} value={f} data-choice="export" checked={f === flavour} onChange={() => store.getState().openExport(f)} /> {t(`export.flavour.${f}`)}
          </label>
        ))}
      </fieldset>
      <p>{t(`export.about.${flavour}`, { convention: ctx.convention })}</p>
      <p className="muted-text">{t('export.run', { command: RUN(file) })}</p>
      <div className="export-actions">
        <button type="button" onClick={() => void copy()}>
          {t('export.copy')}
        </button>
        <button type="button" onClick={download}>
          {t('export.download', { file })}
        </button>
        <span role="status" className="muted-text">
          {said}
        </span>
      </div>
      <pre className="export-code" tabIndex={0} aria-label={t('export.code', { flavour: t(`export.flavour.${flavour}`) })} id={codeId}>
        <code data-export-code={flavour}>{program}</code>
      </pre>
      <LatexExport />
      <PictureExport />
    </>
  );
}
