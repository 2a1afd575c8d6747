// The heatmap's purple–orange ramp is d3's interpolatePuOr, written out so that the bundle leaves out
// d3-scale-chromatic (which builds all of its schemes when it loads).
import { interpolatePuOr, interpolateRgbBasis } from 'd3';
import { describe, expect, it } from 'vitest';
import { PU_OR, heatScale } from '../../src/ui/matrix/colour.ts';

describe('the heatmap ramp', () => {
  it('is ColorBrewer PuOr as d3 has it, colour for colour', () => {
    const ours = interpolateRgbBasis(PU_OR);
    for (let k = 0; k <= 100; k++) expect(ours(k / 100)).toBe(interpolatePuOr(k / 100));
    // Through the scale: every value's background is what d3's own interpolator gives.
    const scale = heatScale([-2, 2]);
    for (let v = -2; v <= 2; v += 0.125) {
      const t = 0.5 + (v / 2) * 0.5;
      expect(scale(v).bg).toBe(hex(interpolatePuOr(0.5 + (t - 0.5) * 0.8)));
    }
  });
});

function hex(rgbText: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(rgbText)!;
  return `#${m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}
