// One matrix as an ARIA grid heatmap: values to three significant digits,
// index labels, a shape badge, roving keyboard focus and in-place editing.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MatrixName } from '../../core/index.ts';
import type { EditResult } from '../../store/store.ts';
import { useCoarsePointer } from '../media.ts';
import { useI18n } from '../storeContext.tsx';
import type { Axis } from './axes.ts';
import { gridMove } from './gridKeys.ts';
import { heatScale } from './colour.ts';
import { gridText } from './gridFrame.ts';
import { useCellEditors } from './cellEditors.tsx';
import { useCellEditing } from './cellEditing.ts';
import { Cell } from './MatrixCell.tsx';
import { isHidden } from './muted.ts';

export interface MatrixGridProps {
  name: MatrixName;
  /** Plain-text label, e.g. 'dL/dW'. */
  label: string;
  /** How cell (r, c) is named, as everywhere else in the app: 'dL/dW[1,0]'. */
  cellName: (r: number, c: number) => string;
  /** Shape badge, e.g. '[N×T] = [3×2]'. */
  badge: string;
  rows: number;
  cols: number;
  /** Row-major values. */
  values: ArrayLike<number>;
  /** Values the colour scale spans (default: values); the player passes the final ones so colours hold still. */
  scaleValues?: ArrayLike<number>;
  rowAxis: Axis;
  colAxis: Axis;
  editable: boolean;
  /** Values to show as whole numbers (class indices). */
  integer?: boolean;
  /** The cell being explained, when it is in this grid. */
  active?: { r: number; c: number } | null;
  /** Cells the explained value depends on, as 'r,c'. */
  highlights?: ReadonlySet<string>;
  /** Factor cells of the hovered term, as 'r,c'. */
  termHighlights?: ReadonlySet<string>;
  /** Cells pointed at from another view, outlined the same way, as 'r,c'. */
  linked?: ReadonlySet<string>;
  /** Cells to show as not computed, as 'r,c', or 'all'. NaN values are shown that way too. */
  muted?: ReadonlySet<string> | 'all';
  /** What a cell in `muted` is said to be, when not 'not computed yet' (an exercise hides it until answered). */
  mutedText?: string;
  /** Cells the player's current step reads, and writes. */
  reads?: ReadonlySet<string>;
  writes?: ReadonlySet<string>;
  onFocusCell?: (r: number, c: number) => void;
  onHoverCell?: (cell: { r: number; c: number } | null) => void;
  onEdit?: (r: number, c: number, text: string) => EditResult;
}

const key = (r: number, c: number) => `${r},${c}`;

/** A matrix heatmap with ARIA grid semantics. */
export function MatrixGrid(props: MatrixGridProps) {
  const { t, fmt } = useI18n();
  const { name, label, rows, cols, values, editable, active, highlights, termHighlights, muted, integer, reads, writes } = props;
  const { onFocusCell, onHoverCell, onEdit } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ r: 0, c: 0 });
  const errorSuffix = useId();
  const touch = useCoarsePointer();
  const scaleValues = props.scaleValues ?? values;
  const colour = useMemo(() => heatScale(scaleValues), [scaleValues]);
  // Text, six-digit value and colours depend on the values alone: worked out once per values array,
  // not on every hover (at 12×12 a grid re-renders 144 cells when its highlights change).
  const { cellName, mutedText } = props;
  const shown = useMemo(
    () =>
      Array.from(values, (v, k) => {
        const text = gridText(fmt, v, integer);
        const precise = integer ? fmt.integer(v) : fmt.text(v, 6);
        // The accessible name carries six digits, and the visible text too when rounding changed it.
        const spoken = precise === text ? precise : t('grid.cell.rounded', { precise, shown: text });
        const cell = cellName(Math.floor(k / cols), k % cols);
        const pending = t('grid.cell', { cell, value: t('grid.cell.pending') });
        // A cell its owner hides is said to be what the owner says (hidden until answered), else not computed yet.
        const hidden = mutedText === undefined ? pending : t('grid.cell', { cell, value: mutedText });
        return { text, cell, label: t('grid.cell', { cell, value: spoken }), pending, hidden, ...colour(v) };
      }),
    [values, integer, colour, fmt, t, cellName, cols, mutedText],
  );
  const errorId = `${name}-edit-error${errorSuffix}`;
  const rp = Math.min(pos.r, rows - 1), cp = Math.min(pos.c, cols - 1);

  // The pointer that last came over or pressed the grid. A tap is followed by mouse events the browser makes up
  // for pages that know no touch: its mouseover must not open the panel over the cell before the mousedown lands.
  const pointer = useRef<string | null>(null);
  const notePointer = (e: { pointerType: string }) => {
    pointer.current = e.pointerType;
  };
  const touched = () => pointer.current === 'touch' || pointer.current === 'pen';
  /** Scrolls a cell clear of the panel that sticks to the bottom of a phone's screen (html's scroll-padding), once it is there. */
  const clearOfPanel = (el: Element | null, then?: () => void) =>
    requestAnimationFrame(() => {
      el?.scrollIntoView?.({ block: 'nearest' });
      then?.();
    });

  const focusCell = useCallback((r: number, c: number) => {
    setPos({ r, c });
    const el = ref.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
    el?.focus();
  }, []);
  // The cell edited, if one is; Enter and Escape give its cell the keyboard back once its editor has gone.
  const { editing, start, commit, cancel, setText: onEditText } = useCellEditing(onEdit, focusCell);

  // The derivation panel's Edit button opens this grid's editors (a phone has no Enter key and no double click).
  const editors = useCellEditors();
  useEffect(() => {
    if (!editors || !editable || !onEdit) return;
    return editors.register(name, (r, c) => {
      setPos({ r, c });
      start(r, c, String(values[r * cols + c]));
      // The old value is selected, so what is typed replaces it (a phone's keyboard has no easy select-all).
      const el = ref.current?.querySelector(`[data-r="${r}"][data-c="${c}"]`) ?? null;
      clearOfPanel(el, () => el?.querySelector('input')?.select());
    });
  }, [editors, editable, onEdit, name, values, cols, start]);


  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) {
      if (e.key === 'Enter') {
        e.preventDefault();
        commit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      }
      e.stopPropagation();
      return;
    }
    const to = gridMove(e.key, e.ctrlKey, { r: rp, c: cp }, rows, cols);
    if (to) {
      e.preventDefault();
      e.stopPropagation();
      focusCell(to.r, to.c);
      return;
    }
    if (editable && onEdit && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      e.stopPropagation();
      start(rp, cp, String(values[rp * cols + cp]));
    } else if (editable && onEdit && e.key.length === 1 && /[-\d.+−]/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      start(rp, cp, e.key);
    }
  };

  const cellFromEvent = (target: EventTarget | null): { r: number; c: number } | null => {
    const el = (target as HTMLElement | null)?.closest?.('[role="gridcell"]') as HTMLElement | null;
    if (!el || !ref.current?.contains(el)) return null;
    return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
  };

  const body = [];
  for (let r = 0; r < rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      const v = values[r * cols + c];
      const k = key(r, c);
      const { text, cell, label: named, pending, hidden: hiddenName, bg, fg } = shown[r * cols + c];
      const hidden = isHidden(muted, cols, r * cols + c);
      const isMuted = hidden || Number.isNaN(v);
      const ariaLabel = hidden ? hiddenName : isMuted ? pending : named;
      const ed = editing && editing.r === r && editing.c === c ? { text: editing.text, error: editing.error } : null;
      cells.push(
        <Cell
          key={k}
          r={r}
          c={c}
          value={v}
          text={text}
          ariaLabel={ariaLabel}
          bg={bg}
          fg={fg}
          tabbable={r === rp && c === cp}
          active={!!active && active.r === r && active.c === c}
          dep={highlights?.has(k) ?? false}
          term={(termHighlights?.has(k) ?? false) || (props.linked?.has(k) ?? false)}
          read={reads?.has(k) ?? false}
          written={writes?.has(k) ?? false}
          muted={isMuted}
          hidden={hidden}
          editing={ed}
          editable={editable}
          errorId={errorId}
          editLabel={ed ? t('grid.cell.edit', { cell }) : ''}
          onEditText={onEditText}
        />,
      );
    }
    body.push(
      <div role="row" aria-rowindex={r + 1} className="grid-row" key={r}>
        {rows > 1 && (
          <span className="row-label" aria-hidden="true">
            {r}
          </span>
        )}
        {cells}
      </div>,
    );
  }

  return (
    <figure className={`matrix matrix-${name}`}>
      <figcaption>
        <span className="matrix-label">{label}</span> <span className="badge">{props.badge}</span>
      </figcaption>
      <div
        ref={ref}
        role="grid"
        data-matrix={name}
        aria-label={[
          t('grid.label', { label, rows, cols }),
          rows > 1 && props.rowAxis ? t(`grid.rowsAre.${props.rowAxis}`) : '',
          cols > 1 && props.colAxis ? t(`grid.colsAre.${props.colAxis}`) : '',
          editable ? t(touch ? 'grid.editHint.touch' : 'grid.editHint') : '',
        ]
          .filter(Boolean)
          .join(' ')}
        aria-rowcount={rows}
        aria-colcount={cols}
        className="grid"
        style={{ ['--cols' as string]: cols, ['--rows' as string]: rows }}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const cell = cellFromEvent(e.target);
          if (cell) {
            setPos(cell);
            onFocusCell?.(cell.r, cell.c);
            if (touched()) clearOfPanel(e.target);
          }
        }}
        onPointerOver={notePointer}
        onPointerDown={notePointer}
        onMouseOver={(e) => {
          if (!touched()) onHoverCell?.(cellFromEvent(e.target));
        }}
        onMouseLeave={() => {
          if (!touched()) onHoverCell?.(null);
        }}
        onDoubleClick={(e) => {
          const cell = cellFromEvent(e.target);
          if (cell && editable && onEdit) start(cell.r, cell.c, String(values[cell.r * cols + cell.c]));
        }}
        onBlur={(e) => {
          // Leaving an editor with a valid value keeps it; an invalid one stays open with its message.
          if (editing && !ref.current?.contains(e.relatedTarget as Node | null)) commit(false);
        }}
      >
        {cols > 1 && (
          <div className="col-labels" aria-hidden="true">
            {rows > 1 && (
              <span className="corner">
                {props.rowAxis ?? ''}\{props.colAxis ?? ''}
              </span>
            )}
            {Array.from({ length: cols }, (_, c) => (
              <span key={c}>{c}</span>
            ))}
          </div>
        )}
        {body}
      </div>
      {editing?.error && (
        <p id={errorId} className="edit-error" role="alert">
          {t('grid.edit.refused', { cell: props.cellName(editing.r, editing.c), problem: editing.error })}
        </p>
      )}
    </figure>
  );
}
