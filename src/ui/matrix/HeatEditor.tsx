// Editing a cell of a heatmap, as a grid's cell is edited (MatrixGrid): Enter or F2 (or a typed digit, or a double
// click, or the derivation panel's Edit button through the app's cell editors) opens a field over the cell; Enter
// keeps a valid value, Escape cancels, and a refused one stays open with the grid's message, naming the cell.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MatrixName } from '../../core/index.ts';
import type { EditResult } from '../../store/store.ts';
import { useI18n } from '../storeContext.tsx';
import { useCellEditors } from './cellEditors.tsx';

/** The cell being edited, the text typed, and why it was refused, if it was. */
export interface HeatEditing {
  r: number;
  c: number;
  text: string;
  error: string | null;
}

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
  const { msg } = useI18n();
  const { name, editable, values, cols, onEdit, onOpen, onClosed } = o;
  const [editing, setEditing] = useState<HeatEditing | null>(null);
  const can = editable && !!onEdit;
  const open = useCallback(
    (r: number, c: number, text?: string) => {
      if (!can) return false;
      onOpen(r, c);
      setEditing({ r, c, text: text ?? String(values[r * cols + c]), error: null });
      return true;
    },
    [can, onOpen, values, cols],
  );
  // Focus goes back to the heatmap after the editor has gone, not while its field still holds it.
  const giveBack = useRef(false);
  useEffect(() => {
    if (editing || !giveBack.current) return;
    giveBack.current = false;
    onClosed();
  }, [editing, onClosed]);
  const commit = useCallback(
    (thenFocus: boolean) => {
      if (!editing || !onEdit) return;
      const res = onEdit(editing.r, editing.c, editing.text);
      if (res.ok) {
        giveBack.current = thenFocus;
        setEditing(null);
      } else setEditing({ ...editing, error: msg(res.message) });
    },
    [editing, onEdit, msg],
  );
  const cancel = useCallback(() => {
    giveBack.current = true;
    setEditing(null);
  }, []);
  const setText = useCallback((text: string) => setEditing((e) => (e ? { ...e, text } : e)), []);

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
