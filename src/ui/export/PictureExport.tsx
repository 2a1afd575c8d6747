// The Export dialog's picture part: the lesson as it is on screen (its grids with their labels, shapes and
// numbers, and the derivation of the explained cell) as a self-contained SVG, or as a PNG at twice the CSS pixels.
// Both are drawn from the store's data (lessonPicture.ts, lessonSvg.ts), not copied from the page.
import { useId } from 'react';
import { lessonPictureFileName } from '../../core/export/fileName.ts';
import { SaveFiles } from '../SaveFile.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { lessonPicture } from './lessonPicture.ts';
import { lessonSvg } from './lessonSvg.ts';

/** The PNG's pixels per CSS pixel. */
export const PNG_DENSITY = 2;

/** A heading, what the pictures hold, and their two buttons with one status line. */
export function PictureExport() {
  const i18n = useI18n();
  const { t } = i18n;
  const store = useAppStore();
  const select = useSelectors();
  const svgFile = useApp((s) => lessonPictureFileName(s.config, 'svg'));
  const pngFile = useApp((s) => lessonPictureFileName(s.config, 'png'));
  const headingId = useId();
  // Drawn when asked for, from the lesson as it is then.
  const picture = () => lessonSvg(lessonPicture(store.getState(), select, i18n));
  const failed = t('export.picture.failed');
  const actions = [
    { label: t('export.picture.svg'), failed, make: () => ({ blob: new Blob([picture().svg], { type: 'image/svg+xml' }), file: svgFile }) },
    {
      label: t('export.picture.png', { density: PNG_DENSITY }),
      failed,
      make: async () => {
        const p = picture();
        // Its own chunk, fetched when first asked for: the first screen has no use for it.
        const { svgPng } = await import('../svgPng.ts');
        const blob = await svgPng(p.svg, p.width, p.height, PNG_DENSITY);
        return blob && { blob, file: pngFile };
      },
    },
  ];
  return (
    <section className="export-picture" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('export.picture.heading')}</h3>
      <p className="muted-text">{t('export.picture.about', { svg: svgFile, png: pngFile, density: PNG_DENSITY })}</p>
      <SaveFiles className="export-actions" actions={actions} />
    </section>
  );
}
