// Mounts one app into an element: its own store from a query string, its own
// strings and caches, and (when given a link target) the address bar kept in
// step, and (when given a window inside a frame) the embedding protocol
// spoken with its parent. Returns the store and a function that unmounts it all.
import { StrictMode, useEffect } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { createAppStore, type AppStore } from '../store/store.ts';
import type { DraftStorage } from '../store/tourState.ts';
import type { ProgressStorage } from '../store/quizState.ts';
import { type LinkTarget, syncUrl } from '../store/urlSync.ts';
import { App } from './shell/App.tsx';
import { type KeyScope, StoreProvider } from './storeContext.tsx';
import { EN_FIRST } from './strings/enFirst.ts';
import { createI18n } from './strings/i18n.ts';
import './styles.css';

/** How to mount an app. */
export interface MountOptions {
  /** The query string the lesson comes from. */
  search?: string;
  /** Where to keep the lesson's link, if anywhere. */
  link?: LinkTarget;
  /** Where the player's keys are heard: the whole page, or only inside this app. */
  keys?: KeyScope;
  /** The app's window, to speak the embedding protocol with its parent when it is in a frame (docs/embedding.md). */
  host?: Window;
  /** Where the tour being authored is kept between visits (the page's localStorage, say); nowhere if not given. */
  drafts?: DraftStorage;
  /** Where this app's pasted table is kept across a reload (webTables: its own key in the tab's sessionStorage); nowhere if not given. */
  tables?: DraftStorage;
  /** Where exercise progress is kept between visits (the page's localStorage, say); nowhere if not given. */
  progress?: ProgressStorage;
  /**
   * The element holds the prerendered markup of this very lesson (build/prerender.ts): keep its elements and make
   * them live, rather than drawing the page anew. Only for the default lesson, whose markup the build made.
   */
  hydrate?: boolean;
}

/** The key the tour draft is kept under: one draft per origin, shared by the apps on it. */
export const DRAFT_KEY = 'backprop-dense.tour-draft';

/** An item of a Web Storage, or null when there is none or the storage refuses (private mode, a sandboxed frame). */
function readItem(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/** A DraftStorage in a Web Storage (localStorage); storage that refuses (private mode, a sandboxed frame) keeps nothing. */
export function webDrafts(storage: () => Storage): DraftStorage {
  return {
    load: () => readItem(storage, DRAFT_KEY),
    save: (text) => {
      try {
        storage().setItem(DRAFT_KEY, text);
      } catch {
        // Full or refused: the draft lives on in the store for this visit.
      }
    },
  };
}

/**
 * This app's name among those that share its storage, for its table's key: its element's id, and in a frame, which
 * of its parent's frames it is (two embeds on one course page share the tab's sessionStorage, never a table).
 */
export function appInstance(win: Window, el: Element): string {
  let frame = 'top';
  try {
    const parent = win.parent;
    if (parent && parent !== win) {
      // Comparing window proxies and counting frames is allowed across origins.
      for (let k = 0; k < parent.frames.length; k++) if (parent.frames[k] === win) frame = `frame${k}`;
    }
  } catch {
    frame = 'frame';
  }
  return `${frame}.${el.id || 'app'}`;
}

/** The key an app's table is kept under. */
export const tableKey = (instance: string): string => `backprop-dense.table.${instance}`;

/**
 * A DraftStorage for one app's table in a Web Storage (the tab's sessionStorage: it survives a reload, and two tabs
 * never share it). Reading one that refuses gives nothing; a refused save throws, and the store says so.
 */
export function webTables(storage: () => Storage, instance: string): DraftStorage {
  const key = tableKey(instance);
  return {
    load: () => readItem(storage, key),
    save: (text) => {
      if (text === '') storage().removeItem(key);
      else storage().setItem(key, text);
    },
  };
}

/** Marks the element the app was mounted into `data-live` once the app has committed (drawn, or hydrated). */
function Live({ el }: { el: Element }) {
  useEffect(() => {
    el.setAttribute('data-live', '');
    return () => el.removeAttribute('data-live');
  }, [el]);
  return null;
}

/** The app's tree over one store: the same for the build's prerender and for the page. */
export function AppTree({ store, keys, el }: { store: AppStore; keys: KeyScope; el?: Element }) {
  return (
    <StrictMode>
      <StoreProvider store={store} keys={keys}>
        <App />
      </StoreProvider>
      {el && <Live el={el} />}
    </StrictMode>
  );
}

/**
 * The store as a server render and a hydration must both read it. They read a zustand store's initial state (its
 * server snapshot), but a store settles its step and focus just after it is made; the state it has now is the one
 * that was rendered.
 */
export function hydratable(store: AppStore): AppStore {
  return { ...store, getInitialState: store.getState };
}

/** Mounts an app into `el`. */
export function mountApp(el: Element, opts: MountOptions = {}): { store: AppStore; unmount: () => void } {
  const store = createAppStore(opts.search ?? '', { drafts: opts.drafts, tables: opts.tables, progress: opts.progress });
  const stopSync = opts.link ? syncUrl(store, opts.link) : () => {};
  const keys = opts.keys ?? 'page';
  let root: Root;
  if (opts.hydrate) {
    // A page that differs from its markup (a tour draft kept in this browser, say) is drawn anew: React does so
    // itself, and the difference is reported as a warning, not thrown.
    root = hydrateRoot(el, <AppTree store={hydratable(store)} keys={keys} el={el} />, {
      onRecoverableError: (e) => console.warn('backprop-dense: the prerendered page was drawn anew:', e instanceof Error ? e.message : e),
    });
  } else {
    root = createRoot(el);
    root.render(<AppTree store={store} keys={keys} el={el} />);
  }
  // The embedding protocol, only in a frame, and fetched then: a page of its own never needs it. Notices go to the
  // host in English, the protocol's language, whatever the page's locale.
  const host = opts.host;
  let stopBridge = () => {};
  let unmounted = false;
  if (host && host.parent && host.parent !== host) {
    void import('../embed/bridge.ts').then(({ startBridge }) => {
      if (unmounted) return;
      const english = createI18n('en', EN_FIRST);
      stopBridge = startBridge(store, {
        win: host,
        observe: el,
        measure: () => {
          const box = el.getBoundingClientRect();
          return { height: Math.ceil(box.height), width: Math.ceil(box.width) };
        },
        describe: (n) => english.msg(n),
      });
    });
  }
  return {
    store,
    unmount: () => {
      unmounted = true;
      stopBridge();
      stopSync();
      root.unmount();
    },
  };
}
