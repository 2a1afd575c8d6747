// @vitest-environment jsdom
// Presentation mode as the class sees it: the stage holds the current step's matrices (or the focused cell's),
// the bar's buttons size, blank and spotlight it and put every matrix on the stage, and Leave goes back.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './renderApp.tsx';

afterEach(cleanup);

const stageGrids = () => [...document.querySelectorAll<HTMLElement>('.stage-grids [role="grid"]')].map((g) => g.dataset.matrix);
const bar = () => within(screen.getByRole('toolbar', { name: 'Presentation' }));

describe('presentation mode', () => {
  it('stages the matrices of the current step, and follows the player', () => {
    const store = renderApp('?present=1&step=1');
    expect(document.querySelector('[data-testid="present"]')).toBeTruthy();
    expect(document.querySelector('.controls')).toBeNull();
    // Step 1 computes y from x, W and b.
    expect(stageGrids()).toEqual(expect.arrayContaining(['x', 'W', 'b', 'y']));
    expect(stageGrids()).not.toContain('dW');
    const last = store.select.script(store.getState()).steps.length;
    act(() => store.getState().setStep(last - 1));
    expect(stageGrids()).toContain('dX');
  });

  it('stages the focused cell and what it depends on when a cell was focused last', () => {
    const store = renderApp('?present=1');
    act(() => store.getState().setFocus({ m: 'dW', r: 1, c: 0 }));
    expect(stageGrids()).toEqual(expect.arrayContaining(['dW', 'x', 'dY']));
  });

  it('sizes with A− and A+, saying the size, within its limits', () => {
    const store = renderApp('?present=1');
    expect(bar().getByText('Size 100 %')).toBeTruthy();
    fireEvent.click(bar().getByRole('button', { name: 'A+ larger (+)' }));
    expect(bar().getByText('Size 115 %')).toBeTruthy();
    expect(document.querySelector<HTMLElement>('[data-testid="present"]')!.style.getPropertyValue('--ps')).toBe('1.15');
    for (let k = 0; k < 10; k++) fireEvent.click(bar().getByRole('button', { name: 'A− smaller (−)' }));
    expect(store.getState().presentScale).toBe(0.7);
    expect(bar().getByText('Size 70 %')).toBeTruthy();
  });

  it('blanks the screen (the page behind inert) and brings it back; spotlight says what to do with no cell explained', () => {
    renderApp('?present=1');
    const blank = bar().getByRole('button', { name: 'Blank the screen (B or .)' });
    fireEvent.click(blank);
    expect(screen.getByTestId('present-blank')).toBeTruthy();
    expect(document.querySelector('.present-main')!.hasAttribute('inert')).toBe(true);
    expect(screen.getByText('The screen is blank. Press B, . or Escape to bring it back.')).toBeTruthy();
    act(() => void document.querySelector<HTMLButtonElement>('.present-bar button[aria-pressed="true"]')!.click());
    expect(screen.queryByTestId('present-blank')).toBeNull();
    fireEvent.click(bar().getByRole('button', { name: /^Spotlight/ }));
    expect(document.querySelector('.present.spotlight')).toBeTruthy();
    expect(bar().getByText('Spotlight: point at a cell, or focus one, to pick what stays lit.')).toBeTruthy();
  });

  it('puts every matrix of the lesson on the stage, and Leave goes back to the lesson', () => {
    const store = renderApp('?present=1&act=relu');
    fireEvent.click(bar().getByRole('button', { name: 'All matrices of the lesson on the stage' }));
    expect(stageGrids().sort()).toEqual(['L', 'W', 'b', 'dW', 'dX', 'dY', 'dZ', 'db', 'target', 'x', 'y', 'z'].sort());
    expect(screen.getByRole('region', { name: 'Every matrix of the lesson' })).toBeTruthy();
    fireEvent.click(bar().getByRole('button', { name: 'Leave presentation mode (Escape)' }));
    expect(store.getState().present).toBe(false);
    expect(document.querySelector('[data-testid="present"]')).toBeNull();
    expect(document.querySelector('.controls')).toBeTruthy();
  });

  it('Escape leaves fullscreen first even when the fullscreenchange event has not arrived yet', () => {
    let element: Element | null = null;
    const exit = vi.fn(() => {
      element = null;
      return Promise.resolve();
    });
    const defined = (name: string, get: () => unknown) => Object.defineProperty(document, name, { configurable: true, get });
    defined('fullscreenEnabled', () => true);
    defined('fullscreenElement', () => element);
    Object.defineProperty(document, 'exitFullscreen', { configurable: true, value: exit });
    try {
      const store = renderApp('?present=1');
      // The browser went fullscreen, but the page has not heard of it: no event, so no render since.
      element = document.documentElement;
      fireEvent.keyDown(document.querySelector('[data-testid="present"]')!, { key: 'Escape' });
      expect(exit).toHaveBeenCalledTimes(1);
      expect(store.getState().present).toBe(true);
      // Out of fullscreen, the next Escape leaves the mode.
      fireEvent.keyDown(document.querySelector('[data-testid="present"]')!, { key: 'Escape' });
      expect(exit).toHaveBeenCalledTimes(1);
      expect(store.getState().present).toBe(false);
    } finally {
      for (const name of ['fullscreenEnabled', 'fullscreenElement', 'exitFullscreen']) Reflect.deleteProperty(document, name);
    }
  });
});
