// Heatmap colours: a diverging, colour-blind-safe purple–orange scale centred
// on zero, with text colour chosen for contrast on each background.
import { interpolatePuOr, rgb, scaleDiverging } from 'd3';

/** A function from value to { background, text } for one matrix's range. */
export function heatScale(values: ArrayLike<number>): (v: number) => { bg: string; fg: string } {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) max = Math.max(max, Math.abs(values[k]));
  if (max === 0) max = 1;
  // In d3 PuOr, low values are purple and high values orange. Keep off the darkest ends.
  const scale = scaleDiverging((t: number) => interpolatePuOr(0.5 + (t - 0.5) * 0.8)).domain([-max, 0, max]);
  return (v: number) => {
    if (!Number.isFinite(v)) return { bg: '#ffffff', fg: '#b00020' };
    const c = rgb(scale(v));
    return { bg: c.formatHex(), fg: contrastText(c.r, c.g, c.b) };
  };
}

const lin = (u: number): number => {
  const s = u / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/**
 * Black or white, whichever contrasts more with the colour (WCAG relative luminance). Pure black and white
 * reach at least 4.58:1 on any colour; a softer black would fall below 4.5:1 on mid-tone purples.
 */
export function contrastText(r: number, g: number, b: number): string {
  const L = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000000' : '#ffffff';
}
