// The sparsity view's window onto index space: which rows and columns are in
// view and how many of each one CSS pixel spans, with zoom and pan that keep
// it inside the matrix. Independent scales for the two axes, because a
// Jacobian can be 500 times wider than it is tall.

/** Top-left index and entries per CSS pixel along each axis. */
export interface Viewport {
  r0: number;
  c0: number;
  /** Rows per CSS pixel. */
  ry: number;
  /** Columns per CSS pixel. */
  cx: number;
}

/** The largest an entry is drawn when the whole matrix fits, and at the deepest zoom (CSS px). */
export const FIT_CELL = 48;
export const MAX_CELL = 64;

export interface Extent {
  rows: number;
  cols: number;
  /** Drawing area in CSS pixels. */
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The whole matrix in view, each axis scaled to fit (cells no larger than FIT_CELL). */
export function fitViewport(e: Extent): Viewport {
  return { r0: 0, c0: 0, ry: Math.max(e.rows / e.height, 1 / FIT_CELL), cx: Math.max(e.cols / e.width, 1 / FIT_CELL) };
}

/** v brought inside the zoom limits and the matrix. */
export function clampViewport(v: Viewport, e: Extent): Viewport {
  const fit = fitViewport(e);
  const ry = clamp(v.ry, Math.min(1 / MAX_CELL, fit.ry), fit.ry);
  const cx = clamp(v.cx, Math.min(1 / MAX_CELL, fit.cx), fit.cx);
  return {
    ry,
    cx,
    r0: clamp(v.r0, 0, Math.max(0, e.rows - e.height * ry)),
    c0: clamp(v.c0, 0, Math.max(0, e.cols - e.width * cx)),
  };
}

/** Zooms by factor f (above 1 zooms in) keeping the index under (px, py) in place. */
export function zoomViewport(v: Viewport, e: Extent, f: number, px = e.width / 2, py = e.height / 2): Viewport {
  const ar = v.r0 + py * v.ry, ac = v.c0 + px * v.cx;
  const fit = fitViewport(e);
  const ry = clamp(v.ry / f, Math.min(1 / MAX_CELL, fit.ry), fit.ry);
  const cx = clamp(v.cx / f, Math.min(1 / MAX_CELL, fit.cx), fit.cx);
  return clampViewport({ ry, cx, r0: ar - py * ry, c0: ac - px * cx }, e);
}

/** Moves the view by (dx, dy) CSS pixels of content. */
export function panViewport(v: Viewport, e: Extent, dx: number, dy: number): Viewport {
  return clampViewport({ ...v, r0: v.r0 + dy * v.ry, c0: v.c0 + dx * v.cx }, e);
}

/** The index at the centre of the view, [row, column]. */
export function viewCentre(v: Viewport, e: Extent): [number, number] {
  return [v.r0 + (e.height / 2) * v.ry, v.c0 + (e.width / 2) * v.cx];
}

/** Zooms until single entries are `cell` pixels on both axes, around `centre` (default: the view's). */
export function zoomToEntries(v: Viewport, e: Extent, cell = 40, centre = viewCentre(v, e)): Viewport {
  const [ar, ac] = centre;
  const fit = fitViewport(e);
  const ry = Math.min(fit.ry, 1 / cell), cx = Math.min(fit.cx, 1 / cell);
  return clampViewport({ ry, cx, r0: ar - (e.height / 2) * ry, c0: ac - (e.width / 2) * cx }, e);
}

/** The whole rows and columns at least partly in view, [start, end). */
export function visibleRange(v: Viewport, e: Extent): { r0: number; r1: number; c0: number; c1: number } {
  return {
    r0: Math.max(0, Math.floor(v.r0)),
    r1: Math.min(e.rows, Math.ceil(v.r0 + e.height * v.ry)),
    c0: Math.max(0, Math.floor(v.c0)),
    c1: Math.min(e.cols, Math.ceil(v.c0 + e.width * v.cx)),
  };
}

/** A round step of at least `min` (1, 2 or 5 times a power of ten), for tick labels. */
export function niceStep(min: number): number {
  if (min <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(min));
  for (const m of [1, 2, 5, 10]) if (m * p >= min) return m * p;
  return 10 * p;
}
