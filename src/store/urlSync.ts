// Keeps the address bar in step with one store: the link always holds the
// lesson on screen. Its memory belongs to the subscription, not the module.
import type { AppStore } from './store.ts';
import { urlStateOf } from './store.ts';
import { encodeUrl } from './url.ts';

/** Where the link lives: the page's location and history (or a stand-in in tests). */
export interface LinkTarget {
  location: { pathname: string; hash: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
}

/** Writes the store's lesson into the link now and whenever it changes; returns the unsubscribe. */
export function syncUrl(store: AppStore, target: LinkTarget): () => void {
  let last: string | null = null;
  let seen: unknown[] = [];
  const sync = () => {
    const s = store.getState();
    // Hover and playback animation change the store often; the link only when one of these does.
    const parts = [s.config, s.seed, s.inputs, s.edited, s.focus, s.step, s.grainChoice, s.jacobianKind, s.linearisation, s.locale, s.tourCode, s.tourIndex, s.present, s.train, s.trainShown, s.exportShown];
    if (parts.every((v, k) => v === seen[k])) return;
    seen = parts;
    const q = encodeUrl(urlStateOf(s, store.select));
    if (q === last) return;
    last = q;
    target.history.replaceState(null, '', `${target.location.pathname}${q ? `?${q}` : ''}${target.location.hash}`);
  };
  sync();
  return store.subscribe(sync);
}
