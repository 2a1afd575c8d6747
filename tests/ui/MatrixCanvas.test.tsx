// @vitest-environment jsdom
// The canvas heatmap of a large matrix: drawn when a matrix passes 12 rows or columns, pointer hover and the
// keyboard explaining cells through the store, the live read-out, and cells not computed yet drawn muted.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { numberFormat } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { heatScale } from '../../src/ui/matrix/colour.ts';
import { MUTED_RGB, axisTicks, cellSize, drawnAsHeatmap, heatPixels } from '../../src/ui/matrix/heatDraw.ts';
import { MatrixCanvas, type MatrixCanvasProps } from '../../src/ui/matrix/MatrixCanvas.tsx';
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
