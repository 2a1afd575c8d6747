// What a canvas heatmap draws, worked out without a canvas: the size of a cell, one RGBA pixel per cell in the
// grids' colour scale (muted cells grey), the cell under a point, the axis ticks and the marked cells.
import { scaleLinear } from 'd3';
import { isMuted } from './muted.ts';

export { isHidden, isMuted } from './muted.ts';

/** Matrices with more rows or columns than this are drawn as heatmaps; the DOM grid draws the rest. */
export const GRID_MAX = 12;

/** Whether a matrix of this shape is drawn as a heatmap. */
export const drawnAsHeatmap = (rows: number, cols: number): boolean => rows > GRID_MAX || cols > GRID_MAX;

/** The smallest and largest side of a heatmap cell, in CSS pixels, and the length a heatmap aims at along each axis. */
export const CELL_MIN = 2;
export const CELL_MAX = 16;
const TARGET = 360;

/** The width and height of one cell in CSS pixels: the axis fits about 360 px, within 2 and 16 px a cell. */
export function cellSize(rows: number, cols: number): { w: number; h: number } {
  const side = (n: number) => Math.max(CELL_MIN, Math.min(CELL_MAX, Math.floor(TARGET / n)));
  return { w: side(cols), h: side(rows) };
}

/** The grids' colour of a muted cell (styles.css `.cell.muted`), as RGB. */
export const MUTED_RGB = [0xf2, 0xf2, 0xee] as const;

const hexRgb = (hex: string): [number, number, number] => {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};



/** One opaque RGBA pixel per cell, row-major: the value's heat colour (colour(v).bg), or the muted grey. */
export function heatPixels(
  values: ArrayLike<number>,
  colour: (v: number) => { bg: string },
  muted: ReadonlySet<string> | 'all' | undefined,
  cols: number,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  // Colours repeat (a picture's many zeros): parse each hex once.
  const parsed = new Map<string, [number, number, number]>();
  for (let k = 0; k < values.length; k++) {
    let rgb: readonly number[] = MUTED_RGB;
    if (!isMuted(muted, values, cols, k)) {
      const bg = colour(values[k]).bg;
      let p = parsed.get(bg);
      if (!p) parsed.set(bg, (p = hexRgb(bg)));
      rgb = p;
    }
    out.set([rgb[0], rgb[1], rgb[2], 255], k * 4);
  }
  return out;
}

/** The cell under a point given in CSS pixels from the heatmap's top left corner, or null outside it. */
export function cellAtPoint(x: number, y: number, size: { w: number; h: number }, rows: number, cols: number): { r: number; c: number } | null {
  const r = Math.floor(y / size.h), c = Math.floor(x / size.w);
  return r >= 0 && r < rows && c >= 0 && c < cols ? { r, c } : null;
}

/** Whole-number ticks along an axis of n cells drawn `px` CSS pixels long: about one per 40 px, always 0 and the last. */
export function axisTicks(n: number, px: number): number[] {
  if (n <= 1) return [0];
  const ticks = scaleLinear().domain([0, n - 1]).ticks(Math.max(2, Math.floor(px / 40))).filter((v) => Number.isInteger(v));
  const out = ticks.filter((v) => v > 0 && v < n - 1 && (n - 1 - v) * (px / n) >= 24);
  return [0, ...out, n - 1];
}

/** Cells of an 'r,c' set, as numbers. */
export function cellsOf(set: ReadonlySet<string> | undefined): { r: number; c: number }[] {
  if (!set) return [];
  const out: { r: number; c: number }[] = [];
  for (const k of set) {
    const i = k.indexOf(',');
    out.push({ r: Number(k.slice(0, i)), c: Number(k.slice(i + 1)) });
  }
  return out;
}
