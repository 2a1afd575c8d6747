// What the training charts draw, made small: a long loss curve thinned to the extremes of each stretch of updates,
// a long table thinned to evenly spaced rows, and the choice of a log or a linear loss axis. Pure, for the views.

/** The most points the loss line is drawn with, whatever the number of updates. */
export const MAX_LINE_POINTS = 2000;

/** The most rows the epoch table shows. */
export const MAX_TABLE_ROWS = 200;

/** A point of the loss line: the index of the update in the run's losses, and its loss. */
export interface LinePoint {
  i: number;
  v: number;
}

/**
 * At most maxPoints points of the series, in order: all of them when they fit, otherwise the smallest and the largest
 * finite value of each of maxPoints/2 equal stretches, so every spike and dip still shows. A stretch with no finite
 * value gives one non-finite point, where the line breaks.
 */
export function thinLine(values: readonly number[], maxPoints = MAX_LINE_POINTS): LinePoint[] {
  const n = values.length;
  if (n <= maxPoints) return values.map((v, i) => ({ i, v }));
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const out: LinePoint[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * n) / buckets), end = Math.floor(((b + 1) * n) / buckets);
    let lo = -1, hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) out.push({ i: start, v: values[start] });
    else if (lo === hi) out.push({ i: lo, v: values[lo] });
    else for (const i of lo < hi ? [lo, hi] : [hi, lo]) out.push({ i, v: values[i] });
  }
  return out;
}

/** The smallest and largest finite values, or null when there are none. */
export function finiteExtent(values: readonly number[]): { min: number; max: number } | null {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

/** True when a loss axis over this extent should be logarithmic: every value above 0, spanning more than two decades. */
export function wantsLogScale(extent: { min: number; max: number } | null): boolean {
  return extent !== null && extent.min > 0 && extent.max / extent.min > 100;
}

/** At most max indices of 0..n−1, evenly spaced, the first and the last among them. */
export function evenIndices(n: number, max = MAX_TABLE_ROWS): number[] {
  if (n <= max) return Array.from({ length: n }, (_, k) => k);
  if (max <= 1) return n > 0 ? [n - 1] : [];
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / (max - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

/** The index of the value of an ascending list nearest to x (the earlier one on a tie), or −1 for an empty list. */
export function nearestIndex(sorted: readonly number[], x: number): number {
  if (sorted.length === 0) return -1;
  let lo = 0, hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - sorted[lo - 1] <= sorted[lo] - x ? lo - 1 : lo;
}
