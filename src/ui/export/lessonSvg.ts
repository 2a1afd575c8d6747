// The picture of a lesson as a self-contained SVG document, from structured data (lessonPicture.ts gathers it from
// the store): each pass a panel of grids under their labels and shape badges, each cell a rect in its heat colour
// (striped when negative, as on screen) with its number as a <text>, the explained cell outlined; then the
// derivation's lines as plain text, and the colour legend. Every style is an attribute, fonts are generic families,
// and nothing outside the document is referred to (the one pattern is inside it), so the file opens anywhere and
// its words and numbers stay text. Pure: no DOM, so it is tested as a string.

import type { LessonPicture, LessonSvg, PictureDerivation, PictureGrid } from './lessonPictureTypes.ts';
import { escapeXml, textWidth, wrapText } from './svgText.ts';
import { ARROW_GAP, C, CAPTION_H, CELL_FONT, CELL_H, CELL_W, COL_LABEL_H, GAP, GRID_PAD, HEAT_SIDE, ITEM_GAP_X, ITEM_GAP_Y, LABEL_FONT, MARGIN, MAX_ROW, MIN_WIDTH, NOTE_FONT, NOTE_W, PANEL_GAP, PANEL_PAD_X, ROW_LABEL_W, SANS, SERIF } from './svgLayout.ts';

export type { LessonPicture, LessonSvg, PictureCell, PictureDerivation, PictureGrid, PictureLine, PicturePass } from './lessonPictureTypes.ts';
export { escapeXml, wrapText } from './svgText.ts';


/** A length, to a tenth of a pixel. */
const n = (v: number): string => String(Math.round(v * 10) / 10);

/** An element's attributes, skipping the undefined ones. */
const attrs = (a: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? n(v) : escapeXml(v as string)}"`)
    .join('');

const el = (tag: string, a: Readonly<Record<string, string | number | undefined>>, body?: string): string =>
  body === undefined ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${body}</${tag}>`;

/** A line of text. */
const text = (x: number, y: number, s: string, a: Readonly<Record<string, string | number | undefined>> = {}): string => el('text', { x, y, ...a }, escapeXml(s));

/** The side of a heatmap cell, as the lesson's canvas heatmap sizes it (heatDraw.ts). */
const heatSide = (k: number): number => Math.max(HEAT_SIDE.min, Math.min(HEAT_SIDE.max, Math.floor(HEAT_SIDE.target / k)));

/** A cell's number set smaller when long, as the grids set it (styles.css `.cell.len-7` to `len-9`). */
function cellFont(s: string): number {
  const len = [...s].length;
  if (len <= 6) return CELL_FONT;
  return CELL_FONT * (len === 7 ? 0.9 : len === 8 ? 0.86 : 0.76);
}

/** A grid laid out: its size, and how to draw it at a place. */
interface Box {
  w: number;
  h: number;
  draw(x: number, y: number): string;
}

/** One matrix: caption, column and row labels, cells, marks, and the notes under it. */
function gridBox(g: PictureGrid): Box {
  const cw = g.heatmap ? heatSide(g.cols) : CELL_W;
  const ch = g.heatmap ? heatSide(g.rows) : CELL_H;
  const gap = g.heatmap ? 0 : GAP;
  const labels = !g.heatmap;
  const rowLabelW = labels && g.rows > 1 ? ROW_LABEL_W + GAP : 0;
  const colLabelH = labels && g.cols > 1 ? COL_LABEL_H : 0;
  const cellsW = g.cols * cw + (g.cols - 1) * gap;
  const cellsH = g.rows * ch + (g.rows - 1) * gap;
  const gridW = GRID_PAD * 2 + rowLabelW + cellsW;
  const gridH = GRID_PAD * 2 + colLabelH + cellsH;
  const labelW = textWidth(g.label, 14.4, true);
  const badgeW = textWidth(g.badge, 11.5) + 9.6;
  const captionW = labelW + 5 + badgeW;
  const noteLines = g.notes.flatMap((s) => wrapText(s, Math.max(NOTE_W, gridW), NOTE_FONT));
  const notesW = Math.max(0, ...noteLines.map((s) => textWidth(s, NOTE_FONT)));
  const w = Math.max(captionW, gridW, notesW);
  const h = CAPTION_H + gridH + (noteLines.length ? 4 + noteLines.length * 18 : 0);
  const draw = (x: number, y: number): string => {
    const parts: string[] = [];
    // The caption: the label in a serif face, bold, and the shape badge on its grey ground.
    parts.push(text(x, y + 15, g.label, { 'font-family': SERIF, 'font-size': 14.4, 'font-weight': 'bold', fill: C.fg }));
    const bx = x + labelW + 5;
    parts.push(el('rect', { x: bx, y: y + 3.5, width: badgeW, height: 15, rx: 3, fill: C.badgeBg }));
    parts.push(text(bx + 4.8, y + 14.8, g.badge, { 'font-size': 11.5, fill: C.badgeFg }));
    const gx = x + GRID_PAD + rowLabelW;
    const gy = y + CAPTION_H + GRID_PAD + colLabelH;
    const cellX = (c: number) => gx + c * (cw + gap);
    const cellY = (r: number) => gy + r * (ch + gap);
    const small = { 'font-size': LABEL_FONT, fill: C.muted, 'text-anchor': 'middle' };
    if (colLabelH) {
      const ly = gy - 4;
      if (rowLabelW) parts.push(text(x + GRID_PAD + ROW_LABEL_W / 2, ly, `${g.rowAxis ?? ''}\\${g.colAxis ?? ''}`, small));
      for (let c = 0; c < g.cols; c++) parts.push(text(cellX(c) + cw / 2, ly, String(c), small));
    }
    if (rowLabelW) for (let r = 0; r < g.rows; r++) parts.push(text(x + GRID_PAD + ROW_LABEL_W / 2, cellY(r) + ch / 2, String(r), { ...small, dy: '0.35em' }));
    const marks: string[] = [];
    for (let r = 0; r < g.rows; r++)
      for (let c = 0; c < g.cols; c++) {
        const cell = g.cells[r * g.cols + c];
        const [cx, cy] = [cellX(c), cellY(r)];
        if (g.heatmap) {
          parts.push(el('rect', { x: cx, y: cy, width: cw, height: ch, fill: cell.muted ? C.mutedCell : cell.bg }));
          continue;
        }
        const box = { x: cx + 0.5, y: cy + 0.5, width: cw - 1, height: ch - 1, rx: 3 };
        if (cell.muted) {
          parts.push(el('rect', { ...box, fill: C.mutedCell, stroke: C.mutedEdge, 'stroke-dasharray': '3 2' }));
        } else {
          parts.push(el('rect', { ...box, fill: cell.bg, stroke: '#000000', 'stroke-opacity': '0.15' }));
          if (cell.neg) parts.push(el('rect', { ...box, fill: 'url(#bp-neg)' }));
          // On a striped cell the number is haloed in the cell's colour, as the grids set it on a patch of it.
          const halo = cell.neg ? { stroke: cell.bg, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } : {};
          parts.push(
            el('text', { x: cx + cw / 2, y: cy + ch / 2, dy: '0.35em', 'text-anchor': 'middle', 'font-size': cellFont(cell.text), fill: cell.fg, ...halo, 'data-cell': `${r},${c}` }, escapeXml(cell.text)),
          );
        }
        if (cell.mark === 'active') marks.push(el('rect', { x: cx - 1.5, y: cy - 1.5, width: cw + 3, height: ch + 3, rx: 4, fill: 'none', stroke: C.accent, 'stroke-width': 3 }));
        else if (cell.mark === 'dep') {
          marks.push(el('rect', { x: cx, y: cy, width: cw, height: ch, rx: 3, fill: 'none', stroke: '#ffffff', 'stroke-width': 4 }));
          marks.push(el('rect', { x: cx, y: cy, width: cw, height: ch, rx: 3, fill: 'none', stroke: C.dep, 'stroke-width': 2 }));
        }
      }
    parts.push(...marks);
    let ny = y + CAPTION_H + gridH + 4;
    for (const line of noteLines) {
      ny += 18;
      parts.push(text(x, ny - 5, line, { 'font-family': SERIF, 'font-size': NOTE_FONT, fill: C.muted }));
    }
    return el('g', { 'data-matrix': g.name, 'data-rows': String(g.rows), 'data-cols': String(g.cols) }, parts.join(''));
  };
  return { w, h, draw };
}

/** An arrow naming an operation, before a grid: the name in small capitals over →, centred on the grid's height. */
function withArrow(label: string, grid: Box): Box {
  const shown = label.toLocaleUpperCase();
  const aw = Math.max(22, textWidth(shown, LABEL_FONT) * 1.1);
  return {
    w: aw + ARROW_GAP + grid.w,
    h: grid.h,
    draw: (x, y) => {
      const mid = y + grid.h / 2;
      const a = [
        text(x + aw / 2, mid - 6, shown, { 'font-size': LABEL_FONT, 'letter-spacing': 0.5, 'text-anchor': 'middle', fill: C.muted }),
        text(x + aw / 2, mid + 14, '→', { 'font-size': 22.4, 'text-anchor': 'middle', fill: C.muted }),
      ];
      return el('g', { 'aria-hidden': 'true' }, a.join('')) + grid.draw(x + aw + ARROW_GAP, y);
    },
  };
}

/** Boxes flowed into lines no wider than `width`, top-aligned; the size used and how to draw them. */
function flow(boxes: readonly Box[], width: number): Box {
  const lines: { boxes: Box[]; w: number; h: number }[] = [];
  for (const b of boxes) {
    const last = lines[lines.length - 1];
    if (last && last.w + ITEM_GAP_X + b.w <= width) {
      last.boxes.push(b);
      last.w += ITEM_GAP_X + b.w;
      last.h = Math.max(last.h, b.h);
    } else lines.push({ boxes: [b], w: b.w, h: b.h });
  }
  return {
    w: Math.max(0, ...lines.map((l) => l.w)),
    h: lines.reduce((s, l) => s + l.h, 0) + Math.max(0, lines.length - 1) * ITEM_GAP_Y,
    draw: (x, y) => {
      let out = '';
      let ly = y;
      for (const l of lines) {
        let lx = x;
        for (const b of l.boxes) {
          out += b.draw(lx, ly);
          lx += b.w + ITEM_GAP_X;
        }
        ly += l.h + ITEM_GAP_Y;
      }
      return out;
    },
  };
}

/** A panel with the page's frame: white, a thin border, rounded corners. */
const panel = (x: number, y: number, w: number, h: number): string => el('rect', { x, y, width: w, height: h, rx: 6, fill: C.panel, stroke: C.line });

/** Lines of wrapped text, and the height they take. */
interface TextBlock {
  lines: string[];
  size: number;
  lead: number;
  w: number;
}
const block = (s: string, width: number, size: number, lead: number, bold = false): TextBlock => {
  const lines = wrapText(s, width, size, bold);
  return { lines, size, lead, w: Math.max(...lines.map((l) => textWidth(l, size, bold))) };
};
const drawBlock = (b: TextBlock, x: number, y: number, a: Readonly<Record<string, string | number | undefined>>): string =>
  b.lines.map((l, k) => text(x, y + b.size + k * b.lead, l, { 'font-size': b.size, ...a })).join('');
const blockH = (b: TextBlock): number => b.lines.length * b.lead;

const TAG_W = 70.4;
const TAG_MAX = 144;
const TAG_FONT = 11.2;
const LINE_FONT = 15;

/** The derivation panel's contents laid out at a width: its height and how to draw it. */
function derivationBox(d: PictureDerivation, width: number): Box & { need: number } {
  const inner = width - 2 * 12.8;
  const title = block(d.title, inner, 17, 22, true);
  const notes = d.notes.map((s) => block(s, inner, 14, 19));
  // The tags' column is as wide as its widest tag, within the panel's 4.4 to 9 rem.
  const tags = d.lines.map((l) => l.tag.toLocaleUpperCase());
  const tagW = Math.min(TAG_MAX, Math.max(TAG_W, ...tags.map((s) => textWidth(s, TAG_FONT) + 10)));
  const lines = d.lines.map((l, k) => ({ tag: block(tags[k], tagW - 6, TAG_FONT, 14), body: block(l.text, inner - tagW, LINE_FONT, 20) }));
  const formHead = d.form ? block(d.form.heading, inner, 12.8, 17, true) : null;
  const form = d.form ? d.form.lines.map((s) => block(s, inner, LINE_FONT, 20)) : [];
  const lineH = (l: (typeof lines)[number]) => Math.max(blockH(l.tag), blockH(l.body)) + 6;
  const h =
    8 + blockH(title) + 4 + notes.reduce((s, b) => s + blockH(b) + 4, 0) + lines.reduce((s, l) => s + lineH(l), 0) + (formHead ? 8 + blockH(formHead) + form.reduce((s, b) => s + blockH(b) + 2, 0) : 0) + 8;
  // A formula wider than the panel is never cut: the picture grows to hold it.
  const need = 2 * 12.8 + Math.max(title.w, ...notes.map((b) => b.w), ...lines.map((l) => tagW + l.body.w), ...form.map((b) => b.w));
  return {
    w: width,
    h,
    need,
    draw: (x, y) => {
      const parts = [panel(x, y, width, h)];
      const ix = x + 12.8;
      let cy = y + 8;
      parts.push(drawBlock(title, ix, cy, { 'font-weight': 'bold', fill: C.fg }));
      cy += blockH(title) + 4;
      for (const b of notes) {
        parts.push(drawBlock(b, ix, cy, { fill: C.fg }));
        cy += blockH(b) + 4;
      }
      for (const l of lines) {
        // The tag sits on the formula's first baseline.
        parts.push(drawBlock(l.tag, ix, cy + (LINE_FONT - TAG_FONT), { fill: C.muted, 'letter-spacing': 0.4 }));
        parts.push(drawBlock(l.body, ix + tagW, cy, { 'font-family': SERIF, fill: C.fg }));
        cy += lineH(l);
      }
      if (formHead) {
        parts.push(el('line', { x1: ix, x2: x + width - 12.8, y1: cy + 3, y2: cy + 3, stroke: '#dddddd' }));
        cy += 8;
        parts.push(drawBlock(formHead, ix, cy, { 'font-weight': 'bold', fill: C.muted }));
        cy += blockH(formHead);
        for (const b of form) {
          parts.push(drawBlock(b, ix, cy, { 'font-family': SERIF, fill: C.fg }));
          cy += blockH(b) + 2;
        }
      }
      return el('g', { 'data-part': 'derivation' }, parts.join(''));
    },
  };
}

/** The SVG document of a lesson's picture. */
export function lessonSvg(p: LessonPicture): LessonSvg {
  const rows = p.passes.map((pass) => {
    const boxes = pass.grids.map((g) => (g.arrow ? withArrow(g.arrow, gridBox(g)) : gridBox(g)));
    return { pass, row: flow(boxes, MAX_ROW - 2 * PANEL_PAD_X), heading: block(pass.heading, MAX_ROW - 2 * PANEL_PAD_X, 16, 22, true) };
  });
  const about = p.about.map((s) => block(s, MAX_ROW, 13.6, 18));
  const titleW = textWidth(p.title, 20, true);
  let inner = Math.max(MIN_WIDTH, titleW, ...about.map((b) => b.w), ...rows.map((r) => Math.max(r.row.w, r.heading.w) + 2 * PANEL_PAD_X));
  let deriv = p.derivation ? derivationBox(p.derivation, inner) : null;
  if (deriv && deriv.need > inner) {
    inner = Math.ceil(deriv.need);
    deriv = derivationBox(p.derivation as PictureDerivation, inner);
  }
  const legend = block(p.legend, inner, 12.8, 17);

  const parts: string[] = [];
  let y = MARGIN;
  parts.push(text(MARGIN, y + 20, p.title, { 'font-size': 20, 'font-weight': 'bold', fill: C.fg }));
  y += 28;
  for (const b of about) {
    parts.push(drawBlock(b, MARGIN, y, { fill: C.muted }));
    y += blockH(b);
  }
  y += 8;
  for (const r of rows) {
    const h = 3.2 + blockH(r.heading) + 4 + r.row.h + 8;
    const body = [panel(MARGIN, y, inner, h), drawBlock(r.heading, MARGIN + PANEL_PAD_X, y + 3.2, { 'font-weight': 'bold', fill: C.fg }), r.row.draw(MARGIN + PANEL_PAD_X, y + 3.2 + blockH(r.heading) + 4)];
    parts.push(el('g', { 'data-pass': r.pass.pass }, body.join('')));
    y += h + PANEL_GAP;
  }
  if (deriv) {
    parts.push(deriv.draw(MARGIN, y));
    y += deriv.h + PANEL_GAP;
  }
  parts.push(drawBlock(legend, MARGIN, y, { fill: C.muted }));
  y += blockH(legend);

  const width = Math.ceil(inner + 2 * MARGIN);
  const height = Math.ceil(y + MARGIN);
  const defs =
    '<defs><pattern id="bp-neg" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="#000000" fill-opacity="0.09"/></pattern></defs>';
  const desc = [...p.about, p.legend].join(' ');
  const svg =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs({ width, height, viewBox: `0 0 ${width} ${height}`, lang: p.lang, 'xml:lang': p.lang, role: 'img', 'aria-labelledby': 'bp-title', 'font-family': SANS })}>\n` +
    `${el('title', { id: 'bp-title' }, escapeXml(p.title))}${el('desc', {}, escapeXml(desc))}\n${defs}\n` +
    `${el('rect', { width, height, fill: C.page })}\n${parts.join('\n')}\n</svg>\n`;
  return { svg, width, height };
}
