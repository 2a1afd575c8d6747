// The one number formatter: significant digits as a learner reads them, in a
// locale's decimal mark and digit grouping, as text or as LaTeX.

/** Numbers written for one locale. */
export interface NumberFormat {
  readonly locale: string;
  /** v to `digits` significant digits, without trailing zeros or exponent for everyday magnitudes; minus as '−'. */
  text(v: number, digits?: number): string;
  /** The same for LaTeX; negatives in parentheses when they are a factor (wrapNegative). */
  tex(v: number, digits?: number, wrapNegative?: boolean): string;
  /** A whole number with the locale's digit grouping, e.g. 1,048,576. */
  integer(n: number): string;
}

/**
 * Locales whose decimal mark is known without asking Intl, and whose whole numbers under 1,000 are written plainly:
 * the first Intl.NumberFormat of a page loads ICU's number data, tens of milliseconds before the first paint.
 */
const KNOWN_MARK: Readonly<Record<string, string>> = { en: '.', 'en-XA': '.' };

/** The decimal mark of a locale, e.g. '.' or ','. */
function decimalMark(locale: string): string {
  if (Object.hasOwn(KNOWN_MARK, locale)) return KNOWN_MARK[locale];
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

/** v rounded to `digits` significant figures: the value a reader sees when v is written with that many. */
export function roundTo(v: number, digits: number): number {
  return v === 0 || !Number.isFinite(v) ? v : Number(v.toPrecision(digits));
}

/** v in plain ASCII: '-0.5', '1.23e-7'. */
function plain(v: number, digits: number): string {
  if (v === 0) return '0';
  const rounded = roundTo(v, digits);
  const a = Math.abs(rounded); // the magnitude after rounding picks the notation
  if (a >= 1e-4 && a < 1e6) return rounded.toString();
  return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
}

/** The number formatter for a locale ('en' by default). */
export function numberFormat(locale = 'en'): NumberFormat {
  const mark = decimalMark(locale);
  // Made when first needed (see KNOWN_MARK).
  let grouping: Intl.NumberFormat | null = null;
  const group = (): Intl.NumberFormat => {
    if (grouping) return grouping;
    try {
      grouping = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    } catch {
      grouping = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    }
    return grouping;
  };
  const plainInteger = Object.hasOwn(KNOWN_MARK, locale);
  const integer = (n: number): string =>
    (plainInteger && Number.isInteger(n) && Math.abs(n) < 1000 && !Object.is(n, -0) ? String(n) : group().format(n)).replace(/-/g, '−');
  const text = (v: number, digits = 3): string => {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
    return plain(v, digits).replace('.', mark).replace(/-/g, '−');
  };
  const texOf = (v: number, digits = 3, wrapNegative = true): string => {
    if (Number.isNaN(v)) return '\\mathrm{NaN}';
    if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
    const s = plain(v, digits);
    const e = s.match(/^(-?[\d.]+)e([+-]?\d+)$/);
    const mantissa = (e ? e[1] : s).replace('.', mark === '.' ? '.' : `{${mark}}`);
    const body = e ? `${mantissa} \\times 10^{${Number(e[2])}}` : mantissa;
    return wrapNegative && v < 0 ? `(${body})` : body;
  };
  return { locale, text, tex: texOf, integer };
}

const EN = numberFormat('en');

/** A number to `digits` significant digits, in English notation. */
export function formatNumber(v: number, digits = 3): string {
  return EN.text(v, digits);
}

/** The same number written for LaTeX: negatives in parentheses when they are a factor. */
export function texNumber(v: number, digits = 3, wrapNegative = true): string {
  return EN.tex(v, digits, wrapNegative);
}

/** The English formatter, for callers that do not pass one. */
export const ENGLISH: NumberFormat = EN;
