// Draws a Jacobian's sparsity pattern on a canvas from its structure: the
// density of non-zeros under each device pixel comes from core in
// O(pixels), never from entries. When entries are large enough, grid lines
// and each entry's value or symbol are drawn on top, and the gutters name
// rows (y elements) and columns (parameter elements).
import { OUTSIDE, sparsityRaster, type CellRef, type Jacobian, type JacobianValues, type SparsityPattern } from '../../core/index.ts';
import { type Viewport, niceStep, visibleRange } from './viewport.ts';

/** Room for row labels on the left and column labels on top, CSS px. */
export const GUTTER = { left: 76, top: 30 };

const ZERO: [number, number, number] = [255, 255, 255];
const OUT: [number, number, number] = [232, 232, 226];
const LIGHT: [number, number, number] = [178, 200, 236];
const DARK: [number, number, number] = [16, 52, 112];

/** 256 colours: 0 for structural zeros, 1–255 for rising density of non-zeros. */
function makeLut(): Uint32Array {
  const lut = new Uint32Array(257);
  const pack = ([r, g, b]: [number, number, number]) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  lut[0] = pack(ZERO);
  for (let k = 1; k <= 255; k++) {
    const t = (k - 1) / 254;
    lut[k] = pack([0, 1, 2].map((i) => Math.round(LIGHT[i] + (DARK[i] - LIGHT[i]) * t)) as [number, number, number]);
  }
  lut[256] = pack(OUT);
  return lut;
}

/** Buffers reused between draws of one canvas, and its colour table. */
export interface DrawBuffers {
  raster: Float32Array | null;
  image: ImageData | null;
  lut?: Uint32Array;
}

/** How the canvas writes numbers and names cells and entries. */
export interface DrawNames {
  number(v: number): string;
  /** A whole number with the locale's digit grouping. */
  integer(n: number): string;
  cell(cell: CellRef): string;
  /** The corner label: what the rows and columns are, e.g. 'y \\ W'. */
  corner: string;
  /** What a structurally non-zero entry is, without values: x[0,2], W[2,1], 1. */
  entry(J: Jacobian, r: number, c: number): string;
}

export interface DrawInput {
  J: Jacobian;
  pattern: SparsityPattern;
  view: Viewport;
  /** Canvas size in CSS px. */
  width: number;
  height: number;
  dpr: number;
  /** Values for numeric labels at the teaching size. */
  values?: JacobianValues;
  names: DrawNames;
}

/** Draws the whole view; returns the milliseconds it took. */
export function drawSparsity(ctx: CanvasRenderingContext2D, d: DrawInput, buf: DrawBuffers): number {
  const t0 = performance.now();
  const { J, pattern, view, width, height, dpr } = d;
  const aw = width - GUTTER.left, ah = height - GUTTER.top;
  const pw = Math.max(1, Math.round(aw * dpr)), ph = Math.max(1, Math.round(ah * dpr));

  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);

  // The pattern: one density per device pixel, from the structure.
  if (!buf.raster || buf.raster.length < pw * ph) buf.raster = new Float32Array(pw * ph);
  if (!buf.image || buf.image.width !== pw || buf.image.height !== ph) buf.image = ctx.createImageData(pw, ph);
  const raster = sparsityRaster(pattern, { row0: view.r0, rowsPerPx: view.ry / dpr, height: ph, col0: view.c0, colsPerPx: view.cx / dpr, width: pw }, buf.raster);
  const px = new Uint32Array(buf.image.data.buffer);
  const lut = (buf.lut ??= makeLut());
  for (let k = 0; k < pw * ph; k++) {
    const v = raster[k];
    px[k] = lut[v === OUTSIDE ? 256 : v <= 0 ? 0 : 1 + Math.min(254, Math.round(Math.sqrt(v) * 254))];
  }
  ctx.putImageData(buf.image, Math.round(GUTTER.left * dpr), Math.round(GUTTER.top * dpr));

  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const ext = { rows: J.rows, cols: J.cols, width: aw, height: ah };
  const vis = visibleRange(view, ext);
  const cw = 1 / view.cx, ch = 1 / view.ry; // entry size in CSS px
  const X = (c: number) => GUTTER.left + (c - view.c0) * cw;
  const Y = (r: number) => GUTTER.top + (r - view.r0) * ch;

  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER.left, GUTTER.top, aw, ah);
  ctx.clip();
  // Grid lines between entries once they are big enough to tell apart.
  if (cw >= 6 && ch >= 6) {
    ctx.strokeStyle = 'rgba(0,0,0,0.18)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let c = vis.c0; c <= vis.c1; c++) {
      const x = Math.round(X(c)) + 0.5;
      ctx.moveTo(x, Y(vis.r0));
      ctx.lineTo(x, Y(vis.r1));
    }
    for (let r = vis.r0; r <= vis.r1; r++) {
      const y = Math.round(Y(r)) + 0.5;
      ctx.moveTo(X(vis.c0), y);
      ctx.lineTo(X(vis.c1), y);
    }
    ctx.stroke();
  }
  // Each entry's value (teaching size) or what it is (presets).
  if (cw >= 34 && ch >= 15) {
    ctx.font = `${Math.min(13, Math.floor(ch * 0.55), Math.floor(cw / 4))}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let r = vis.r0; r < vis.r1; r++)
      for (let c = vis.c0; c < vis.c1; c++) {
        const nz = J.isStructuralNonZero(r, c);
        const text = nz ? (d.values ? d.names.number(J.entry(r, c)) : d.names.entry(J, r, c)) : '0';
        ctx.fillStyle = nz ? '#ffffff' : '#6b6b6b';
        ctx.fillText(text, X(c) + cw / 2, Y(r) + ch / 2, cw - 4);
      }
  }
  ctx.restore();

  drawGutters(ctx, J, view, vis, { X, Y, cw, ch, aw, ah }, d.names);
  const ms = performance.now() - t0;
  return ms;
}

function drawGutters(
  ctx: CanvasRenderingContext2D,
  J: Jacobian,
  view: Viewport,
  vis: { r0: number; r1: number; c0: number; c1: number },
  g: { X: (c: number) => number; Y: (r: number) => number; cw: number; ch: number; aw: number; ah: number },
  names: DrawNames,
) {
  ctx.fillStyle = '#3d3d3d';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  // Column labels along the top.
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER.left, 0, g.aw, GUTTER.top);
  ctx.clip();
  ctx.textAlign = 'center';
  if (g.cw >= 44) {
    for (let c = vis.c0; c < vis.c1; c++) {
      const x = g.X(c) + g.cw / 2;
      ctx.fillText(String(c), x, 8, g.cw - 2);
      ctx.fillText(names.cell(J.colCell(c)), x, 21, g.cw - 2);
    }
  } else {
    const step = niceStep(90 * view.cx);
    const right = GUTTER.left + g.aw;
    for (let c = Math.ceil(vis.c0 / step) * step; c < vis.c1; c += step) {
      const x = g.X(c);
      const text = names.integer(c);
      ctx.fillRect(x, GUTTER.top - 6, 1, 6);
      // After its tick, or before it where it would run past the right edge.
      const fits = x + 2 + ctx.measureText(text).width <= right;
      ctx.textAlign = fits ? 'left' : 'right';
      ctx.fillText(text, fits ? x + 2 : Math.min(x - 2, right), 12);
    }
  }
  ctx.restore();
  // Row labels down the left.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, GUTTER.top, GUTTER.left, g.ah);
  ctx.clip();
  ctx.textAlign = 'right';
  if (g.ch >= 15) {
    for (let r = vis.r0; r < vis.r1; r++) ctx.fillText(`${r} ${names.cell(J.rowCell(r))}`, GUTTER.left - 4, g.Y(r) + g.ch / 2, GUTTER.left - 6);
  } else {
    const step = niceStep(24 * view.ry);
    for (let r = Math.ceil(vis.r0 / step) * step; r < vis.r1; r += step) {
      const y = g.Y(r);
      ctx.fillRect(GUTTER.left - 6, y, 6, 1);
      // Just below its tick, kept above the bottom edge; squeezed rather than cut when wider than the gutter.
      ctx.fillText(names.integer(r), GUTTER.left - 8, Math.min(y + 6, GUTTER.top + g.ah - 7), GUTTER.left - 10);
    }
  }
  ctx.restore();
  // The corner says which is which.
  ctx.textAlign = 'left';
  ctx.fillStyle = '#3d3d3d';
  ctx.fillText(names.corner, 4, 12);
}

/** Outlines one entry (or the pixel region under the pointer) on the overlay canvas. */
export function drawHover(ctx: CanvasRenderingContext2D, width: number, height: number, dpr: number, view: Viewport, entry: { r: number; c: number } | null) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (!entry) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const cw = 1 / view.cx, ch = 1 / view.ry;
  const x = GUTTER.left + (entry.c - view.c0) * cw, y = GUTTER.top + (entry.r - view.r0) * ch;
  const w = Math.max(3, cw), h = Math.max(3, ch);
  if (x + w < GUTTER.left || y + h < GUTTER.top || x > width || y > height) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(GUTTER.left, GUTTER.top, width - GUTTER.left, height - GUTTER.top);
  ctx.clip();
  ctx.strokeStyle = '#d4006a';
  ctx.lineWidth = 3;
  ctx.strokeRect(x - 1, y - 1, w + 2, h + 2);
  ctx.restore();
  // Markers in the gutters along the entry's row and column.
  ctx.fillStyle = '#d4006a';
  ctx.fillRect(Math.max(GUTTER.left, x), GUTTER.top - 3, Math.max(3, Math.min(w, width - x)), 3);
  ctx.fillRect(GUTTER.left - 3, Math.max(GUTTER.top, y), 3, Math.max(3, Math.min(h, height - y)));
}
