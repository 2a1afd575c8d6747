// Typesets LaTeX with KaTeX. Rendered strings are cached: hovering back and
// forth over cells re-renders nothing.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { memo } from 'react';

const cache = new Map<string, string>();
const CACHE_MAX = 2000;

/** KaTeX's HTML and MathML for a LaTeX string; never throws. */
export function renderTex(tex: string, display = false): string {
  const k = (display ? 'D' : 'I') + tex;
  let html = cache.get(k);
  if (html === undefined) {
    html = katex.renderToString(tex, { throwOnError: false, displayMode: display, output: 'htmlAndMathml', strict: 'ignore' });
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(k, html);
  }
  return html;
}

/** A LaTeX formula as a span. */
export const Tex = memo(function Tex({ tex, display = false, className }: { tex: string; display?: boolean; className?: string }) {
  return <span className={className ? `tex ${className}` : 'tex'} dangerouslySetInnerHTML={{ __html: renderTex(tex, display) }} />;
});
