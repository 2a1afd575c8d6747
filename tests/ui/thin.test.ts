// The training charts' helpers: a long loss curve thinned to each stretch's extremes, a long table to even rows.
import { describe, expect, it } from 'vitest';
import { MAX_LINE_POINTS, evenIndices, finiteExtent, nearestIndex, thinLine, wantsLogScale } from '../../src/ui/train/thin.ts';

describe('thinLine', () => {
  it('keeps every point of a short series', () => {
    expect(thinLine([3, 1, 2])).toEqual([{ i: 0, v: 3 }, { i: 1, v: 1 }, { i: 2, v: 2 }]);
  });

  it('draws 100,000 updates with at most 2,000 points, keeping the extremes of every stretch in order', () => {
    const values = Array.from({ length: 100_000 }, (_, k) => 1 / (1 + k / 100) + 0.05 * Math.sin(k * 1.7));
    values[54_321] = 9; // a spike
    values[77_777] = -3; // a dip
    const pts = thinLine(values);
    expect(pts.length).toBeLessThanOrEqual(MAX_LINE_POINTS);
    expect(pts.length).toBe(2000);
    expect(pts.some((p) => p.i === 54_321 && p.v === 9)).toBe(true);
    expect(pts.some((p) => p.i === 77_777 && p.v === -3)).toBe(true);
    for (let k = 1; k < pts.length; k++) expect(pts[k].i).toBeGreaterThan(pts[k - 1].i);
    expect(pts[0].i).toBeLessThan(50);
    expect(pts[pts.length - 1].i).toBeGreaterThan(99_950);
  });

  it('gives one point for a flat stretch and a non-finite one where the losses are not numbers (the line breaks)', () => {
    const values = [...Array(10).fill(1), ...Array(10).fill(Number.NaN)];
    const pts = thinLine(values, 4);
    expect(pts).toHaveLength(2);
    expect(pts[0].v).toBe(1);
    expect(Number.isNaN(pts[1].v)).toBe(true);
  });
});

describe('the loss axis', () => {
  it('is logarithmic only when every loss is above 0 and they span more than two decades', () => {
    expect(wantsLogScale(finiteExtent([2.3, 0.01]))).toBe(true);
    expect(wantsLogScale(finiteExtent([2, 0.05]))).toBe(false);
    expect(wantsLogScale(finiteExtent([2.3, 0, 0.001]))).toBe(false);
    expect(wantsLogScale(finiteExtent([Number.NaN, Infinity]))).toBe(false);
    expect(finiteExtent([3, Number.NaN, -1, Infinity])).toEqual({ min: -1, max: 3 });
  });
});

describe('evenIndices and nearestIndex', () => {
  it('keeps at most 200 rows, evenly spaced, the first and the last among them', () => {
    expect(evenIndices(5)).toEqual([0, 1, 2, 3, 4]);
    const rows = evenIndices(1001);
    expect(rows).toHaveLength(200);
    expect(rows[0]).toBe(0);
    expect(rows[199]).toBe(1000);
    const gaps = rows.slice(1).map((r, k) => r - rows[k]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('finds the nearest value of an ascending list', () => {
    expect(nearestIndex([], 3)).toBe(-1);
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([0, 10, 20], 15)).toBe(1);
    expect(nearestIndex([0, 10, 20], -5)).toBe(0);
    expect(nearestIndex([0, 10, 20], 99)).toBe(2);
  });
});
