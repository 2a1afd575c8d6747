// How many figures a derivation's numbers line shows, so that a learner who
// works the line out from the numbers as shown gets the result as shown.
// Numbers that need 6 figures or fewer are written exactly (the lessons' own
// values mostly are). Otherwise the plugged-in numbers get the fewest
// significant figures, from 3 up to 6, for which that holds, and the result
// gets no more figures than its numbers justify (fewer when terms cancel). When no choice up to 6 works (heavy
// cancellation, a slope or a log near a flat point), what the shown numbers
// give is returned, for the panel to say.
import { roundTo } from './format.ts';
import type { PluggedTerm } from './ops/types.ts';

/** The fewest significant figures a plugged-in number is shown with. */
export const MIN_DIGITS = 3;
/** The most. */
export const MAX_DIGITS = 6;

/** The figures of a numbers line and its result, and what the shown numbers give when that is not the result. */
export interface LinePrecision {
  /** Significant figures of the plugged-in numbers. */
  digits: number;
  /** Significant figures of the result. */
  resultDigits: number;
  /** The line worked out from its shown numbers, when it does not round to the shown result (then shown to MAX_DIGITS, as the result is); null when it does. */
  gives: number | null;
}

/** The power of ten of v's leading figure once v is rounded to `digits` figures (v ≠ 0): 0 for 2.551, −3 for 0.00123. */
const exponentOf = (v: number, digits: number): number => Number(v.toExponential(digits - 1).split('e')[1]);

/** scale · Σ terms, each worked out from its numbers rounded to `digits` figures, as a learner would from the screen. */
export function lineFrom(scale: number, plugged: readonly PluggedTerm[], digits: number): number {
  let sum = 0;
  for (const p of plugged) sum += p.of(p.shown.map((v) => roundTo(v, digits)));
  return scale * sum;
}

/**
 * How far the line moves when every number moves by half a unit in its last of MIN_DIGITS figures: a first-order
 * bound on its rounding error, which shrinks tenfold with each figure more. The unit is found from log10, which may
 * be a power of ten off at an exact power of ten: near enough for a bound.
 */
export function spread(scale: number, plugged: readonly PluggedTerm[]): number {
  let e = 0;
  for (const p of plugged) {
    const at = p.of(p.shown);
    p.shown.forEach((v, k) => {
      if (v === 0 || !Number.isFinite(v)) return;
      const moved = p.shown.slice();
      moved[k] = v + 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(v))) - MIN_DIGITS + 1);
      e += Math.abs(p.of(moved) - at);
    });
  }
  return Math.abs(scale) * e;
}

/** The figures of the result that numbers of `digits` figures justify (`err` their spread at MIN_DIGITS): its last figure no finer than their rounding error, and at most `digits`. */
function justified(value: number, err: number, digits: number): number {
  if (value === 0 || err === 0) return digits;
  const q = Math.floor(exponentOf(value, digits) + 1 - Math.log10(err) + (digits - MIN_DIGITS));
  return Math.min(digits, Math.max(1, q));
}

/** x / 10^e, in two steps so that neither overflows nor underflows for any double (e from −324 to 308). */
const unscaled = (x: number, e: number): number => x * 10 ** -Math.trunc(e / 2) * 10 ** -(e - Math.trunc(e / 2));

/** True when `line` rounds to `shown` at `digits` figures, clear of the halfway point (so no rounding convention decides it). */
function agrees(line: number, shown: number, digits: number, scale: number, plugged: readonly PluggedTerm[]): boolean {
  if (shown === 0) {
    // A result of exactly 0: the line must give 0, up to floating-point noise in its terms.
    let size = 0;
    for (const p of plugged) size += Math.abs(p.of(p.shown));
    return Math.abs(line) <= 1e-12 * Math.abs(scale) * size;
  }
  // Compared as mantissas, so that the halfway point of the tiniest numbers does not underflow to 0.
  const e = exponentOf(shown, digits);
  return Math.abs(unscaled(line, e) - unscaled(shown, e)) < 0.5 * 10 ** (1 - digits) * (1 - 1e-9);
}

/** The most figures, from `most` down to `fewest`, at which the line gives the result as shown; null for none. */
function resultFigures(value: number, line: number, most: number, fewest: number, scale: number, plugged: readonly PluggedTerm[]): number | null {
  for (let q = most; q >= fewest; q--) if (agrees(line, roundTo(value, q), q, scale, plugged)) return q;
  return null;
}

/** True when v written to `digits` figures is v, up to the floating-point noise of the sums that made it (1.9 · −0.66 + … is −1.6050000000000002). */
const writesExactly = (v: number, digits: number): boolean => Math.abs(roundTo(v, digits) - v) <= 1e-12 * Math.abs(v);

/** The fewest figures (at least MIN_DIGITS) that write every number as the value it is, or null when some need more than MAX_DIGITS. */
function exactFigures(plugged: readonly PluggedTerm[]): number | null {
  let most = MIN_DIGITS;
  for (const p of plugged)
    for (const v of p.shown) {
      while (most <= MAX_DIGITS && !writesExactly(v, most)) most++;
      if (most > MAX_DIGITS) return null;
    }
  return most;
}

/**
 * The figures of a numbers line: value = scale · Σ of(shown). Numbers that can be written exactly in up to
 * MAX_DIGITS figures are, and the result gets MAX_DIGITS as the heading does. The numbers get the fewest figures for which the
 * line gives the result as shown; the result as many as they justify, or fewer where one figure fewer is what makes
 * the line come out right (a number halved ends in a 5 one place further on). The result keeps at least MIN_DIGITS
 * figures, or as many as numbers of MAX_DIGITS figures justify when that is fewer.
 */
export function linePrecision(value: number, scale: number, plugged: readonly PluggedTerm[]): LinePrecision {
  if (!Number.isFinite(value) || plugged.some((p) => p.shown.some((v) => !Number.isFinite(v)))) return { digits: MIN_DIGITS, resultDigits: MIN_DIGITS, gives: null };
  // Numbers that can be written as they are need no rounding: the line is then exact, and the result as precise as the value's own.
  const exact = exactFigures(plugged);
  if (exact !== null && agrees(lineFrom(scale, plugged, exact), roundTo(value, MAX_DIGITS), MAX_DIGITS, scale, plugged)) return { digits: exact, resultDigits: MAX_DIGITS, gives: null };
  const err = spread(scale, plugged);
  const floor = Math.min(MIN_DIGITS, justified(value, err, MAX_DIGITS));
  for (let digits = MIN_DIGITS; digits <= MAX_DIGITS; digits++) {
    const q = resultFigures(value, lineFrom(scale, plugged, digits), justified(value, err, digits), floor, scale, plugged);
    if (q !== null) return { digits, resultDigits: q, gives: null };
  }
  // Even the most figures do not add up: the result is the unrounded values' own, and the panel says what the shown numbers give.
  const line = lineFrom(scale, plugged, MAX_DIGITS);
  return { digits: MAX_DIGITS, resultDigits: MAX_DIGITS, gives: agrees(line, roundTo(value, MAX_DIGITS), MAX_DIGITS, scale, plugged) ? null : line };
}
