// A matrix of the lesson, read from the store and wired to focus, hover and editing.
import { useCallback } from 'react';
import { matrixDims, matrixLabel, matrixValues, type MatrixName } from '../../core/index.ts';
import { cellShape } from '../../store/url.ts';
import { editableName, type AppState } from '../../store/store.ts';
import { useApp, useAppStore } from '../storeContext.tsx';
import { axesOf } from './axes.ts';
import { MatrixGrid } from './MatrixGrid.tsx';

/** Values of a displayed matrix, from the store's inputs and outputs, or the player's snapshot part-way. */
export function selectValues(s: AppState, m: MatrixName): ArrayLike<number> {
  if (s.snapshot && m !== 'x' && m !== 'W' && m !== 'b' && m !== 'target') return s.snapshot[m];
  return selectFinalValues(s, m);
}

/** Values of a displayed matrix in the complete lesson, whatever the player's step (L kept as one stable array). */
export function selectFinalValues(s: AppState, m: MatrixName): ArrayLike<number> {
  return m === 'L' ? s.lossCell : matrixValues(s.ctx, m);
}

const EMPTY: ReadonlySet<string> = new Set();

/** The grid of one lesson matrix. */
export function MatrixView({ name }: { name: MatrixName }) {
  const store = useAppStore();
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const B = useApp((s) => s.config.B);
  const N = useApp((s) => s.config.N);
  const T = useApp((s) => s.config.T);
  const values = useApp((s) => selectValues(s, name));
  const finalValues = useApp((s) => selectFinalValues(s, name));
  const highlights = useApp((s) => s.highlights[name] ?? EMPTY);
  const termHighlights = useApp((s) => s.termHighlights[name] ?? EMPTY);
  const linked = useApp((s) => s.linked[name] ?? EMPTY);
  const reads = useApp((s) => s.stepReads[name] ?? EMPTY);
  const writes = useApp((s) => s.stepWrites[name] ?? EMPTY);
  const activeR = useApp((s) => {
    const a = s.hover ?? s.focus;
    return a && a.m === name ? a.r : -1;
  });
  const activeC = useApp((s) => {
    const a = s.hover ?? s.focus;
    return a && a.m === name ? a.c : -1;
  });
  const classTargets = name === 'target' && loss === 'softmax-ce';
  const [rows, cols] = cellShape(name, conv, { B, N, T }, loss);
  const dims = classTargets ? ['1', 'B'] : matrixDims(conv, name);
  const badge = `[${dims[0]}×${dims[1]}] = [${rows}×${cols}]`;
  const axes = axesOf(conv, name, classTargets);
  const editable = editableName(name, loss) !== null;
  const label = classTargets ? 'target class' : matrixLabel(name);

  const onFocusCell = useCallback((r: number, c: number) => store.getState().setFocus({ m: name, r, c }), [store, name]);
  const onHoverCell = useCallback((cell: { r: number; c: number } | null) => store.getState().setHover(cell ? { m: name, ...cell } : null), [store, name]);
  const onEdit = useCallback((r: number, c: number, text: string) => store.getState().editCell({ m: name, r, c }, text), [store, name]);

  return (
    <MatrixGrid
      name={name}
      label={label}
      badge={name === 'L' ? (loss === 'upstream' ? 'not used' : 'scalar') : badge}
      rows={rows}
      cols={cols}
      values={values}
      scaleValues={finalValues}
      rowAxis={axes.rows}
      colAxis={axes.cols}
      editable={editable}
      integer={classTargets}
      active={activeR >= 0 ? { r: activeR, c: activeC } : null}
      highlights={highlights}
      termHighlights={termHighlights}
      linked={linked}
      reads={reads}
      writes={writes}
      muted={name === 'L' && loss === 'upstream' ? 'all' : undefined}
      onFocusCell={onFocusCell}
      onHoverCell={onHoverCell}
      onEdit={editable ? onEdit : undefined}
    />
  );
}
