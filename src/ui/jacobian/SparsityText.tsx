// The words under the sparsity pattern: its legend, what is in view, how to
// move around it, and what the pointer or keyboard is on.
import type { EntryExplanation, Jacobian } from '../../core/index.ts';
import { useI18n } from '../storeContext.tsx';
import { entryLabel } from './EntryTable.tsx';
import { type Extent, type Viewport, visibleRange } from './viewport.ts';

/** What the pointer or keyboard is on: one entry, a region under a pixel, or nothing. */
export type Readout = { kind: 'entry'; r: number; c: number } | { kind: 'region'; r0: number; r1: number; c0: number; c1: number; count: number } | null;

/** The legend, the help (its id describes the canvas) and the live readout. */
export function SparsityText({ id, J, view, ext, readout, explained }: { id: string; J: Jacobian; view: Viewport; ext: Extent; readout: Readout; explained: EntryExplanation | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = i18n.fmt.integer;
  const vis = visibleRange(view, ext);
  const whole = vis.r0 === 0 && vis.c0 === 0 && vis.r1 === J.rows && vis.c1 === J.cols;
  const perPx = view.ry > 1 || view.cx > 1;
  const where = whole ? t('sparsity.whole') : t('sparsity.inView', { r0: fmt(vis.r0), r1: fmt(vis.r1 - 1), c0: fmt(vis.c0), c1: fmt(vis.c1 - 1) });
  const scale = perPx ? t('sparsity.perPixel', { r: fmt(Math.max(1, Math.round(view.ry))), c: fmt(Math.max(1, Math.round(view.cx))) }) : '';
  return (
    <>
      <p className="jac-legend" aria-hidden="true">
        <span className="jac-swatch zero" /> {t('sparsity.legend.zero')} <span className="jac-ramp" /> {t('sparsity.legend.ramp')}
      </p>
      <p id={id} className="jac-readout muted-text" data-testid="sparsity-readout">
        {where}
        {scale} {t('sparsity.help')}
      </p>
      <p className="jac-readout" aria-live="polite">
        {readout?.kind === 'region' &&
          t('sparsity.region', {
            r0: fmt(readout.r0),
            r1: fmt(readout.r1 - 1),
            c0: fmt(readout.c0),
            c1: fmt(readout.c1 - 1),
            count: fmt(readout.count),
            n: fmt((readout.r1 - readout.r0) * (readout.c1 - readout.c0)),
          })}
        {explained &&
          t(explained.structural ? 'sparsity.entry.on' : 'sparsity.entry.off', {
            r: fmt(explained.r),
            row: i18n.cellName(explained.yCell),
            c: fmt(explained.c),
            col: i18n.cellName(explained.paramCell),
            what: entryLabel(explained, i18n),
          })}
      </p>
    </>
  );
}
