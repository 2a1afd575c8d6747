// One cell of a matrix grid: its value, heat colour and marks, or its editor.
import { memo } from 'react';


/** What a cell shows. */
export interface CellProps {
  r: number;
  c: number;
  value: number;
  text: string;
  ariaLabel: string;
  bg: string;
  fg: string;
  tabbable: boolean;
  active: boolean;
  dep: boolean;
  term: boolean;
  read: boolean;
  written: boolean;
  muted: boolean;
  /** Muted by the grid's owner (an exercise hides it, or the matrix is unused), not for want of a value. */
  hidden: boolean;
  editing: { text: string; error: string | null } | null;
  editable: boolean;
  errorId: string;
  editLabel: string;
  onEditText: (t: string) => void;
}

/** A grid cell, redrawn only when what it shows changes. */
export const Cell = memo(function Cell(p: CellProps) {
  const cls = ['cell'];
  if (p.value < 0) cls.push('neg');
  if (p.active) cls.push('active');
  if (p.dep) cls.push('dep');
  if (p.term) cls.push('term');
  if (p.read) cls.push('reads');
  if (p.written) cls.push('writes');
  if (p.muted) cls.push('muted');
  if (p.editable) cls.push('editable');
  // Long numbers (−0.000611, 1.23e−5) are set smaller so they fit the cell.
  if (p.text.length > 6) cls.push(`len-${Math.min(p.text.length, 9)}`);
  return (
    <div
      role="gridcell"
      aria-colindex={p.c + 1}
      aria-label={p.ariaLabel}
      aria-selected={p.active}
      aria-readonly={!p.editable}
      data-r={p.r}
      data-c={p.c}
      data-value={p.muted ? '' : String(p.value)}
      data-hidden={p.hidden || undefined}
      tabIndex={p.tabbable ? 0 : -1}
      className={cls.join(' ')}
      style={p.muted ? undefined : { background: p.bg, color: p.fg }}
    >
      {p.editing ? (
        <input
          className="cell-input"
          autoFocus
          aria-label={p.editLabel}
          aria-invalid={p.editing.error !== null}
          aria-describedby={p.editing.error ? p.errorId : undefined}
          value={p.editing.text}
          onChange={(e) => p.onEditText(e.target.value)}
        />
      ) : (
        <span className="heat-text" aria-hidden="true">
          {p.muted ? '' : p.text}
        </span>
      )}
    </div>
  );
});

