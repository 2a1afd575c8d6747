// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { Player } from '../../src/ui/player/Player.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

function mockReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: reduce && q.includes('reduce'),
    media: q,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function setup(search = '?step=0') {
  const store = createAppStore(search);
  render(
    <StoreProvider store={store}>
      <Player />
      <input aria-label="elsewhere" />
    </StoreProvider>,
  );
  return store;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Player', () => {
  it('steps with the arrow keys and presentation-clicker keys anywhere on the page', () => {
    mockReducedMotion(false);
    const store = setup();
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: 'PageDown' }));
    expect(store.getState().step).toBe(2);
    act(() => void fireEvent.keyDown(document.body, { key: 'PageUp' }));
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowLeft' }));
    expect(store.getState().step).toBe(0);
    act(() => void fireEvent.keyDown(document.body, { key: 'End' }));
    expect(store.getState().step).toBe(store.getState().script.steps.length);
    act(() => void fireEvent.keyDown(document.body, { key: 'Home' }));
    expect(store.getState().step).toBe(0);
  });

  it('leaves keys alone while the learner types elsewhere', () => {
    mockReducedMotion(false);
    const store = setup();
    const input = screen.getByLabelText('elsewhere');
    act(() => void fireEvent.keyDown(input, { key: 'ArrowRight' }));
    act(() => void fireEvent.keyDown(input, { key: ' ' }));
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  it('plays and pauses with Space, advancing on a timer until the end', () => {
    mockReducedMotion(false);
    vi.useFakeTimers();
    const store = setup();
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    act(() => void vi.advanceTimersByTime(950));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(false);
    act(() => void vi.advanceTimersByTime(5000));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    const n = store.getState().script.steps.length;
    for (let k = 0; k < n + 2; k++) act(() => void vi.advanceTimersByTime(950));
    expect(store.getState().step).toBe(n);
    expect(store.getState().playing).toBe(false);
  });

  it('never autoplays under reduced motion, but still steps', () => {
    mockReducedMotion(true);
    const store = setup();
    const play = screen.getByRole('button', { name: /Play/ }) as HTMLButtonElement;
    expect(play.disabled).toBe(true);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(false);
    expect(store.getState().step).toBe(1); // Space steps instead
    act(() => void fireEvent.click(screen.getByRole('button', { name: /Step forward/ })));
    expect(store.getState().step).toBe(2);
  });

  it('narrates the current step and moves with the scrubber', () => {
    mockReducedMotion(false);
    const store = setup();
    expect(screen.getByTestId('narration').textContent).toMatch(/Start: nothing computed yet/);
    act(() => void fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: '1' } }));
    expect(store.getState().step).toBe(1);
    const text = screen.getByTestId('narration').textContent ?? '';
    expect(text).toContain(store.getState().script.steps[0].narration.text);
    expect(screen.getByTestId('narration').getAttribute('aria-live')).toBe('polite');
  });

  it('jumps to a phase', () => {
    mockReducedMotion(false);
    const store = setup();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Backward' })));
    expect(store.getState().step).toBe(store.getState().script.phaseStart.backward);
  });
});

describe('Player, finer points', () => {
  it('narrates the last step when the lesson is complete', () => {
    mockReducedMotion(false);
    const store = setup('');
    const { steps } = store.getState().script;
    expect(screen.getByTestId('narration').textContent).toContain(steps[steps.length - 1].narration.text);
  });

  it('steps with Space under reduced motion instead of resetting to the start', () => {
    mockReducedMotion(true);
    const store = setup('?step=3');
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().step).toBe(4);
    expect(store.getState().playing).toBe(false);
  });

  it('leaves arrows to scrollable regions and canvases, but lets the page keys step', () => {
    mockReducedMotion(false);
    const store = setup();
    const region = document.createElement('div');
    region.tabIndex = 0;
    const canvas = document.createElement('canvas');
    canvas.tabIndex = 0;
    document.body.append(region, canvas);
    for (const el of [region, canvas]) {
      act(() => void fireEvent.keyDown(el, { key: 'ArrowRight' }));
      act(() => void fireEvent.keyDown(el, { key: 'End' }));
      act(() => void fireEvent.keyDown(el, { key: ' ' }));
    }
    expect(store.getState().step).toBe(0);
    act(() => void fireEvent.keyDown(canvas, { key: 'PageDown' }));
    expect(store.getState().step).toBe(1);
    region.remove();
    canvas.remove();
  });
});
