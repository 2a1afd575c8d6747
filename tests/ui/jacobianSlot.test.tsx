// @vitest-environment jsdom
// The Jacobian view is a chunk of its own: until it comes near the screen (or its placeholder's button is
// pressed) its heading and opening paragraph stand in, with room kept for the rest.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { JacobianSlot } from '../../src/ui/jacobian/JacobianSlot.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';

/** The IntersectionObservers made, so a test can say what came into view. */
let observers: { cb: IntersectionObserverCallback; targets: Element[]; margin: string }[] = [];

beforeAll(() => {
  // jsdom has no canvas; the sparsity view copes with none.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
beforeEach(() => {
  observers = [];
  class FakeObserver {
    private entry: { cb: IntersectionObserverCallback; targets: Element[]; margin: string };
    constructor(cb: IntersectionObserverCallback, init?: IntersectionObserverInit) {
      this.entry = { cb, targets: [], margin: init?.rootMargin ?? '' };
      observers.push(this.entry);
    }
    observe(el: Element) {
      this.entry.targets.push(el);
    }
    disconnect() {
      this.entry.targets = [];
    }
  }
  Object.defineProperty(globalThis, 'IntersectionObserver', { value: FakeObserver, configurable: true, writable: true });
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(globalThis, 'IntersectionObserver');
});

const mount = () =>
  render(
    <StoreProvider store={createAppStore('')} tex={typesetNow()}>
      <JacobianSlot />
    </StoreProvider>,
  );

/** Waits for the placeholder to start watching (after the first paint). */
async function watched() {
  await act(() => new Promise((ok) => setTimeout(ok, 60)));
  expect(observers.at(-1)?.targets).toHaveLength(1);
  return observers.at(-1)!;
}

describe('JacobianSlot', () => {
  it('stands in with the heading, the opening paragraph and reserved room until the view comes near', async () => {
    mount();
    const pending = screen.getByTestId('jacobian-pending');
    expect(pending.querySelector('h2')!.textContent).toBe('The full Jacobian, and why nobody builds it');
    expect(pending.querySelector('.jac-intro')!.textContent).toContain('The backward pass needs');
    expect(pending.querySelector('.jac-reserve')).not.toBeNull();
    expect(screen.queryByTestId('jacobian-view')).toBeNull();
    const io = await watched();
    // Half a screen ahead of the reader.
    expect(io.margin).toBe('0px 0px 50% 0px');
    expect(screen.queryByTestId('jacobian-view')).toBeNull();
    act(() => io.cb([{ isIntersecting: true, target: io.targets[0] } as unknown as IntersectionObserverEntry], {} as IntersectionObserver));
    expect(await screen.findByTestId('jacobian-table', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('jacobian-pending')).toBeNull();
  });

  it('opens from its button, and gives the view the focus the button had', async () => {
    mount();
    await watched();
    const button = screen.getByRole('button', { name: 'Show the Jacobian view' });
    button.focus();
    fireEvent.click(button);
    await screen.findByTestId('jacobian-view', {}, { timeout: 10_000 });
    expect(document.activeElement?.closest('[data-testid="jacobian-view"]')).not.toBeNull();
  });
});
