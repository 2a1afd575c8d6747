// The lesson picture's colours and measures, in CSS pixels: the sizes the lesson view draws at (styles.css).
export const C = {
  page: '#fafaf7',
  panel: '#ffffff',
  line: '#c9c9c2',
  fg: '#1a1a1a',
  muted: '#555555',
  accent: '#1b4f9c',
  dep: '#0b0b0b',
  badgeBg: '#ecece6',
  badgeFg: '#333333',
  mutedCell: '#f2f2ee',
  mutedEdge: '#767676',
};
export const SANS = 'sans-serif';
export const SERIF = 'serif';
export const CELL_W = 62.4;
export const CELL_H = 28.8;
export const GAP = 2;
export const CELL_FONT = 12.8;
export const LABEL_FONT = 10.4;
export const ROW_LABEL_W = 25.6;
export const COL_LABEL_H = 15;
export const CAPTION_H = 21;
export const GRID_PAD = 3;
export const ITEM_GAP_X = 16;
export const ITEM_GAP_Y = 6.4;
export const ARROW_GAP = 16;
export const NOTE_FONT = 13.6;
export const NOTE_W = 256;
export const PANEL_PAD_X = 11.2;
export const PANEL_GAP = 8;
export const MARGIN = 16;
/** The widest a row of grids runs before it wraps, as on a wide screen. */
export const MAX_ROW = 1180;
/** The narrowest the picture is, so the derivation's lines have room. */
export const MIN_WIDTH = 560;
export const HEAT_SIDE = { min: 2, max: 16, target: 360 };
