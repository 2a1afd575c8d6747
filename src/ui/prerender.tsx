// The default lesson as HTML, rendered at build time into index.html (build/prerender.ts), so a visit with no query
// string shows the lesson's numbers, labels and plain-text formulas before any script has run. The app then hydrates
// that markup (mountApp with `hydrate`): it keeps those very elements and makes them live, so nothing is drawn twice.
import { renderToString } from 'react-dom/server';
import { createAppStore } from '../store/store.ts';
import { AppTree, hydratable } from './mount.tsx';

/** The markup of the app as it first renders with no query string and no tour draft. */
export function prerender(): string {
  return renderToString(<AppTree store={hydratable(createAppStore(''))} keys="page" />);
}
