// @vitest-environment jsdom
// Touch has its own path: the mouse events a browser makes up after a tap do not open the panel over the cell, a tap
// explains the cell it focuses, the panel's Edit button edits it, and hints on a touch screen name no keys.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { DerivationPanel } from '../../src/ui/derivation/DerivationPanel.tsx';
import { CellEditorsProvider, createCellEditors } from '../../src/ui/matrix/cellEditors.tsx';
import { MatrixView } from '../../src/ui/matrix/MatrixView.tsx';
import { Player } from '../../src/ui/player/Player.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A primary pointer that is a finger (matchMedia '(pointer: coarse)'), or a mouse. */
function pointerIs(coarse: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: coarse && q.includes('pointer: coarse'), media: q, addEventListener: () => {}, removeEventListener: () => {} }));
}

function mount(search = '') {
  const store = createAppStore(search);
  render(
    <StoreProvider store={store}>
      <CellEditorsProvider>
        <Player />
        <MatrixView name="x" />
        <MatrixView name="y" />
        <DerivationPanel />
      </CellEditorsProvider>
    </StoreProvider>,
  );
  return store;
}

const cell = (m: string, r: number, c: number) => document.querySelector<HTMLElement>(`[role="grid"][data-matrix="${m}"] [data-r="${r}"][data-c="${c}"]`)!;
const panel = () => screen.getByTestId('derivation');
/** jsdom has no PointerEvent: a MouseEvent of the pointer event's type, carrying its pointerType, is what React reads. */
function pointer(el: Element, type: 'pointerover' | 'pointerdown', pointerType: string) {
  const e = new MouseEvent(type, { bubbles: true });
  Object.defineProperty(e, 'pointerType', { value: pointerType });
  act(() => void el.dispatchEvent(e));
}
/** A tap as a browser delivers it: pointer events, then the mouse events made up for pages that know no touch, then focus. */
function tap(el: HTMLElement, pointerType = 'touch') {
  pointer(el, 'pointerover', pointerType);
  pointer(el, 'pointerdown', pointerType);
  fireEvent.mouseOver(el);
  fireEvent.mouseDown(el);
  act(() => el.focus());
}

describe('a tap on a cell', () => {
  it('explains the cell it focuses; the made-up mouseover does not take the panel to it first', () => {
    pointerIs(true);
    const store = mount();
    pointer(cell('x', 1, 2), 'pointerover', 'touch');
    fireEvent.mouseOver(cell('x', 1, 2));
    // A hover would open the panel (sticky at the bottom of a phone) under the finger before its mousedown lands.
    expect(store.getState().hover).toBeNull();
    tap(cell('x', 1, 2));
    expect(store.getState().hover).toBeNull();
    expect(store.getState().focus).toEqual({ m: 'x', r: 1, c: 2 });
    expect(panel().querySelector('.derivation-body')?.getAttribute('data-cell')).toBe('x:1,2');
  });

  it('with a mouse, pointing still explains at once', () => {
    const store = mount();
    pointer(cell('x', 0, 1), 'pointerover', 'mouse');
    fireEvent.mouseOver(cell('x', 0, 1));
    expect(store.getState().hover).toEqual({ m: 'x', r: 0, c: 1 });
    fireEvent.mouseLeave(cell('x', 0, 1).closest('[role="grid"]')!);
    expect(store.getState().hover).toBeNull();
  });
});

describe('the panel’s Edit button', () => {
  it('opens the focused cell’s editor with its value; Enter keeps the new value', () => {
    const store = mount();
    tap(cell('x', 1, 2));
    const edit = within(panel()).getByRole('button', { name: 'Edit x[1,2]' });
    act(() => edit.click());
    const input = cell('x', 1, 2).querySelector('input')!;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe(String(store.select.values(store.getState(), 'x')[1 * 3 + 2]));
    fireEvent.change(input, { target: { value: '2.5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.select.values(store.getState(), 'x')[1 * 3 + 2]).toBe(2.5);
    expect(cell('x', 1, 2).querySelector('input')).toBeNull();
  });

  it('is offered only for the focused cell of a matrix that can be edited', () => {
    const store = mount();
    tap(cell('y', 0, 0));
    expect(panel().querySelector('.derivation-body')?.getAttribute('data-cell')).toBe('y:0,0');
    expect(within(panel()).queryByRole('button', { name: /^Edit/ })).toBeNull();
    // A hovered cell is left behind as soon as the pointer moves to the button: no button for it.
    act(() => store.getState().setFocus(null));
    act(() => store.getState().setHover({ m: 'x', r: 0, c: 0 }));
    expect(panel().querySelector('.derivation-body')?.getAttribute('data-cell')).toBe('x:0,0');
    expect(within(panel()).queryByRole('button', { name: /^Edit/ })).toBeNull();
  });

  it('opens nothing when no grid of that matrix offers an editor', () => {
    const editors = createCellEditors();
    const open = vi.fn();
    const withdraw = editors.register('x', open);
    expect(editors.open({ m: 'x', r: 1, c: 0 })).toBe(true);
    expect(open).toHaveBeenCalledWith(1, 0);
    withdraw();
    expect(editors.open({ m: 'x', r: 1, c: 0 })).toBe(false);
  });
});

describe('hints follow the input', () => {
  const keys = /\b(Press|Enter|Tab|Home|End|Space|PageUp|PageDown)\b|[←→]/;
  const said = () => [
    screen.getByTestId('narration').textContent ?? '',
    panel().textContent ?? '',
    ...[...document.querySelectorAll('.player button, [role="grid"]')].map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''),
  ];

  it('on a touch screen they speak of tapping and never of keys', () => {
    pointerIs(true);
    mount('?step=0');
    expect(screen.getByTestId('narration').textContent).toMatch(/Tap Play/);
    expect(panel().textContent).toMatch(/^Tap any number/);
    expect(document.querySelector('[role="grid"][data-matrix="x"]')!.getAttribute('aria-label')).toMatch(/tap it, then Edit/);
    expect(said().filter((s) => keys.test(s))).toEqual([]);
  });

  it('with a mouse and keyboard they name the keys', () => {
    pointerIs(false);
    mount('?step=0');
    expect(screen.getByTestId('narration').textContent).toMatch(/Press → or Play/);
    expect(panel().textContent).toMatch(/Tab and the arrow keys/);
    expect(screen.getByRole('button', { name: 'Jump to start (Home)' })).toBeTruthy();
  });
});
