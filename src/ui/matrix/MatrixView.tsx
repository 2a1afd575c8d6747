// A matrix of the lesson, read from the store and wired to focus, hover and editing.
import { Suspense, lazy, useCallback } from 'react';
import type { MatrixName } from '../../core/index.ts';
import { editableName } from '../../store/store.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { gridFrame } from './gridFrame.ts';
import { drawnAsHeatmap } from './heatDraw.ts';
import { MatrixGrid } from './MatrixGrid.tsx';

/** A heatmap (a grid too large for cells with numbers) comes in a chunk of its own: the first screen's lessons have none. */
const MatrixCanvas = lazy(() => import('./MatrixCanvas.tsx').then((m) => ({ default: m.MatrixCanvas })));

const EMPTY: ReadonlySet<string> = new Set();

/** The grid of one lesson matrix, or its heatmap past the grid's 12 × 12. */
export function MatrixView({ name }: { name: MatrixName }) {
  const store = useAppStore();
  const select = useSelectors();
  const i18n = useI18n();
  const { cellName } = i18n;
  const conv = useApp((s) => s.config.convention);
  const rule = useApp((s) => select.graph(s).rule(name));
  const sizes = useApp((s) => select.ctx(s).sizes);
  const values = useApp((s) => select.values(s, name));
  const finalValues = useApp((s) => select.finalValues(s, name));
  const highlights = useApp((s) => select.highlights(s)[name] ?? EMPTY);
  const termHighlights = useApp((s) => select.termHighlights(s)[name] ?? EMPTY);
  const linked = useApp((s) => select.linked(s)[name] ?? EMPTY);
  const reads = useApp((s) => select.stepReads(s)[name] ?? EMPTY);
  const writes = useApp((s) => select.stepWrites(s)[name] ?? EMPTY);
  const activeR = useApp((s) => {
    const a = select.explained(s);
    return a && a.m === name ? a.r : -1;
  });
  const activeC = useApp((s) => {
    const a = select.explained(s);
    return a && a.m === name ? a.c : -1;
  });
  const editable = useApp((s) => editableName(select, s, name) !== null);
  // Cells an exercise hides until it is answered.
  const hidden = useApp((s) => select.quiz.hidden(s)[name]);

  const onFocusCell = useCallback((r: number, c: number) => store.getState().setFocus({ m: name, r, c }), [store, name]);
  const onHoverCell = useCallback((cell: { r: number; c: number } | null) => store.getState().setHover(cell ? { m: name, ...cell } : null), [store, name]);
  const onEscape = useCallback(() => store.getState().setFocus(null), [store]);
  const onEdit = useCallback((r: number, c: number, text: string) => store.getState().editCell({ m: name, r, c }, text), [store, name]);
  const layoutOf = rule?.layout;
  const nameOf = useCallback((r: number, c: number) => cellName({ m: name, r, c }, layoutOf), [cellName, name, layoutOf]);
  if (!rule) return null;

  const { label, badge, rows, cols, rowAxis, colAxis, integer, unused } = gridFrame(rule, conv, sizes, i18n);
  const heat = drawnAsHeatmap(rows, cols);
  const Draw = heat ? MatrixCanvas : MatrixGrid;

  const drawn = (
    <Draw
      name={name}
      label={label}
      cellName={nameOf}
      badge={badge}
      rows={rows}
      cols={cols}
      values={values}
      scaleValues={finalValues}
      rowAxis={rowAxis}
      colAxis={colAxis}
      editable={editable}
      integer={integer}
      active={activeR >= 0 ? { r: activeR, c: activeC } : null}
      highlights={highlights}
      termHighlights={termHighlights}
      linked={linked}
      reads={reads}
      writes={writes}
      muted={unused ? 'all' : hidden}
      mutedText={!unused && hidden ? i18n.t('grid.cell.hidden') : undefined}
      onFocusCell={onFocusCell}
      onHoverCell={onHoverCell}
      onEdit={editable ? onEdit : undefined}
      onEscape={onEscape}
    />
  );
  // While its chunk arrives, a heatmap's place shows its name and shape.
  return heat ? <Suspense fallback={<figure className="matrix heat-loading" aria-busy="true"><figcaption>{label} {badge}</figcaption></figure>}>{drawn}</Suspense> : drawn;
}
