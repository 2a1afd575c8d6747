// @vitest-environment jsdom
// The canvas heatmap of a large matrix: drawn when a matrix passes 12 rows or columns, pointer hover and the
// keyboard explaining cells through the store, the live read-out, and cells not computed yet drawn muted.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { numberFormat } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { heatScale } from '../../src/ui/matrix/colour.ts';
import { MUTED_RGB, axisTicks, cellSize, drawnAsHeatmap, heatPixels } from '../../src/ui/matrix/heatDraw.ts';
import { CellEditorsProvider, useCellEditors, type CellEditors } from '../../src/ui/matrix/cellEditors.tsx';
import { MatrixCanvas, type MatrixCanvasProps } from '../../src/ui/matrix/MatrixCanvas.tsx';
import { MatrixView } from '../../src/ui/matrix/MatrixView.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

const ROWS = 40, COLS = 20;
const VALUES = Float64Array.from({ length: ROWS * COLS }, (_, k) => Math.sin(k) * (1 + (k % 7)));

/** A 2D context that records what is drawn: jsdom has none. */
function fakeContext() {
  const images: { data: Uint8ClampedArray; width: number; height: number }[] = [];
  const calls: string[] = [];
  const ctx = {
    createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h }),
    putImageData: (img: { data: Uint8ClampedArray; width: number; height: number }) => void images.push(img),
    setTransform: () => {},
    clearRect: () => void calls.push('clear'),
    fillRect: (x: number, y: number) => void calls.push(`fill ${x},${y}`),
    strokeRect: (x: number, y: number) => void calls.push(`stroke ${x},${y}`),
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
  };
  return { ctx, images, calls };
}

let fake: ReturnType<typeof fakeContext>;
beforeEach(() => {
  fake = fakeContext();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => fake.ctx) as unknown as HTMLCanvasElement['getContext']);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const wrap = ({ children }: { children: ReactNode }) => <StoreProvider store={createAppStore('')}>{children}</StoreProvider>;

function heat(p: Partial<MatrixCanvasProps> = {}) {
  const props: MatrixCanvasProps = {
    name: 'dW',
    label: 'dL/dW',
    badge: '[N×T] = [40×20]',
    rows: ROWS,
    cols: COLS,
    values: VALUES,
    rowAxis: 'i',
    colAxis: 'j',
    editable: false,
    cellName: (r, c) => `dL/dW[${r},${c}]`,
    ...p,
  };
  return render(<MatrixCanvas {...props} />, { wrapper: wrap });
}

const scroller = () => document.querySelector<HTMLElement>('[data-heatmap][data-matrix="dW"]')!;
const plot = () => document.querySelector<HTMLElement>('.heat-plot')!;
const live = () => screen.getByTestId('heat-live-dW');

describe('heatDraw', () => {
  it('draws past 12 rows or columns, cells of 2 to 16 CSS px, ticks at both ends', () => {
    expect(drawnAsHeatmap(12, 12)).toBe(false);
    expect(drawnAsHeatmap(13, 2)).toBe(true);
    expect(drawnAsHeatmap(784, 10)).toBe(true);
    expect(cellSize(784, 10)).toEqual({ w: 16, h: 2 });
    expect(cellSize(32, 784)).toEqual({ w: 2, h: 11 });
    const ticks = axisTicks(784, 1568);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(783);
    expect(ticks.length).toBeGreaterThan(5);
  });

  it('paints each cell in the grids’ colour, and muted cells (not computed yet, or NaN) grey', () => {
    const colour = heatScale([1, -1]);
    const px = heatPixels([1, Number.NaN, -1, 0.5], colour, new Set(['1,1']), 2);
    const hex = (k: number) => '#' + Array.from(px.slice(k * 4, k * 4 + 3), (v) => v.toString(16).padStart(2, '0')).join('');
    expect(hex(0)).toBe(colour(1).bg);
    expect(hex(2)).toBe(colour(-1).bg);
    expect(Array.from(px.slice(4, 7))).toEqual([...MUTED_RGB]);
    expect(Array.from(px.slice(12, 15))).toEqual([...MUTED_RGB]);
    expect(px[3]).toBe(255);
  });
});

describe('MatrixCanvas', () => {
  it('is one focusable heatmap named for its matrix, with one pixel per cell drawn', () => {
    heat();
    const el = scroller();
    expect(el.getAttribute('role')).toBe('application');
    expect(el.tabIndex).toBe(0);
    expect(el.getAttribute('aria-label')).toMatch(/^dL\/dW, 40 by 20, drawn as a heatmap\. Rows are inputs\. Columns are outputs\. Arrow keys/);
    expect(document.querySelectorAll('[role="gridcell"]')).toHaveLength(0);
    expect(fake.images).toHaveLength(1);
    expect([fake.images[0].width, fake.images[0].height]).toEqual([COLS, ROWS]);
  });

  it('draws cells not yet computed muted, as the player’s snapshot gives them', () => {
    const mid = Float64Array.from(VALUES, (v, k) => (k < 300 ? v : Number.NaN));
    heat({ values: mid, scaleValues: VALUES, muted: new Set(['0,0']) });
    const px = fake.images[0].data;
    const rgbAt = (k: number) => Array.from(px.slice(k * 4, k * 4 + 3));
    expect(rgbAt(0)).toEqual([...MUTED_RGB]);
    expect(rgbAt(1)).not.toEqual([...MUTED_RGB]);
    expect(rgbAt(299)).not.toEqual([...MUTED_RGB]);
    expect(rgbAt(300)).toEqual([...MUTED_RGB]);
    expect(rgbAt(ROWS * COLS - 1)).toEqual([...MUTED_RGB]);
  });

  it('maps the mouse to a cell and hovers it, once per cell, and lets go on leaving', () => {
    const onHoverCell = vi.fn();
    heat({ onHoverCell });
    const size = cellSize(ROWS, COLS);
    vi.spyOn(plot(), 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 50, COLS * size.w, ROWS * size.h));
    fireEvent.mouseMove(plot(), { clientX: 100 + 3 * size.w + 1, clientY: 50 + 7 * size.h + 1 });
    fireEvent.mouseMove(plot(), { clientX: 100 + 3 * size.w + 2, clientY: 50 + 7 * size.h + 1 });
    expect(onHoverCell.mock.calls).toEqual([[{ r: 7, c: 3 }]]);
    fireEvent.mouseLeave(plot());
    expect(onHoverCell).toHaveBeenLastCalledWith(null);
  });

  it('moves a focused cell with the keys, focusing it in the store, and announces it with its value', () => {
    const onFocusCell = vi.fn();
    const onEscape = vi.fn();
    heat({ onFocusCell, onEscape });
    act(() => scroller().focus());
    expect(onFocusCell).toHaveBeenLastCalledWith(0, 0);
    expect(live().textContent).toBe('dL/dW[0,0] = 0');
    const press = (key: string, ctrlKey = false) => fireEvent.keyDown(scroller(), { key, ctrlKey });
    press('ArrowDown');
    press('ArrowRight');
    expect(onFocusCell).toHaveBeenLastCalledWith(1, 1);
    const v = VALUES[1 * COLS + 1];
    expect(live().textContent).toBe(`dL/dW[1,1] = ${numberFormat('en').text(v, 6)}`);
    expect(Number(live().dataset.value)).toBe(v);
    press('End');
    expect(onFocusCell).toHaveBeenLastCalledWith(1, COLS - 1);
    press('PageDown');
    expect(onFocusCell).toHaveBeenLastCalledWith(ROWS - 1, COLS - 1);
    press('Home', true);
    expect(onFocusCell).toHaveBeenLastCalledWith(0, 0);
    press('PageDown');
    press('PageUp');
    expect(onFocusCell).toHaveBeenLastCalledWith(0, 0);
    expect(document.querySelector('.heat-focus')).toBeTruthy();
    press('Escape');
    expect(onEscape).toHaveBeenCalledTimes(1);
    onFocusCell.mockClear();
    press('Enter');
    expect(onFocusCell).toHaveBeenCalledWith(0, 0);
  });

  it('marks the explained cell with a box, and paints the cells it depends on', () => {
    heat({ active: { r: 2, c: 5 }, highlights: new Set(['3,4', '0,1']) });
    expect(document.querySelector('.heat-active')).toBeTruthy();
    expect(screen.getByText(/^dL\/dW\[2,5\] = /)).toBeTruthy();
    const size = cellSize(ROWS, COLS);
    expect(fake.calls).toContain(`stroke ${4 * size.w + 1},${3 * size.h + 1}`);
  });
});

describe('editing a heatmap’s cell', () => {
  /** The lesson of an update of 200 synthetic digits (x 32 × 784, W 784 × 10): W and x are heatmaps, and editable. */
  /** The digits' update as a lesson, once W's heatmap (a chunk of its own) has arrived. */
  async function digitsLesson() {
    const store = createAppStore('?train=mnist');
    const n = 200;
    store.getState().setTrainRaw({ mnist: { pixels: Uint8Array.from({ length: n * 784 }, (_, k) => (k * 7919) % 256), labels: Uint8Array.from({ length: n }, (_, k) => k % 10) } });
    expect(store.getState().explainUpdate()).toEqual({ ok: true });
    let editors: CellEditors | null = null;
    const Grab = () => {
      editors = useCellEditors();
      return null;
    };
    render(
      <StoreProvider store={store}>
        <CellEditorsProvider>
          <MatrixView name="W" />
          <Grab />
        </CellEditorsProvider>
      </StoreProvider>,
    );
    await waitFor(() => expect(document.querySelector('[data-heatmap][data-matrix="W"]')).not.toBeNull());
    return { store, editors: () => editors! };
  }
  const W = () => document.querySelector<HTMLElement>('[data-heatmap][data-matrix="W"]')!;
  const field = () => document.querySelector<HTMLInputElement>('.heat-input');
  const wAt = (store: ReturnType<typeof createAppStore>, r: number, c: number) => store.getState().inputs.W.data[r * 10 + c];

  it('opens the focused cell with Enter, keeps a valid value, refuses a bad one with the grid’s message, and cancels with Escape', async () => {
    const { store } = await digitsLesson();
    expect(W().getAttribute('aria-label')).toMatch(/Enter or F2 edits the cell’s value/);
    act(() => W().focus());
    fireEvent.keyDown(W(), { key: 'ArrowDown' });
    fireEvent.keyDown(W(), { key: 'ArrowRight' });
    const before = wAt(store, 1, 1);
    fireEvent.keyDown(W(), { key: 'Enter' });
    expect(field()).toBeTruthy();
    expect(document.activeElement).toBe(field());
    expect(field()!.value).toBe(String(before));
    expect(field()!.getAttribute('aria-label')).toBe('W[1,1]: type a new value, Enter to keep, Escape to cancel');
    // A bad value: refused with the grid's words, the field kept open with what was typed, and W unchanged.
    fireEvent.change(field()!, { target: { value: 'abc' } });
    fireEvent.keyDown(field()!, { key: 'Enter' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('W[1,1]: “abc” is not a finite number. Use digits like 0.5, -2 or 1e-3. The previous value is kept.');
    expect(field()!.value).toBe('abc');
    expect(field()!.getAttribute('aria-invalid')).toBe('true');
    expect(field()!.getAttribute('aria-describedby')).toBe(alert.id);
    expect(wAt(store, 1, 1)).toBe(before);
    // A good one: kept in the lesson, the field gone, the keyboard back on the heatmap at that cell.
    fireEvent.change(field()!, { target: { value: '0.5' } });
    fireEvent.keyDown(field()!, { key: 'Enter' });
    expect(wAt(store, 1, 1)).toBe(0.5);
    expect(field()).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(W());
    expect(screen.getByTestId('heat-live-W').dataset.value).toBe('0.5');
    // F2 opens it too, and Escape cancels, keeping the value.
    fireEvent.keyDown(W(), { key: 'F2' });
    fireEvent.change(field()!, { target: { value: '7' } });
    fireEvent.keyDown(field()!, { key: 'Escape' });
    expect(field()).toBeNull();
    expect(wAt(store, 1, 1)).toBe(0.5);
    expect(document.activeElement).toBe(W());
    // A typed digit starts the value.
    fireEvent.keyDown(W(), { key: '3' });
    expect(field()!.value).toBe('3');
    fireEvent.keyDown(field()!, { key: 'Enter' });
    expect(wAt(store, 1, 1)).toBe(3);
  });

  it('opens from the derivation panel’s Edit button (the app’s cell editors), at that cell', async () => {
    const { store, editors } = await digitsLesson();
    act(() => void editors().open({ m: 'W', r: 301, c: 4 }));
    expect(field()!.getAttribute('aria-label')).toBe('W[301,4]: type a new value, Enter to keep, Escape to cancel');
    fireEvent.change(field()!, { target: { value: '-2' } });
    fireEvent.keyDown(field()!, { key: 'Enter' });
    expect(wAt(store, 301, 4)).toBe(-2);
    expect(screen.getByTestId('heat-live-W').textContent).toMatch(/^W\[301,4\] = −2$/);
  });

  it('opens no editor on a heatmap that is not editable: Enter explains the cell', () => {
    const onFocusCell = vi.fn();
    heat({ onFocusCell, editable: false, onEdit: () => ({ ok: true }) });
    act(() => scroller().focus());
    fireEvent.keyDown(scroller(), { key: 'Enter' });
    fireEvent.keyDown(scroller(), { key: 'F2' });
    fireEvent.keyDown(scroller(), { key: '5' });
    expect(field()).toBeNull();
    expect(scroller().getAttribute('aria-label')).not.toMatch(/edits/);
    expect(onFocusCell).toHaveBeenLastCalledWith(0, 0);
  });
});
