// A LaTeX formula, typeset by KaTeX through the app's cache; until KaTeX has
// loaded (after the first paint), the same formula as plain text.
import { memo, useSyncExternalStore } from 'react';
import { useTexCache } from '../storeContext.tsx';
import { texText } from '../texText.ts';

/** A LaTeX formula as a span. Without MathML, the caller gives its words to assistive technology. */
export const Tex = memo(function Tex({ tex, display = false, mathml = true, className }: { tex: string; display?: boolean; mathml?: boolean; className?: string }) {
  const cache = useTexCache();
  const ready = useSyncExternalStore(cache.subscribe, cache.ready, cache.ready);
  const cls = className ? `tex ${className}` : 'tex';
  if (!ready)
    return (
      <span className={`${cls} tex-text${display ? ' tex-display' : ''}`} data-notation="">
        {texText(tex)}
      </span>
    );
  return <span className={cls} dangerouslySetInnerHTML={{ __html: cache.render(tex, display, mathml) }} />;
});
