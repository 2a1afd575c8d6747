// @vitest-environment jsdom
// The whole lesson view wired to a store: notices, controls, hover and edits.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeLesson, makeLesson } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { App } from '../../src/ui/shell/App.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

afterEach(cleanup);
// jsdom has no canvas; the Jacobian section below the lesson draws on one and copes with none.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});

function mount(search = '') {
  const store = createAppStore(search);
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
  return store;
}

const grid = (m: string) => document.querySelector<HTMLElement>(`[role="grid"][data-matrix="${m}"]`)!;
const cell = (m: string, r: number, c: number) => grid(m).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const values = (m: string) => [...grid(m).querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => Number(c.dataset.value));

describe('App', () => {
  it('shows a grid for every matrix of the lesson, with values from core', () => {
    mount();
    const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
    const out = computeLesson('row', 'mse', inputs);
    for (const m of ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX']) expect(grid(m), m).not.toBeNull();
    expect(values('x')).toEqual(Array.from(inputs.x.data));
    expect(values('y')).toEqual(Array.from(out.y.data));
    expect(values('dW')).toEqual(Array.from(out.dW.data));
    expect(values('L')).toEqual([out.L]);
  });

  it('lists a notice per bad URL parameter, naming it, and dismisses them', async () => {
    const user = userEvent.setup();
    mount('?B=40&conv=foo&x=1,2;3');
    const region = screen.getByRole('status', { name: 'Problems with the link' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.param)).toEqual(['conv', 'B', 'x']);
    expect(items[1].textContent).toContain('clamped to 12');
    await user.click(screen.getByRole('button', { name: 'Dismiss the notice about B' }));
    expect(within(region).getAllByRole('listitem').map((li) => li.dataset.param)).toEqual(['conv', 'x']);
  });

  it('hovering y[1,0] explains it and outlines a row of x, a column of W and b[0]', () => {
    mount();
    fireEvent.mouseOver(cell('y', 1, 0));
    expect(document.querySelector<HTMLElement>('.derivation-body')?.dataset.cell).toBe('y:1,0');
    expect(cell('y', 1, 0).classList.contains('active')).toBe(true);
    const deps = (m: string) => [...grid(m).querySelectorAll<HTMLElement>('.cell.dep')].map((c) => `${c.dataset.r},${c.dataset.c}`);
    expect(deps('x')).toEqual(['1,0', '1,1', '1,2']);
    expect(deps('W')).toEqual(['0,0', '1,0', '2,0']);
    expect(deps('b')).toEqual(['0,0']);
    expect(deps('dW')).toEqual([]);
    fireEvent.mouseLeave(grid('y'));
    expect(document.querySelector('.derivation-body')).toBeNull();
  });

  it('an edit typed into x updates y, L and the gradients', async () => {
    const user = userEvent.setup();
    const store = mount();
    act(() => cell('x', 0, 2).focus());
    await user.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: /x\[0,2\]/ });
    await user.clear(input);
    await user.type(input, '1.5{Enter}');
    const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
    inputs.x.data[2] = 1.5;
    const out = computeLesson('row', 'mse', inputs);
    expect(values('y')).toEqual(Array.from(out.y.data));
    expect(values('L')).toEqual([out.L]);
    expect(values('dW')).toEqual(Array.from(out.dW.data));
    expect(values('dX')).toEqual(Array.from(out.dX.data));
    expect(store.getState().edited.x).toBe(true);
  });

  it('a refused edit keeps the typed text and says why', async () => {
    const user = userEvent.setup();
    mount();
    act(() => cell('W', 1, 1).focus());
    await user.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: /W\[1,1\]/ }) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, 'abc{Enter}');
    expect(within(grid('W').closest('figure')!).getByRole('alert').textContent).toContain('“abc” is not a finite number');
    expect(input.value).toBe('abc');
  });

  it('a size field refuses text out of range, keeping it, and the convention radios relabel the shapes', async () => {
    const user = userEvent.setup();
    const store = mount();
    // (Queries by accessible name stop at KaTeX's CSS in jsdom, so these go by attribute.)
    const B = document.querySelector<HTMLInputElement>('input[name="B"]')!;
    await user.clear(B);
    await user.type(B, '13');
    expect(B.value).toBe('13');
    expect(B.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('B must be a whole number from 1 to 12.')).toBeTruthy();
    expect(store.getState().config.B).toBe(2); // nothing is applied while typing
    await user.click(document.querySelector<HTMLInputElement>('input[type="radio"][value="column"]')!);
    expect(store.getState().config.convention).toBe('column');
    expect(B.value).toBe('13'); // leaving the field keeps the refused text
    expect(store.getState().config.B).toBe(2);
    expect(grid('x').closest('figure')!.querySelector('.badge')?.textContent).toBe('[N×B] = [3×2]');
    expect(grid('W').closest('figure')!.querySelector('.badge')?.textContent).toBe('[T×N] = [2×3]');
  });

  it('applies a size on Enter without passing through the sizes typed on the way, keeping typed values', async () => {
    const user = userEvent.setup();
    const store = mount();
    expect(store.getState().editCell({ m: 'x', r: 0, c: 2 }, '5').ok).toBe(true);
    const N = document.querySelector<HTMLInputElement>('input[name="N"]')!;
    await user.clear(N);
    await user.type(N, '10');
    expect(store.getState().config.N).toBe(3);
    await user.type(N, '{Enter}');
    expect(store.getState().config.N).toBe(10);
    expect(store.getState().inputs.x.data[2]).toBe(5);
  });
});

describe('Copy link', () => {
  it('shows the link to copy by hand when the clipboard is refused', async () => {
    const user = userEvent.setup();
    mount();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this lesson' });
    expect((field as HTMLInputElement).value).toBe(window.location.href);
    expect(screen.getByText(/Copy this link by hand/)).toBeTruthy();
  });
});
