// Editing a cell of a heatmap, as a grid's cell is edited (MatrixGrid): Enter or F2 (or a typed digit, or a double
// click, or the derivation panel's Edit button through the app's cell editors) opens a field over the cell; Enter
// keeps a valid value, Escape cancels, and a refused one stays open with the grid's message, naming the cell.
import { useCallback, useEffect, useRef } from 'react';
import type { MatrixName } from '../../core/index.ts';
import type { EditResult } from '../../store/store.ts';
import { useI18n } from '../storeContext.tsx';
import { useCellEditors } from './cellEditors.tsx';
import { type CellEditing, useCellEditing } from './cellEditing.ts';

/** The cell being edited, the text typed, and why it was refused, if it was. */
export type HeatEditing = CellEditing;

/** What the heatmap gives its editor. */
export interface HeatEditOptions {
  name: MatrixName;
  editable: boolean;
  values: ArrayLike<number>;
  cols: number;
  onEdit?: (r: number, c: number, text: string) => EditResult;
  /** Moves the heatmap's focused cell to the one opened. */
  onOpen: (r: number, c: number) => void;
  /** Gives the keyboard back to the heatmap once an editor closes by Enter or Escape. */
  onClosed: () => void;
}

/** The heatmap's editor: its state, and the actions its keys, pointer and the panel's Edit button use. */
export function useHeatEditor(o: HeatEditOptions) {
  const { name, editable, values, cols, onEdit, onOpen, onClosed } = o;
  const { editing, start, commit, cancel, setText } = useCellEditing(onEdit, onClosed);
  const can = editable && !!onEdit;
  const open = useCallback(
    (r: number, c: number, text?: string) => {
      if (!can) return false;
      onOpen(r, c);
      start(r, c, text ?? String(values[r * cols + c]));
      return true;
    },
    [can, onOpen, start, values, cols],
  );

  // The derivation panel's Edit button (the way to edit on a touch screen) opens this heatmap's editor too.
  const editors = useCellEditors();
  useEffect(() => {
    if (!editors || !can) return;
    return editors.register(name, (r, c) => void open(r, c));
  }, [editors, can, name, open]);

  return { editing, can, open, commit, cancel, setText };
}

/** The field over the edited cell (its refusal, worded as a grid's, is shown under the heatmap, as `errorId`). */
export function HeatEditor({ editing, cell, at, errorId, onText }: { editing: HeatEditing; cell: string; at: { left: number; top: number }; errorId: string; onText: (text: string) => void }) {
  const { t } = useI18n();
  const field = useRef<HTMLInputElement>(null);
  // The old value selected, so what is typed replaces it; a typed digit that opened the editor stays, caret after it.
  const { r, c } = editing;
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    if (el.value.length > 1) el.select();
  }, [r, c]);
  return (
    <input
      ref={field}
      className="heat-input"
      style={at}
      aria-label={t('grid.cell.edit', { cell })}
      aria-invalid={editing.error !== null}
      aria-describedby={editing.error ? errorId : undefined}
      value={editing.text}
      onChange={(e) => onText(e.target.value)}
    />
  );
}
