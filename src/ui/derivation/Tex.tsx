// A LaTeX formula, typeset by KaTeX through the app's cache.
import 'katex/dist/katex.min.css';
import { memo } from 'react';
import { useTexCache } from '../storeContext.tsx';

/** A LaTeX formula as a span. Without MathML, the caller gives its words to assistive technology. */
export const Tex = memo(function Tex({ tex, display = false, mathml = true, className }: { tex: string; display?: boolean; mathml?: boolean; className?: string }) {
  const cache = useTexCache();
  return <span className={className ? `tex ${className}` : 'tex'} dangerouslySetInnerHTML={{ __html: cache.render(tex, display, mathml) }} />;
});
