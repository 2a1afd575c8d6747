// "Copy as LaTeX": the derivation on screen as LaTeX source (core's derivationLatex: an align* block of its lines and
// its matrix form) to the clipboard. Where the page may not write it, the source appears to select by hand.
import { useState } from 'react';
import type { Derivation } from '../../core/index.ts';
import { copyText } from '../clipboard.ts';
import { useApp, useI18n } from '../storeContext.tsx';

const cellText = (d: Derivation) => `${d.cell.m}:${d.cell.r},${d.cell.c}`;

/** What the last copy said, and for which cell: it is not said of another. */
interface Said {
  cell: string;
  text: string;
  /** The source to copy by hand, when the clipboard refused it. */
  source: string | null;
}

/** The button, its status line, and the source when the clipboard is not available. */
export function CopyLatex({ d }: { d: Derivation }) {
  const { t, fmt } = useI18n();
  const convention = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const [said, setSaid] = useState<Said | null>(null);
  const shown = said?.cell === cellText(d) ? said : null;
  const copy = async () => {
    // The LaTeX writer is fetched on the first copy: the panel is on the first screen, the writer is not needed there.
    const { derivationLatex } = await import('../../core/export/latex.ts');
    const source = derivationLatex({ convention, loss }, d, fmt);
    const ok = await copyText(source);
    setSaid({ cell: cellText(d), text: t(ok ? 'export.latex.copied' : 'export.latex.manual'), source: ok ? null : source });
  };
  return (
    <div className="derivation-actions">
      <button type="button" className="copy-latex" onClick={() => void copy()}>
        {t('export.latex.copy')}
      </button>
      <span role="status" className="muted-text">
        {shown?.text ?? ''}
      </span>
      {shown?.source && (
        <textarea className="latex-source" readOnly rows={6} value={shown.source} aria-label={t('export.latex.source')} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
