// The parts every exported program is shown with: the choice of flavour, and the program itself in
// [data-export-code] with its Copy and Download buttons and what became of them. The Export dialog shows the
// lesson's program with them (ExportBody.tsx), the training view a run's script (ui/train/TrainExportBody.tsx).
import { useEffect, useId, useState } from 'react';
import { EXPORT_FLAVOURS, type ExportFlavour } from '../../core/export/flavours.ts';
import { copyText } from '../clipboard.ts';
import { saveBlob } from '../download.ts';
import { useI18n } from '../storeContext.tsx';

/** The command that runs a program, as the app tells it. */
export const runCommand = (file: string): string => `python3 ${file}`;

/** The flavours as a row of radio buttons; `choice` is the data-choice hook tests find them by. */
export function FlavourChoice({ flavour, choice, onChoose }: { flavour: ExportFlavour; choice: string; onChoose(f: ExportFlavour): void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="export-flavours">
      <legend>{t('export.flavour')}</legend>
      {EXPORT_FLAVOURS.map((f) => (
        <label key={f} className={f === flavour ? 'seg on' : 'seg'}>
          <input type="radio" name={`${name}-flavour`} value={f} data-choice={choice} checked={f === flavour} onChange={() => onChoose(f)} /> {t(`export.flavour.${f}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** A program's Copy and Download buttons, what became of them, and the program in a focusable block marked [data-export-code={hook}]. */
export function CodeExport({ program, file, hook, label }: { program: string; file: string; hook: string; label: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(''), [program]);
  const copy = async () => setSaid(t((await copyText(program)) ? 'export.copied' : 'export.manual'));
  const download = () => {
    saveBlob(new Blob([program], { type: 'text/x-python' }), file);
    setSaid(t('file.saved', { file }));
  };
  return (
    <>
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
      <pre className="export-code" tabIndex={0} aria-label={label}>
        <code data-export-code={hook}>{program}</code>
      </pre>
    </>
  );
}
