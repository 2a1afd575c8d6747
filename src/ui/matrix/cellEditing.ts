// Editing one cell of a matrix view, shared by the grid (MatrixGrid) and the heatmap (HeatEditor): the cell being
// edited with the text typed; Enter keeps a valid value, a refused one stays open with its message, Escape cancels;
// and, once an editor closed by a key has gone, the keyboard goes back to the view.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { EditResult } from '../../store/store.ts';
import { useI18n } from '../storeContext.tsx';

/** The cell being edited, the text typed, and why it was refused, if it was. */
export interface CellEditing {
  r: number;
  c: number;
  text: string;
  error: string | null;
}

/**
 * The editing state of a matrix view. `onClosed` runs after an editor closed by Enter (`commit(true)`) or Escape
 * (`cancel`) has left the page, with the cell it edited; not when focus left on its own (`commit(false)`).
 */
export function useCellEditing(onEdit: ((r: number, c: number, text: string) => EditResult) | undefined, onClosed: (r: number, c: number) => void) {
  const { msg } = useI18n();
  const [editing, setEditing] = useState<CellEditing | null>(null);
  const closed = useRef<{ r: number; c: number } | null>(null);
  useLayoutEffect(() => {
    const f = closed.current;
    if (editing || !f) return;
    closed.current = null;
    onClosed(f.r, f.c);
  }, [editing, onClosed]);
  const start = useCallback((r: number, c: number, text: string) => setEditing({ r, c, text, error: null }), []);
  const commit = useCallback(
    (thenFocus: boolean) => {
      if (!editing || !onEdit) return;
      const res = onEdit(editing.r, editing.c, editing.text);
      if (res.ok) {
        if (thenFocus) closed.current = { r: editing.r, c: editing.c };
        setEditing(null);
      } else setEditing({ ...editing, error: msg(res.message) });
    },
    [editing, onEdit, msg],
  );
  const cancel = useCallback(() => {
    if (editing) closed.current = { r: editing.r, c: editing.c };
    setEditing(null);
  }, [editing]);
  const setText = useCallback((text: string) => setEditing((e) => (e ? { ...e, text } : e)), []);
  return { editing, start, commit, cancel, setText };
}
