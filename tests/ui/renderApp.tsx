// Renders the whole app for a component test: its own store from a query
// string, formulas typeset at once. Returns the store.
import { render } from '@testing-library/react';
import { createAppStore } from '../../src/store/store.ts';
import { App } from '../../src/ui/shell/App.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';

export function renderApp(search = '') {
  const store = createAppStore(search);
  render(
    <StoreProvider store={store} tex={typesetNow()}>
      <App />
    </StoreProvider>,
  );
  return store;
}
