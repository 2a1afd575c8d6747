// Paints a heatmap's marks on its own canvas, over the colours: the cells the player's step reads and writes, the
// cells the explained value depends on, and a term's factors (or cells pointed at from another view). The explained
// and the keyboard's cell are DOM boxes instead (MatrixCanvas), so forced colours still outline them.
import { cellsOf } from './heatDraw.ts';

/** The sets of cells marked, as 'r,c'. */
export interface HeatMarks {
  reads?: ReadonlySet<string>;
  writes?: ReadonlySet<string>;
  deps?: ReadonlySet<string>;
  terms?: ReadonlySet<string>;
  linked?: ReadonlySet<string>;
}

/** The grids' mark colours (styles.css): a step's reads and writes, dependencies, a term's factors. */
const COLOURS = { reads: '#0a7d5a', writes: '#b35806', deps: '#0b0b0b', terms: '#d4006a', linked: '#d4006a' } as const;
const ORDER = ['reads', 'writes', 'deps', 'terms', 'linked'] as const;

/**
 * Clears the marks canvas (sized in device pixels, `dpr` of them to a CSS pixel) and paints every mark. Cells of
 * at least 6 CSS px get a frame, with a white halo under a dependency's; smaller ones are filled, so a row or a
 * column of 2 px cells still reads as a line.
 */
export function paintMarks(ctx: CanvasRenderingContext2D, size: { w: number; h: number }, rows: number, cols: number, dpr: number, marks: HeatMarks): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, cols * size.w * dpr, rows * size.h * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const framed = Math.min(size.w, size.h) >= 6;
  for (const kind of ORDER) {
    const cells = cellsOf(marks[kind]);
    if (cells.length === 0) continue;
    ctx.strokeStyle = COLOURS[kind];
    ctx.fillStyle = COLOURS[kind];
    ctx.lineWidth = 2;
    for (const { r, c } of cells) {
      const x = c * size.w, y = r * size.h;
      if (!framed) {
        ctx.fillRect(x, y, size.w, size.h);
        continue;
      }
      if (kind === 'deps') {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 4;
        ctx.strokeRect(x + 2, y + 2, size.w - 4, size.h - 4);
        ctx.strokeStyle = COLOURS.deps;
        ctx.lineWidth = 2;
      }
      ctx.strokeRect(x + 1, y + 1, size.w - 2, size.h - 2);
    }
  }
}
