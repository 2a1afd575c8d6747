// A matrix too large for the DOM grid (past 12 rows or columns: the digits' 784 × 10 W) as a canvas heatmap in the
// grids' colours: one canvas of one pixel per cell, scaled up crisply, and one of marks over it at the screen's
// pixel density, redrawn alone when the highlights change. Pointer and keyboard explain any cell as the grid does,
// and edit one (HeatEditor.tsx) when the matrix is editable.
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useI18n } from '../storeContext.tsx';
import { heatScale } from './colour.ts';
import { gridMove } from './gridKeys.ts';
import { axisTicks, cellAtPoint, cellSize, heatPixels, isHidden, isMuted } from './heatDraw.ts';
import { HeatEditor, useHeatEditor } from './HeatEditor.tsx';
import { paintMarks } from './heatMarks.ts';
import type { MatrixGridProps } from './MatrixGrid.tsx';
import './heatmap.css';

/** The heatmap's props: the grid's, and what Escape does (lets the explained cell go). */
export type MatrixCanvasProps = MatrixGridProps & { onEscape?: () => void };

/** Room for the row and column tick labels, in CSS px. */
const PAD = { left: 30, top: 16 };
/** The editor field's width in CSS px (heatmap.css's .heat-input). */
const FIELD_PX = 112;

const context = (c: HTMLCanvasElement | null): CanvasRenderingContext2D | null => {
  try {
    return c?.getContext('2d') ?? null;
  } catch {
    return null;
  }
};

/** A matrix heatmap, focusable, with a live read-out of the keyboard's cell. */
export function MatrixCanvas(props: MatrixCanvasProps) {
  const { t, fmt } = useI18n();
  const { name, label, rows, cols, values, active, muted, onFocusCell, onHoverCell, onEscape, cellName } = props;
  const size = useMemo(() => cellSize(rows, cols), [rows, cols]);
  const W = cols * size.w, H = rows * size.h;
  const scaleValues = props.scaleValues ?? values;
  const colour = useMemo(() => heatScale(scaleValues), [scaleValues]);
  const pixels = useMemo(() => heatPixels(values, colour, muted, cols), [values, colour, muted, cols]);
  const base = useRef<HTMLCanvasElement>(null);
  const marks = useRef<HTMLCanvasElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ r: 0, c: 0 });
  const posRef = useRef(pos);
  const [focused, setFocused] = useState(false);
  const rp = Math.min(pos.r, rows - 1), cp = Math.min(pos.c, cols - 1);
  const [dpr, setDpr] = useState(() => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));

  // The screen's density changes with zoom and with the screen the window is on.
  useEffect(() => {
    const q = window.matchMedia?.(`(resolution: ${dpr}dppx)`);
    if (!q) return;
    const on = () => setDpr(window.devicePixelRatio || 1);
    q.addEventListener?.('change', on);
    return () => q.removeEventListener?.('change', on);
  }, [dpr]);

  useLayoutEffect(() => {
    const ctx = context(base.current);
    if (!ctx) return;
    const image = ctx.createImageData(cols, rows);
    image.data.set(pixels);
    ctx.putImageData(image, 0, 0);
  }, [pixels, rows, cols]);

  const { highlights, termHighlights, linked, reads, writes } = props;
  useLayoutEffect(() => {
    const ctx = context(marks.current);
    if (ctx) paintMarks(ctx, size, rows, cols, dpr, { reads, writes, deps: highlights, terms: termHighlights, linked });
  }, [size, rows, cols, dpr, reads, writes, highlights, termHighlights, linked]);

  const describe = (r: number, c: number) => {
    const k = r * cols + c;
    const value = props.mutedText && isHidden(muted, cols, k) ? props.mutedText : isMuted(muted, values, cols, k) ? t('grid.cell.pending') : props.integer ? fmt.integer(values[k]) : fmt.text(values[k], 6);
    return t('heat.readout', { cell: cellName(r, c), value });
  };

  const moveTo = (to: { r: number; c: number }) => {
    posRef.current = to;
    setPos(to);
    onFocusCell?.(to.r, to.c);
    // Keep the cell in sight in a heatmap wider or taller than its box.
    const sc = scroller.current;
    if (!sc) return;
    const x = PAD.left + to.c * size.w, y = PAD.top + to.r * size.h;
    if (x < sc.scrollLeft + PAD.left) sc.scrollLeft = x - PAD.left;
    else if (x + size.w > sc.scrollLeft + sc.clientWidth) sc.scrollLeft = x + size.w - sc.clientWidth;
    if (y < sc.scrollTop + PAD.top) sc.scrollTop = y - PAD.top;
    else if (y + size.h > sc.scrollTop + sc.clientHeight) sc.scrollTop = y + size.h - sc.clientHeight;
  };

  const placeAt = useCallback((r: number, c: number) => {
    posRef.current = { r, c };
    setPos({ r, c });
  }, []);
  const refocus = useCallback(() => scroller.current?.focus(), []);
  const edit = useHeatEditor({ name, editable: props.editable, values, cols, onEdit: props.onEdit, onOpen: placeAt, onClosed: refocus });
  const errorId = useId();

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (edit.editing) {
      // The field's own keys: Enter keeps the value, Escape cancels; the rest is typing.
      if (e.key === 'Enter') {
        e.preventDefault();
        edit.commit(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        edit.cancel();
      }
      e.stopPropagation();
      return;
    }
    const to = gridMove(e.key, e.ctrlKey, { r: rp, c: cp }, rows, cols, true);
    if (to) {
      e.preventDefault();
      e.stopPropagation();
      moveTo(to);
    } else if (edit.can && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      e.stopPropagation();
      edit.open(rp, cp);
    } else if (edit.can && e.key.length === 1 && /[-\d.+−]/.test(e.key) && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      edit.open(rp, cp, e.key);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onFocusCell?.(rp, cp);
    } else if (e.key === 'Escape' && onEscape) {
      e.stopPropagation();
      onEscape();
    }
  };

  // The pointer: the mouse explains the cell under it; a touch or a click selects it, as a tap on a grid cell does.
  const last = useRef('');
  const cellOf = (e: MouseEvent<HTMLElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return cellAtPoint(e.clientX - box.left, e.clientY - box.top, size, rows, cols);
  };
  const hover = (cell: { r: number; c: number } | null) => {
    const k = cell ? `${cell.r},${cell.c}` : '';
    if (k === last.current) return;
    last.current = k;
    onHoverCell?.(cell);
  };
  // A tap is followed by mouse events made up for pages that know no touch: those must not hover (as in MatrixGrid).
  const pointer = useRef<string | null>(null);
  const touched = () => pointer.current === 'touch' || pointer.current === 'pen';
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (!touched()) hover(cellOf(e));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    pointer.current = e.pointerType;
    const cell = cellOf(e);
    if (!cell) return;
    posRef.current = cell;
    setPos(cell);
    if (document.activeElement === scroller.current) onFocusCell?.(cell.r, cell.c);
  };

  const rowTicks = useMemo(() => axisTicks(rows, H), [rows, H]);
  const colTicks = useMemo(() => axisTicks(cols, W), [cols, W]);
  const box = (r: number, c: number) => {
    // At least 8 px, centred on the cell, so a 2 px cell's box can be seen.
    const w = Math.max(size.w, 8), h = Math.max(size.h, 8);
    return { left: c * size.w + (size.w - w) / 2, top: r * size.h + (size.h - h) / 2, width: w, height: h };
  };
  const k = rp * cols + cp;
  // The editor's field just under its cell, kept inside the plot's width where it can be.
  const fieldAt = (r: number, c: number) => ({ left: Math.max(0, Math.min(c * size.w, W - FIELD_PX)), top: (r + 1) * size.h });

  return (
    <figure className={`matrix matrix-${name} matrix-heat`}>
      <figcaption>
        <span className="matrix-label">{label}</span> <span className="badge">{props.badge}</span>
      </figcaption>
      <div
        ref={scroller}
        className="heat-scroll"
        tabIndex={0}
        role="application"
        data-matrix={name}
        data-heatmap=""
        data-rows={rows}
        data-cols={cols}
        aria-label={[
          t('heat.label', { label, rows, cols }),
          rows > 1 && props.rowAxis ? t(`grid.rowsAre.${props.rowAxis}`) : '',
          cols > 1 && props.colAxis ? t(`grid.colsAre.${props.colAxis}`) : '',
          t('heat.keys'),
          edit.can ? t('heat.editHint') : '',
        ]
          .filter(Boolean)
          .join(' ')}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target !== e.currentTarget) return;
          setFocused(true);
          onFocusCell?.(posRef.current.r, posRef.current.c);
        }}
        onBlur={(e) => {
          if (scroller.current?.contains(e.relatedTarget as Node | null)) return;
          setFocused(false);
          // Leaving an editor with a valid value keeps it; an invalid one stays open with its message.
          if (edit.editing) edit.commit(false);
        }}
      >
        <div className="heat-body" style={{ width: PAD.left + W, height: PAD.top + H }}>
          <span className="heat-corner" aria-hidden="true">
            {props.rowAxis ?? ''}\{props.colAxis ?? ''}
          </span>
          <div className="heat-ticks" aria-hidden="true">
            {colTicks.map((c) => (
              <span key={`c${c}`} className="heat-tick heat-tick-col" style={{ left: PAD.left + c * size.w + size.w / 2 }}>
                {c}
              </span>
            ))}
            {rowTicks.map((r) => (
              <span key={`r${r}`} className="heat-tick heat-tick-row" style={{ top: PAD.top + r * size.h + size.h / 2, width: PAD.left - 4 }}>
                {r}
              </span>
            ))}
          </div>
          <div
            className="heat-plot"
            style={{ left: PAD.left, top: PAD.top, width: W, height: H }}
            onPointerOver={(e) => void (pointer.current = e.pointerType)}
            onPointerDown={onPointerDown}
            onMouseMove={onMouseMove}
            onMouseLeave={() => hover(null)}
            onDoubleClick={(e) => {
              const cell = cellOf(e);
              if (cell) edit.open(cell.r, cell.c);
            }}
          >
            <canvas ref={base} className="heat-base" width={cols} height={rows} style={{ width: W, height: H }} aria-hidden="true" />
            <canvas ref={marks} className="heat-marks" width={Math.round(W * dpr)} height={Math.round(H * dpr)} style={{ width: W, height: H }} aria-hidden="true" />
            {active && <div className="heat-active" style={box(active.r, active.c)} aria-hidden="true" />}
            {focused && <div className="heat-focus" style={box(rp, cp)} aria-hidden="true" />}
            {edit.editing && (
              <HeatEditor editing={edit.editing} cell={cellName(edit.editing.r, edit.editing.c)} at={fieldAt(edit.editing.r, edit.editing.c)} errorId={errorId} onText={edit.setText} />
            )}
          </div>
        </div>
      </div>
      {edit.editing?.error && (
        <p id={errorId} className="edit-error" role="alert">
          {t('grid.edit.refused', { cell: cellName(edit.editing.r, edit.editing.c), problem: edit.editing.error })}
        </p>
      )}
      <p className="heat-readout" aria-hidden="true">
        {active ? describe(active.r, active.c) : t('heat.readout.none')}
      </p>
      <p className="sr-only" aria-live="polite" data-testid={`heat-live-${name}`} data-value={focused && !isMuted(muted, values, cols, k) ? String(values[k]) : ''}>
        {focused ? describe(rp, cp) : ''}
      </p>
    </figure>
  );
}
