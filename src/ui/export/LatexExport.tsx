// The Export dialog's LaTeX part, apart from the Python program: the lesson as a LaTeX document (core's
// lessonLatexDocument, written when asked for), downloaded under the lesson's name.
import { useId, useState } from 'react';
import { latexFileName, lessonLatexDocument } from '../../core/export/latexDocument.ts';
import { saveBlob } from '../download.ts';
import { catalogueFor } from '../strings/catalogues.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';

/** A heading, what the document holds, its Download button and what became of it. */
export function LatexExport() {
  const { t } = useI18n();
  const locale = useApp((s) => s.locale);
  const store = useAppStore();
  const select = useSelectors();
  const file = useApp((s) => latexFileName(s.config));
  const [said, setSaid] = useState('');
  const headingId = useId();
  const download = () => {
    const ctx = select.ctx(store.getState());
    const name = latexFileName(ctx);
    const words = catalogueFor(locale);
    saveBlob(new Blob([lessonLatexDocument(ctx, (key) => words[`latex.doc.${key}`])], { type: 'application/x-tex' }), name);
    setSaid(t('export.downloaded', { file: name }));
  };
  return (
    <section className="export-latex" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.latex.heading')}</h3>
      <p className="muted-text">{t('export.latex.about', { file })}</p>
      <div className="export-actions">
        <button type="button" onClick={download}>
          {t('export.latex.download')}
        </button>
        <span role="status" className="muted-text">
          {said}
        </span>
      </div>
    </section>
  );
}
