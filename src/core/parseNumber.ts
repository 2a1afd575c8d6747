// Reading one number as people type it: '−' or '-', spaces, a leading '+', exponents.

/** The number a text spells, or null unless it is one finite number (−0 reads as 0). */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/^\+/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v + 0 : null;
}
