// Buttons that make a file and save it through the browser's download, with one status line saying what became of
// it: "Saved as backprop-row-mse-identity.svg." or why there is no file. The Export dialog's LaTeX document and
// pictures, the sparsity pattern's PNG and the loss curve's PNG all use it.
import { useRef, useState } from 'react';
import { saveBlob } from './download.ts';
import { useI18n } from './storeContext.tsx';

/** A file made to be saved. */
export interface MadeFile {
  blob: Blob;
  file: string;
}

/** One button: its text (its accessible name), how it makes its file, and what to say when it cannot. */
export interface SaveAction {
  label: string;
  /**
   * Makes the file when the button is pressed: at once, or later (a PNG drawn on a canvas). Null, a rejection or
   * a throw is a failure, and the status line says `failed`.
   */
  make: () => MadeFile | null | Promise<MadeFile | null>;
  failed: string;
}

/** Buttons side by side, and their one status line (role="status", announced politely). */
export function SaveFiles({ actions, className = 'save-file' }: { actions: readonly SaveAction[]; className?: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  // The last press wins: a slow picture that finishes after another press does not overwrite its message.
  const press = useRef(0);
  const save = ({ make, failed }: SaveAction) => {
    const k = ++press.current;
    const done = (made: MadeFile | null) => {
      if (k !== press.current) return;
      if (!made) return setSaid(failed);
      saveBlob(made.blob, made.file);
      setSaid(t('file.saved', { file: made.file }));
    };
    let made: ReturnType<SaveAction['make']>;
    try {
      made = make();
    } catch {
      return done(null);
    }
    // A file made at once is saved within the press itself.
    if (made instanceof Promise) made.then(done, () => done(null));
    else done(made);
  };
  return (
    <span className={className}>
      {actions.map((a) => (
        <button key={a.label} type="button" onClick={() => save(a)}>
          {a.label}
        </button>
      ))}
      <span role="status" className="muted-text">
        {said}
      </span>
    </span>
  );
}

/** One such button and its status line. */
export function SaveFile({ className, ...action }: SaveAction & { className?: string }) {
  return <SaveFiles actions={[action]} className={className} />;
}
