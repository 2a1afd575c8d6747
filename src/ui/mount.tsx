// Mounts one app into an element: its own store from a query string, its own
// strings and caches, and (when given a link target) the address bar kept in
// step. Returns the store and a function that unmounts it all.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore, type AppStore } from '../store/store.ts';
import { type LinkTarget, syncUrl } from '../store/urlSync.ts';
import { App } from './shell/App.tsx';
import { type KeyScope, StoreProvider } from './storeContext.tsx';
import './styles.css';

/** How to mount an app. */
export interface MountOptions {
  /** The query string the lesson comes from. */
  search?: string;
  /** Where to keep the lesson's link, if anywhere. */
  link?: LinkTarget;
  /** Where the player's keys are heard: the whole page, or only inside this app. */
  keys?: KeyScope;
}

/** Mounts an app into `el`. */
export function mountApp(el: Element, opts: MountOptions = {}): { store: AppStore; unmount: () => void } {
  const store = createAppStore(opts.search ?? '');
  const stopSync = opts.link ? syncUrl(store, opts.link) : () => {};
  const root = createRoot(el);
  root.render(
    <StrictMode>
      <StoreProvider store={store} keys={opts.keys ?? 'page'}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
  return {
    store,
    unmount: () => {
      stopSync();
      root.unmount();
    },
  };
}
