// Mounts the app on the page, its lesson read from and kept in the address
// bar, its tour draft and exercise progress in localStorage, a pasted table in the tab's sessionStorage; in a frame, it also speaks the embedding protocol with the host page.
// The built page holds the default lesson prerendered (build/prerender.ts): a visit with no query string hydrates
// it; a visit that names its lesson (its boot script marked it data-linked, and so it was never shown) drops it.
import { appInstance, mountApp, webDrafts, webTables } from './ui/mount.tsx';
import { webProgress } from './ui/quiz/progress.ts';

const root = document.getElementById('root');
if (root) {
  const html = document.documentElement;
  const prerendered = root.firstElementChild !== null;
  const linked = html.hasAttribute('data-linked') || window.location.search !== '';
  if (prerendered && linked) root.replaceChildren();
  html.removeAttribute('data-linked');
  mountApp(root, {
    search: window.location.search,
    link: window,
    keys: 'page',
    host: window,
    drafts: webDrafts(() => window.localStorage),
    tables: webTables(() => window.sessionStorage, appInstance(window, root)),
    progress: webProgress(() => window.localStorage),
    hydrate: prerendered && !linked,
  });
}
