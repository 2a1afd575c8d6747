// The Export dialog's LaTeX part, apart from the Python program: the lesson as a LaTeX document (core's
// lessonLatexDocument, written when asked for), downloaded under the lesson's name.
import { useId } from 'react';
import { latexFileName, lessonLatexDocument } from '../../core/export/latexDocument.ts';
import { SaveFile } from '../SaveFile.tsx';
import { wordingFor } from '../strings/catalogues.ts';
import { exportStrings } from '../strings/en/lazy/export.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';

/** A heading, what the document holds, its Download button and what became of it. */
export function LatexExport() {
  const { t } = useI18n();
  const locale = useApp((s) => s.locale);
  const store = useAppStore();
  const select = useSelectors();
  const file = useApp((s) => latexFileName(s.config));
  const headingId = useId();
  const make = () => {
    const ctx = select.ctx(store.getState());
    const words = wordingFor(locale)(exportStrings);
    return { blob: new Blob([lessonLatexDocument(ctx, (key) => words[`latex.doc.${key}`] ?? '')], { type: 'application/x-tex' }), file: latexFileName(ctx) };
  };
  return (
    <section className="export-latex" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.latex.heading')}</h3>
      <p className="muted-text">{t('export.latex.about', { file })}</p>
      <SaveFile className="export-actions" label={t('export.latex.download')} make={make} failed={t('export.failed')} />
    </section>
  );
}
