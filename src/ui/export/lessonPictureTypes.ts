// What a lesson's picture shows, as data (lessonPicture.ts gathers it, lessonSvg.ts draws it).
/** One cell as drawn. */
export interface PictureCell {
  /** The number as the grid shows it ('' when muted). */
  text: string;
  bg: string;
  fg: string;
  /** Negative: striped, as the grids stripe negative cells. */
  neg: boolean;
  /** Not computed yet, or a loss the lesson does without: grey, dashed and empty. */
  muted: boolean;
  /** The explained cell, or a cell its value depends on or feeds. */
  mark: 'active' | 'dep' | null;
}

/** One matrix: its frame, its cells row-major, and what is written under it (the loss's formula). */
export interface PictureGrid {
  name: string;
  label: string;
  badge: string;
  rows: number;
  cols: number;
  /** What the rows and columns count ('s', 'i', 'j'), for the corner label; null for an axis of length 1. */
  rowAxis: string | null;
  colAxis: string | null;
  cells: readonly PictureCell[];
  /** Drawn as a heatmap: small cells without numbers (past the grids' 12 × 12), as the lesson draws it. */
  heatmap: boolean;
  /** The operation the arrow before it names, or null for no arrow. */
  arrow: string | null;
  /** Lines of text under the grid. */
  notes: readonly string[];
}

/** A row of the lesson: its heading and its grids. */
export interface PicturePass {
  pass: string;
  heading: string;
  grids: readonly PictureGrid[];
}

/** A line of the derivation: its tag ('rule', 'numbers') and its text. */
export interface PictureLine {
  tag: string;
  text: string;
}

/** The explained cell's derivation, as plain text. */
export interface PictureDerivation {
  /** 'dL/dW[1,0] = 0.123456'. */
  title: string;
  notes: readonly string[];
  lines: readonly PictureLine[];
  form: { heading: string; lines: readonly string[] } | null;
}

/** Everything the picture shows. */
export interface LessonPicture {
  /** The document's language, a BCP 47 tag. */
  lang: string;
  title: string;
  /** Lines under the title: the lesson's settings, where the player is. */
  about: readonly string[];
  passes: readonly PicturePass[];
  derivation: PictureDerivation | null;
  /** The colour legend, last. */
  legend: string;
}

/** The picture: the SVG document's text and its size in CSS pixels. */
export interface LessonSvg {
  svg: string;
  width: number;
  height: number;
}

// The page's colours and sizes (styles.css, at a 16 px root), so the picture looks like the screen.
