// Heatmap colours: a diverging, colour-blind-safe purple–orange scale centred
// on zero, with text colour chosen for contrast on each background.
import { interpolateRgbBasis, rgb, scaleDiverging } from 'd3';

/**
 * ColorBrewer's PuOr in 11 steps, purple to orange: d3's interpolatePuOr is this ramp. Written out because
 * d3-scale-chromatic's bundle builds every one of its schemes when it loads, which a bundler cannot drop.
 */
export const PU_OR = ['#2d004b', '#542788', '#8073ac', '#b2abd2', '#d8daeb', '#f7f7f7', '#fee0b6', '#fdb863', '#e08214', '#b35806', '#7f3b08'];
const interpolatePuOr = interpolateRgbBasis(PU_OR);

/** The text colours a heat cell may be painted in. */
export const HEAT_TEXT = ['#000000', '#ffffff'] as const;

/** A function from value to { background, text } for one matrix's range. */
export function heatScale(values: ArrayLike<number>): (v: number) => { bg: string; fg: string } {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (Number.isFinite(values[k])) max = Math.max(max, Math.abs(values[k]));
  if (max === 0) max = 1;
  // In d3 PuOr, low values are purple and high values orange. Keep off the darkest ends.
  const scale = scaleDiverging((t: number) => interpolatePuOr(0.5 + (t - 0.5) * 0.8)).domain([-max, 0, max]);
  return (v: number) => {
    if (!Number.isFinite(v)) return { bg: '#ffffff', fg: '#b00020' };
    const bg = rgb(scale(v)).formatHex();
    return { bg, fg: contrastText(bg) };
  };
}

const lin = (u: number): number => {
  const s = u / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance of a CSS colour (its alpha ignored). */
export function luminance(colour: string): number {
  const c = rgb(colour);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** WCAG 2 contrast ratio of two CSS colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The text colour of HEAT_TEXT with the higher contrast ratio against bg, measured with the very colours painted.
 * On every colour of the scale the better of the two reaches at least 4.59:1; the cell's text sits on bg itself,
 * never on the stripes of a negative cell (styles.css), so that is the contrast a learner gets.
 */
export function contrastText(bg: string): string {
  const [dark, light] = HEAT_TEXT;
  return contrastRatio(bg, dark) >= contrastRatio(bg, light) ? dark : light;
}
