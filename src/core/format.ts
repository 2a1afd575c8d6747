/** A number to `digits` significant digits, without trailing zeros or exponent for everyday magnitudes. */
export function formatNumber(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(Number(v.toPrecision(digits))); // the magnitude after rounding picks the notation
  let s: string;
  if (a >= 1e-4 && a < 1e6) {
    s = Number(v.toPrecision(digits)).toString();
  } else {
    s = v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  }
  return s.replace(/-/g, '−');
}

/** The same number written for LaTeX: negatives in parentheses when they are a factor. */
export function texNumber(v: number, digits = 3, wrapNegative = true): string {
  const s = formatNumber(v, digits).replace(/−/g, '-');
  const e = s.match(/^(-?[\d.]+)e([+-]?\d+)$/);
  const body = e ? `${e[1]} \\times 10^{${Number(e[2])}}` : s;
  return wrapNegative && v < 0 ? `(${body})` : body;
}
