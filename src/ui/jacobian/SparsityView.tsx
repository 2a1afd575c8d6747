// The sparsity pattern of the chosen Jacobian at every size, on a canvas,
// drawn from its structure. Wheel, drag, buttons and keys (+ − arrows 0)
// zoom and pan down to single entries, whose values or symbols then show.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { explainEntry, nearestNonZeroColumn, sparsityPattern, structuralCount } from '../../core/index.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { type DrawBuffers, type DrawNames, GUTTER, drawHover, drawSparsity } from './drawSparsity.ts';
import { entryLabel } from './EntryTable.tsx';
import { kindName } from './labels.ts';
import { type Readout, SparsityText } from './SparsityText.tsx';
import { SparsityDownload } from './SparsityDownload.tsx';
import { FIT_CELL, type Extent, type Viewport, clampViewport, fitViewport, panViewport, viewCentre, visibleRange, zoomToEntries, zoomViewport } from './viewport.ts';

/** The zoomable sparsity pattern. */
export function SparsityView() {
  const store = useAppStore();
  const select = useSelectors();
  const i18n = useI18n();
  const { t } = i18n;
  const fmt = i18n.fmt.integer;
  const J = useApp(select.jacobian);
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const lesson = useApp(select.ctx);
  const kindOf = kindName(J.kind, J.activation);
  const corner = `${kindOf.of} \\ ${kindOf.by}`;
  const names: DrawNames = useMemo(
    () => ({ number: (v) => i18n.fmt.text(v, 3), integer: i18n.fmt.integer, cell: i18n.cellName, corner, entry: (j, r, c) => entryLabel(explainEntry(j, r, c, undefined, i18n.fmt), i18n) }),
    [i18n, corner],
  );
  const entry = useApp((s) => s.jacobianEntry);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const bufRef = useRef<DrawBuffers>({ raster: null, image: null });
  const drawsRef = useRef(0);
  const dragRef = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const helpId = useId();
  const [size, setSize] = useState({ width: 0, height: 0 });
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const pattern = useMemo(() => sparsityPattern(J), [J]);
  // A short matrix gets a short canvas: no taller than its rows at the largest cell size.
  const height = Math.min(size.height, Math.max(120, J.rows * FIT_CELL + GUTTER.top + 1));
  const ext: Extent = useMemo(
    () => ({ rows: J.rows, cols: J.cols, width: Math.max(1, size.width - GUTTER.left), height: Math.max(1, height - GUTTER.top) }),
    [J.rows, J.cols, size.width, height],
  );
  // A new Jacobian shape starts from the whole matrix.
  const shapeKey = `${J.kind}|${J.convention}|${J.linearisation}|${J.rows}x${J.cols}`;
  const [viewState, setViewState] = useState<{ key: string; view: Viewport } | null>(null);
  const view = useMemo(() => (viewState && viewState.key === shapeKey ? clampViewport(viewState.view, ext) : fitViewport(ext)), [viewState, shapeKey, ext]);
  const setView = useCallback(
    (f: (v: Viewport) => Viewport) =>
      setViewState((prev) => ({ key: shapeKey, view: f(prev && prev.key === shapeKey ? clampViewport(prev.view, ext) : fitViewport(ext)) })),
    [shapeKey, ext],
  );
  const [readout, setReadout] = useState<Readout>(null);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.clientWidth);
      setSize({ width, height: width < 600 ? 240 : 330 });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Draw the pattern whenever what it shows changes, once per frame.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || size.width === 0) return;
    const id = requestAnimationFrame(() => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const values = teaching ? { x: lesson.inputs.x, W: lesson.inputs.W, z: lesson.outputs.z } : undefined;
      const ms = drawSparsity(ctx, { J, pattern, view, width: size.width, height, dpr, values, names }, bufRef.current);
      drawsRef.current++;
      canvas.dataset.drawMs = ms.toFixed(2);
      canvas.dataset.draws = String(drawsRef.current);
    });
    return () => cancelAnimationFrame(id);
  }, [J, pattern, view, size.width, height, dpr, teaching, lesson, names]);

  useEffect(() => {
    const o = overlayRef.current;
    const ctx = o?.getContext('2d');
    if (!o || !ctx || size.width === 0) return;
    const shown = entry ?? (readout?.kind === 'entry' ? readout : null);
    drawHover(ctx, size.width, height, dpr, view, shown && shown.r < J.rows && shown.c < J.cols ? shown : null);
  }, [entry, readout, view, size.width, height, dpr, J.rows, J.cols]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      // The page keeps scrolling past the pattern until it is clicked or focused; Ctrl+wheel and pinches always zoom.
      if (!(e.ctrlKey || e.metaKey || document.activeElement === canvas)) return;
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      const x = e.clientX - rect.left - GUTTER.left, y = e.clientY - rect.top - GUTTER.top;
      if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        const d = e.shiftKey ? e.deltaY || e.deltaX : e.deltaX;
        setView((v) => panViewport(v, ext, d, 0));
      } else setView((v) => zoomViewport(v, ext, Math.exp(-e.deltaY * 0.0025), Math.max(0, x), Math.max(0, y)));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [ext, setView]);

  const at = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left - GUTTER.left, y: e.clientY - rect.top - GUTTER.top };
  };
  const point = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= ext.width || y >= ext.height) {
      setReadout(null);
      store.getState().setJacobianEntry(null);
      return;
    }
    const r = Math.floor(view.r0 + y * view.ry), c = Math.floor(view.c0 + x * view.cx);
    if (r >= J.rows || c >= J.cols) {
      setReadout(null);
      store.getState().setJacobianEntry(null);
    } else if (view.ry <= 1 && view.cx <= 1) {
      setReadout({ kind: 'entry', r, c });
      store.getState().setJacobianEntry({ r, c });
    } else {
      // A pixel covers many entries: say how many of them are non-zero.
      const r1 = Math.min(J.rows, Math.ceil(view.r0 + (y + 1) * view.ry)), c1 = Math.min(J.cols, Math.ceil(view.c0 + (x + 1) * view.cx));
      setReadout({ kind: 'region', r0: r, r1: Math.max(r + 1, r1), c0: c, c1: Math.max(c + 1, c1), count: structuralCount(pattern, r, Math.max(r + 1, r1), c, Math.max(c + 1, c1)) });
      store.getState().setJacobianEntry(null);
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    dragRef.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = dragRef.current;
    if (d) {
      const dx = e.clientX - d.x, dy = e.clientY - d.y;
      if (d.moved || Math.abs(dx) + Math.abs(dy) > 3) {
        d.moved = true;
        d.x = e.clientX;
        d.y = e.clientY;
        setView((v) => panViewport(v, ext, -dx, -dy));
        return;
      }
    }
    const p = at(e);
    point(p.x, p.y);
  };
  const endDrag = () => {
    dragRef.current = null;
  };
  const onLeave = () => {
    dragRef.current = null;
    setReadout(null);
    store.getState().setJacobianEntry(null);
  };

  const zoomIn = () => setView((v) => zoomViewport(v, ext, 2));
  const zoomOut = () => setView((v) => zoomViewport(v, ext, 0.5));
  const reset = () => setViewState(null);
  /** Selects one entry for the keyboard: explained, outlined in the lesson, and kept in view. */
  const selectEntry = (r: number, c: number, recentre: boolean) => {
    setReadout({ kind: 'entry', r, c });
    store.getState().setJacobianEntry({ r, c });
    if (recentre) setView((v) => zoomToEntries(v, ext, 40, [r + 0.5, c + 0.5]));
  };
  // Down to single entries, centred on (and selecting) the non-zero nearest the middle of the view.
  const toEntries = () => {
    const [cr, cc] = viewCentre(view, ext);
    const r = Math.min(J.rows - 1, Math.max(0, Math.floor(cr)));
    const c = nearestNonZeroColumn(pattern, r, Math.min(J.cols - 1, Math.max(0, Math.floor(cc))));
    selectEntry(r, c, true);
  };
  const atEntries = view.ry <= 1 && view.cx <= 1;
  const cursor = readout?.kind === 'entry' && readout.r < J.rows && readout.c < J.cols ? readout : null;
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    // At single entries with one selected, the arrow keys move entry by entry (Shift: ten at a time).
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    if (atEntries && cursor && moves[e.key]) {
      e.preventDefault();
      const k = e.shiftKey ? 10 : 1;
      const r = Math.min(J.rows - 1, Math.max(0, cursor.r + moves[e.key][0] * k));
      const c = Math.min(J.cols - 1, Math.max(0, cursor.c + moves[e.key][1] * k));
      const vis = visibleRange(view, ext);
      selectEntry(r, c, r < vis.r0 || r >= vis.r1 || c < vis.c0 || c >= vis.c1);
      return;
    }
    if (e.key === 'Escape' && cursor) {
      e.preventDefault();
      setReadout(null);
      store.getState().setJacobianEntry(null);
      return;
    }
    const stepX = (e.shiftKey ? 1 : 0.125) * ext.width, stepY = (e.shiftKey ? 1 : 0.125) * ext.height;
    const acts: Record<string, () => void> = {
      '+': zoomIn,
      '=': zoomIn,
      '-': zoomOut,
      '_': zoomOut,
      '0': reset,
      Home: reset,
      Enter: toEntries,
      ArrowLeft: () => setView((v) => panViewport(v, ext, -stepX, 0)),
      ArrowRight: () => setView((v) => panViewport(v, ext, stepX, 0)),
      ArrowUp: () => setView((v) => panViewport(v, ext, 0, -stepY)),
      ArrowDown: () => setView((v) => panViewport(v, ext, 0, stepY)),
    };
    const act = acts[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };

  const values = teaching ? { x: lesson.inputs.x, W: lesson.inputs.W, z: lesson.outputs.z } : undefined;
  const explained = readout?.kind === 'entry' && readout.r < J.rows && readout.c < J.cols ? explainEntry(J, readout.r, readout.c, values, i18n.fmt) : null;
  const name = kindName(J.kind, J.activation);

  const sizes = { B: fmt(J.sizes.B), N: fmt(J.sizes.N), T: fmt(J.sizes.T) };

  return (
    <figure className="jac-sparsity" data-testid="sparsity-view">
      <figcaption>{t('sparsity.caption', { name: name.text, ...sizes, rows: fmt(J.rows), cols: fmt(J.cols), of: name.of, by: name.by })}</figcaption>
      <div className="jac-zoom-buttons" role="group" aria-label={t('sparsity.zoom')}>
        <button type="button" onClick={zoomIn}>
          {t('sparsity.zoomIn')}
        </button>
        <button type="button" onClick={zoomOut}>
          {t('sparsity.zoomOut')}
        </button>
        <button type="button" onClick={toEntries}>
          {t('sparsity.toEntries')}
        </button>
        <button type="button" onClick={reset}>
          {t('sparsity.wholeButton')}
        </button>
        <SparsityDownload canvas={canvasRef} file={`jacobian-d${name.of}-d${name.by}-${J.sizes.B}x${J.sizes.N}x${J.sizes.T}.png`} />
      </div>
      <div ref={wrapRef} className="jac-canvas-wrap" style={{ height: size.width ? height : undefined }}>
        <canvas
          ref={canvasRef}
          className="jac-canvas"
          data-testid="sparsity-canvas"
          width={Math.max(1, Math.round(size.width * dpr))}
          height={Math.max(1, Math.round(height * dpr))}
          style={{ width: size.width, height }}
          tabIndex={0}
          role="img"
          aria-label={t('sparsity.label', { name: name.text, rows: fmt(J.rows), cols: fmt(J.cols), nnz: fmt(J.nnz) })}
          aria-describedby={helpId}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onPointerLeave={onLeave}
          onDoubleClick={(e) => {
            const rect = e.currentTarget.getBoundingClientRect();
            setView((v) => zoomViewport(v, ext, 2, Math.max(0, e.clientX - rect.left - GUTTER.left), Math.max(0, e.clientY - rect.top - GUTTER.top)));
          }}
          onKeyDown={onKeyDown}
        />
        <canvas
          ref={overlayRef}
          className="jac-overlay"
          aria-hidden="true"
          width={Math.max(1, Math.round(size.width * dpr))}
          height={Math.max(1, Math.round(height * dpr))}
          style={{ width: size.width, height }}
        />
      </div>
      <SparsityText id={helpId} J={J} view={view} ext={ext} readout={readout} explained={explained} />
    </figure>
  );
}
