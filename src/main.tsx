// Mounts the app: a store from the URL, kept in sync with the address bar.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore, urlStateOf } from './store/store.ts';
import { encodeUrl } from './store/url.ts';
import { App } from './ui/shell/App.tsx';
import { StoreProvider } from './ui/storeContext.tsx';
import './ui/styles.css';

const store = createAppStore(window.location.search);

let last = '';
let seen: unknown[] = [];
const syncUrl = () => {
  const s = store.getState();
  // Hover and playback animation change the store often; the link only when one of these does.
  const parts = [s.config, s.seed, s.inputs, s.edited, s.focus, s.step, s.script, s.jacobianKind, s.linearisation];
  if (parts.every((v, k) => v === seen[k])) return;
  seen = parts;
  const q = encodeUrl(urlStateOf(s));
  if (q === last) return;
  last = q;
  const url = `${window.location.pathname}${q ? `?${q}` : ''}${window.location.hash}`;
  window.history.replaceState(null, '', url);
};
syncUrl();
store.subscribe(syncUrl);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  );
}
