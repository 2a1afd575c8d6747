// Typeset LaTeX, remembered: hovering back and forth over cells re-renders
// nothing. One cache per app, least recently used entries forgotten first.
import katex from 'katex';

/** A KaTeX cache. */
export interface TexCache {
  /** KaTeX's HTML for a formula, with MathML for assistive technology unless `mathml` is false; never throws. */
  render(tex: string, display?: boolean, mathml?: boolean): string;
  /** True when a formula is already typeset. */
  has(tex: string, display?: boolean, mathml?: boolean): boolean;
}

/** Makes a cache holding at most `max` typeset formulas. */
export function createTexCache(max = 3000): TexCache {
  // Least recently used first: a Map keeps insertion order, and a hit moves its entry to the end.
  const cache = new Map<string, string>();
  const keyOf = (tex: string, display: boolean, mathml: boolean) => (display ? 'D' : 'I') + (mathml ? 'M' : 'H') + tex;
  return {
    render: (tex, display = false, mathml = true) => {
      const k = keyOf(tex, display, mathml);
      let html = cache.get(k);
      if (html === undefined) {
        html = katex.renderToString(tex, { throwOnError: false, displayMode: display, output: mathml ? 'htmlAndMathml' : 'html', strict: 'ignore' });
        if (cache.size >= max) {
          // Forget the least recently used tenth.
          let n = Math.max(1, Math.floor(max / 10));
          for (const old of cache.keys()) {
            cache.delete(old);
            if (--n <= 0) break;
          }
        }
      } else cache.delete(k);
      cache.set(k, html);
      return html;
    },
    has: (tex, display = false, mathml = true) => cache.has(keyOf(tex, display, mathml)),
  };
}
