// Text in the lesson's SVG picture: its width estimated per character (no DOM to measure it), wrapped to a width,
// and escaped as XML.
/** Characters narrower or wider than a lowercase letter, in ems of a sans-serif or serif face. */
const NARROW = new Set([...'iljtfr.,:;\'|!()[]/\u202f ']);
const WIDE = new Set([...'mwMW∂Σ—…⋯']);

/**
 * The width of a text set in a generic face, estimated a little wide: the picture is laid out without a browser, so
 * the face a viewer substitutes decides the real width. A box is made to hold the estimate.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const ch of text) {
    if (ch === '\u2060' || /\p{Mn}/u.test(ch)) continue;
    if (NARROW.has(ch)) ems += 0.32;
    else if (WIDE.has(ch)) ems += 0.86;
    else if (ch === '\u00a0') ems += 0.28;
    else if (ch === '\u2003') ems += 1;
    else if (/[0-9]/.test(ch)) ems += 0.57;
    else if (/[A-Z]/.test(ch)) ems += 0.68;
    else if (/[₀-₟ᵢ-ᵪⁱⁿ⁰-⁹ᵀᴮᴺ]/u.test(ch)) ems += 0.38;
    else ems += 0.56;
  }
  return ems * size * (bold ? 1.08 : 1);
}

/**
 * A text broken into lines no wider than `width`, at its ordinary spaces only (the plain-text formulas hold
 * no-break spaces where a formula must not break). A word wider than the width has a line of its own.
 */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out.length ? out : [''];
}

/** Text as XML character data or an attribute value. */
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch);
