// Renders the whole app for a component test: its own store from a query
// string (and, if given, the storage its pasted table is kept in), formulas typeset at once. Returns the store.
import { render } from '@testing-library/react';
import { createAppStore } from '../../src/store/store.ts';
import type { DraftStorage } from '../../src/store/tourState.ts';
import { App } from '../../src/ui/shell/App.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';

export function renderApp(search = '', tables?: DraftStorage) {
  const store = createAppStore(search, { tables });
  render(
    <StoreProvider store={store} tex={typesetNow()}>
      <App />
    </StoreProvider>,
  );
  return store;
}
