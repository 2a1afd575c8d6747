// Typesets LaTeX with KaTeX. Rendered strings are cached: hovering back and
// forth over cells re-renders nothing.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo } from 'react';

// Least recently used first: a Map keeps insertion order, and a hit moves its entry to the end.
const cache = new Map<string, string>();
const CACHE_MAX = 3000;

/**
 * KaTeX's HTML for a LaTeX string, with MathML for assistive technology unless `mathml` is false
 * (for formulas whose words are given another way); never throws.
 */
export function renderTex(tex: string, display = false, mathml = true): string {
  const k = (display ? 'D' : 'I') + (mathml ? 'M' : 'H') + tex;
  let html = cache.get(k);
  if (html === undefined) {
    html = katex.renderToString(tex, { throwOnError: false, displayMode: display, output: mathml ? 'htmlAndMathml' : 'html', strict: 'ignore' });
    if (cache.size >= CACHE_MAX) {
      // Forget the least recently used tenth.
      let n = CACHE_MAX / 10;
      for (const old of cache.keys()) {
        cache.delete(old);
        if (--n <= 0) break;
      }
    }
  } else cache.delete(k);
  cache.set(k, html);
  return html;
}

/** True when a formula is already typeset. */
export function isTexCached(tex: string, display = false, mathml = true): boolean {
  return cache.has((display ? 'D' : 'I') + (mathml ? 'M' : 'H') + tex);
}

/** A LaTeX formula as a span. Without MathML, the caller gives its words to assistive technology. */
export const Tex = memo(function Tex({ tex, display = false, mathml = true, className }: { tex: string; display?: boolean; mathml?: boolean; className?: string }) {
  return <span className={className ? `tex ${className}` : 'tex'} dangerouslySetInnerHTML={{ __html: renderTex(tex, display, mathml) }} />;
});
