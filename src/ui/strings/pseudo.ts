// A pseudo-locale for testing translation: every string of the English
// catalogue with its letters accented, its vowels doubled (about 40% longer,
// as German or Finnish text often is) and wrapped in ⟦ ⟧, so untranslated
// English and clipped text both show at a glance. Selected with lang=en-XA.
import type { CataloguePart } from './en.ts';
import { captionPieces } from '../../tour/caption.ts';
import { mapText } from './template.ts';

/** The pseudo-locale's tag (the tag reserved for pseudo-localisation). */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ď', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ď', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
const VOWELS = new Set('aeiouyAEIOUY');

/** One piece of text, pseudo-localised. */
export function pseudoText(text: string): string {
  let out = '';
  let letters = 0;
  for (const ch of text) {
    const a = ACCENTS[ch] ?? ch;
    out += VOWELS.has(ch) ? a + a : a;
    // One more letter in every eight, so the text grows by about 40% in all.
    if (a !== ch && ++letters % 8 === 0) out += a;
  }
  return out;
}

/** Text with inline maths between $…$ (a tour's caption): only the words are pseudo-localised, so KaTeX still reads the maths. */
const pseudoWords = (text: string): string =>
  text.includes('$') ? captionPieces(text).map((p) => (p.kind === 'tex' ? `$${p.tex}$` : pseudoText(p.text))).join('') : pseudoText(text);

/** The pseudo-locale's catalogue (or part of one), made from the English one. */
export function pseudoCatalogue<C extends CataloguePart>(en: C): C {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(en)) out[k] = v === '' ? '' : `⟦${mapText(v ?? '', pseudoWords)}⟧`;
  return out as C;
}
