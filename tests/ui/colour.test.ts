// The heat colours a learner reads values by: purple below zero, orange above,
// white at zero, darker with magnitude, the same darkness for v and −v, and
// text that stays readable (4.5:1) on every colour.
import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { contrastText, heatScale } from '../../src/ui/matrix/colour.ts';

const lin = (u: number) => {
  const s = u / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const c = rgb(hex);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('heatScale', () => {
  const values = [-2, -1, -0.5, 0, 0.5, 1, 2];
  const colour = heatScale(values);

  it('is white at zero, whatever the range', () => {
    for (const range of [[-1, 1], [0, 5], [-3, 0.1], [0]]) {
      const c = rgb(heatScale(range)(0).bg);
      expect(Math.min(c.r, c.g, c.b), `range ${range}`).toBeGreaterThanOrEqual(230);
    }
  });

  it('runs from purple (negative) to orange (positive), not the other way round', () => {
    for (const v of [-2, -1, -0.5]) {
      const c = rgb(colour(v).bg);
      expect(c.b, `${v} is purple: more blue than green`).toBeGreaterThan(c.g);
      expect(c.r, `${v} is not orange`).toBeLessThan(c.r + c.b);
      expect(c.b).toBeGreaterThan(c.g);
    }
    for (const v of [0.5, 1, 2]) {
      const c = rgb(colour(v).bg);
      expect(c.r, `${v} is orange: more red than blue`).toBeGreaterThan(c.b);
      expect(c.g, `${v} is orange: more green than blue`).toBeGreaterThan(c.b);
    }
  });

  it('darkens with magnitude, equally on both sides of zero', () => {
    const L = (v: number) => luminance(colour(v).bg);
    expect(L(0.5)).toBeLessThan(L(0));
    expect(L(1)).toBeLessThan(L(0.5));
    expect(L(2)).toBeLessThan(L(1));
    expect(L(-1)).toBeLessThan(L(-0.5));
    expect(L(-2)).toBeLessThan(L(-1));
    // The scale is centred on zero: −v is as far from white as v.
    for (const v of [0.5, 1, 2]) expect(Math.abs(L(v) - L(-v))).toBeLessThan(0.15);
  });

  it('spans the largest magnitude: the same value is paler in a wider range', () => {
    expect(luminance(heatScale([-4, 4])(1).bg)).toBeGreaterThan(luminance(heatScale([-1, 1])(1).bg));
  });

  it('keeps text at 4.5:1 or more on every colour', () => {
    for (let v = -2; v <= 2; v += 0.05) {
      const { bg, fg } = colour(v);
      expect(contrast(bg, fg), `value ${v.toFixed(2)} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('shows non-finite values plainly, in red on white', () => {
    expect(colour(Number.NaN)).toEqual({ bg: '#ffffff', fg: '#b00020' });
    expect(contrast('#ffffff', '#b00020')).toBeGreaterThanOrEqual(4.5);
  });

  it('picks black or white text by contrast', () => {
    expect(contrastText(255, 255, 255)).toBe('#000000');
    expect(contrastText(0, 0, 0)).toBe('#ffffff');
  });
});
