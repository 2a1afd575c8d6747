// Renders one of training's figures for a component test, as the training view shows it: inside an app's store, with
// the figures' part of the catalogue that the view brings (withStrings).
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createAppStore } from '../../src/store/store.ts';
import { StoreProvider, withStrings } from '../../src/ui/storeContext.tsx';
import { trainCharts } from '../../src/ui/strings/en/lazy/trainCharts.ts';

const Charts = withStrings([trainCharts], ({ children }: { children: ReactNode }) => <>{children}</>);

export const renderChart = (ui: ReactElement): RenderResult =>
  render(ui, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <StoreProvider store={createAppStore('')}>
        <Charts>{children}</Charts>
      </StoreProvider>
    ),
  });
