// @vitest-environment jsdom
// The Jacobian view wired to a store: the entry table and its labels, hover
// and keyboard explanations with lesson highlights, the cost panel, the
// sparsity view's controls and the shortcut walkthrough.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber, jacobian } from '../../src/core/index.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { App } from '../../src/ui/shell/App.tsx';
import { JacobianSection } from '../../src/ui/jacobian/JacobianSection.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';

beforeAll(() => {
  // jsdom has no canvas; the view draws nothing there and says nothing about it.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
afterEach(cleanup);

function mount(search = '', whole = false): AppStore {
  const store = createAppStore(search);
  render(<StoreProvider store={store} tex={typesetNow()}>{whole ? <App /> : <JacobianSection />}</StoreProvider>);
  return store;
}

/** A radio of the Jacobian controls ('kind', 'lin' or 'size'); their group names are made unique per app, so this goes by data-choice. */
const radio = (name: 'kind' | 'lin' | 'size', value: string) => {
  const el = document.querySelector<HTMLInputElement>(`.jac-controls input[type="radio"][data-choice="jac-${name}"][value="${value}"]`);
  expect(el, `${name}=${value}`).not.toBeNull();
  return el!;
};
const button = (text: string) => [...document.querySelectorAll('button')].find((b) => b.textContent === text)!;
const table = () => screen.getByTestId('jacobian-table');
const entry = (r: number, c: number) => table().querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`)!;
const colHeaders = () => [...table().querySelectorAll('thead th')].slice(1).map((th) => th.textContent);
const rowHeaders = () => [...table().querySelectorAll('tbody th')].map((th) => th.textContent);

describe('entry table', () => {
  it('lists every entry of dY/dW with rows by y element and columns by W element, row-major', () => {
    const store = mount();
    const s = store.getState();
    expect(table().querySelectorAll('tbody tr')).toHaveLength(4);
    expect(table().querySelectorAll('td[role="gridcell"]')).toHaveLength(24);
    expect(rowHeaders()).toEqual(['0y[0,0]', '1y[0,1]', '2y[1,0]', '3y[1,1]']);
    expect(colHeaders()).toEqual(['0W[0,0]', '1W[0,1]', '2W[1,0]', '3W[1,1]', '4W[2,0]', '5W[2,1]']);
    const J = jacobian('dY/dW', 'row', { B: 2, N: 3, T: 2 }, 'row-major', { x: s.inputs.x, W: s.inputs.W });
    for (let r = 0; r < 4; r++) for (let c = 0; c < 6; c++) expect(Number(entry(r, c).dataset.value)).toBe(J.entry(r, c));
    // y[0,1] by W[2,1] is x[0,2]; by W[2,0] it is a structural zero.
    expect(entry(1, 5).textContent).toMatch(/^∂y\[0,1\]\/∂W\[2,1\] = [−\d.]+, that is x\[0,2\]$/);
    expect(entry(1, 4).textContent).toBe('∂y[0,1]/∂W[2,0] = 0, a structural zero');
    expect(entry(1, 4).className).toContain('zero');
  });

  it('reorders labels and pattern when the linearisation changes', async () => {
    const user = userEvent.setup();
    const store = mount();
    await user.click(radio('lin', 'column-major'));
    expect(store.getState().linearisation).toBe('column-major');
    expect(rowHeaders()).toEqual(['0y[0,0]', '1y[1,0]', '2y[0,1]', '3y[1,1]']);
    expect(colHeaders()).toEqual(['0W[0,0]', '1W[1,0]', '2W[2,0]', '3W[0,1]', '4W[1,1]', '5W[2,1]']);
    // Column-major W: columns 0–2 are output 0; rows 0–1 are output 0.
    expect(entry(0, 0).className).toContain('nz');
    expect(entry(0, 3).className).toContain('zero');
    expect(entry(2, 3).className).toContain('nz');
  });

  it('labels follow the lesson convention: torch W is [T,N], column y is [T,B]', () => {
    mount('?conv=torch');
    expect(colHeaders()).toEqual(['0W[0,0]', '1W[0,1]', '2W[0,2]', '3W[1,0]', '4W[1,1]', '5W[1,2]']);
    cleanup();
    mount('?conv=column');
    expect(rowHeaders()).toEqual(['0y[0,0]', '1y[0,1]', '2y[1,0]', '3y[1,1]']);
    // Row 1 of the column convention's y is y[0,1]: output 0 of sample 1.
    expect(entry(1, 0).textContent).toMatch(/^∂y\[0,1\]\/∂W\[0,0\] = [−\d.]+, that is x\[0,1\]$/);
  });

  it('shows dY/dX and dY/db when picked', async () => {
    const user = userEvent.setup();
    const store = mount();
    await user.click(radio('kind', 'dY/dX'));
    expect(store.getState().jacobianKind).toBe('dY/dX');
    expect(table().querySelectorAll('td[role="gridcell"]')).toHaveLength(4 * 6);
    expect(colHeaders()[0]).toBe('0x[0,0]');
    await user.click(radio('kind', 'dY/db'));
    expect(table().querySelectorAll('td[role="gridcell"]')).toHaveLength(4 * 2);
    expect(colHeaders()).toEqual(['0b[0]', '1b[1]']);
    expect(Number(entry(1, 1).dataset.value)).toBe(1);
    expect(Number(entry(1, 0).dataset.value)).toBe(0);
  });

  it('hovering an entry explains it with Kronecker deltas and outlines its y and W cells in the lesson', async () => {
    const store = mount('', true);
    // In the whole app the view is a chunk of its own, loaded after the lesson.
    await screen.findByTestId('jacobian-table', {}, { timeout: 10_000 });
    fireEvent.mouseOver(entry(1, 5));
    const s = store.getState();
    expect(s.jacobianEntry).toEqual({ r: 1, c: 5 });
    expect(s.linked).toEqual([
      { m: 'y', r: 0, c: 1 },
      { m: 'W', r: 2, c: 1 },
    ]);
    expect(store.select.linked(s)).toEqual({ y: new Set(['0,1']), W: new Set(['2,1']) });
    const panel = screen.getByTestId('jacobian-explain');
    expect(panel.querySelector('h3')!.textContent).toMatch(/^∂y\[0,1\]\/∂W\[2,1\] = /);
    expect(panel.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(4);
    expect(panel.textContent).toContain('δ');
    const lessonY = document.querySelector('[role="grid"][data-matrix="y"] [data-r="0"][data-c="1"]')!;
    const lessonW = document.querySelector('[role="grid"][data-matrix="W"] [data-r="2"][data-c="1"]')!;
    expect(lessonY.className).toContain('term');
    expect(lessonW.className).toContain('term');
    fireEvent.mouseLeave(table());
    expect(store.getState().jacobianEntry).toBeNull();
    expect(store.getState().linked).toEqual([]);
    expect(store.select.linked(store.getState())).toEqual({});
    expect(lessonY.className).not.toContain('term');
  });

  it('is one tab stop; arrow keys, Home and End move focus and the explanation follows', async () => {
    const user = userEvent.setup();
    const store = mount();
    const tabbable = table().querySelectorAll('td[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    act(() => entry(0, 0).focus());
    expect(store.getState().jacobianEntry).toEqual({ r: 0, c: 0 });
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toBe(entry(1, 1));
    expect(store.getState().jacobianEntry).toEqual({ r: 1, c: 1 });
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(entry(1, 5));
    await user.keyboard('{Home}{ArrowUp}{ArrowUp}{ArrowLeft}');
    expect(document.activeElement).toBe(entry(0, 0));
    expect(table().querySelectorAll('td[tabindex="0"]')).toHaveLength(1);
  });

  it('leaves entries to the pattern at a preset, and says so in the explanation', async () => {
    const user = userEvent.setup();
    mount();
    await user.click(radio('size', 'image-b32'));
    expect(screen.queryByTestId('jacobian-table')).toBeNull();
    expect(screen.getByTestId('sparsity-view').textContent).toContain('3,200 rows');
    expect(screen.getByTestId('sparsity-view').textContent).toContain('1,638,400 columns');
  });

  it('says the lesson is too big to list when it is', () => {
    mount('?B=12&N=12&T=12');
    expect(screen.queryByTestId('jacobian-table')).toBeNull();
    expect(screen.getByTestId('jacobian-view').textContent).toContain('too many to list');
  });
});

describe('cost panel', () => {
  it('shows the teaching size live and the three presets, with human units', async () => {
    const store = mount();
    const t = screen.getByTestId('cost-table');
    const text = t.textContent ?? '';
    for (const s of ['5.24 billion', '19.5 GiB', '39.1 GiB', '164 million', '625 MiB', '411 million', '128×', '100×', '96 B']) expect(text).toContain(s);
    act(() => store.getState().setSize('T', 5));
    expect(t.textContent).toContain('2, 3, 5');
    expect(t.textContent).toContain('10 × 15'); // B·T × N·T
    expect(t.textContent).toContain('5×'); // full ÷ shortcut = T
  });

  it('follows the chosen Jacobian, and its headers pick the preset drawn', async () => {
    const user = userEvent.setup();
    const store = mount();
    await user.click(radio('kind', 'dY/dX'));
    expect(screen.getByTestId('cost-table').textContent).toContain('32×'); // B at the B=32 presets
    await user.click(screen.getByTestId('cost-table').querySelector<HTMLElement>('th[data-preset="mnist"] button')!);
    expect(store.getState().jacobianPreset).toBe('mnist');
  });
});

describe('sparsity view', () => {
  it('has a focusable, named canvas and zoom buttons that change what is in view', async () => {
    const user = userEvent.setup();
    mount('?B=12&N=12&T=12');
    const canvas = screen.getByTestId('sparsity-canvas');
    expect(canvas.getAttribute('tabindex')).toBe('0');
    expect(canvas.getAttribute('aria-label')).toContain('144 by 144');
    const readout = () => screen.getByTestId('sparsity-readout').textContent ?? '';
    // jsdom has no layout, so the canvas is 1 px wide: every zoom is a real change.
    expect(readout()).toContain('The whole matrix is in view');
    await user.click(button('Down to entries'));
    expect(readout()).toMatch(/^Rows \d/);
    await user.click(button('Whole matrix'));
    expect(readout()).toContain('The whole matrix is in view');
  });
});

describe('shortcut walkthrough', () => {
  it('steps with buttons and arrow keys and ends on the lesson\'s dL/dW, saying so', async () => {
    const user = userEvent.setup();
    const store = mount();
    const walk = screen.getByTestId('shortcut-walk');
    expect(walk.dataset.step).toBe('0');
    expect(walk.querySelectorAll('.jac-vector li')).toHaveLength(4);
    await user.click(screen.getByTestId('walk-next'));
    const product = screen.getByTestId('walk-product');
    // Only the structural non-zeros of the 4×6 Jacobian contribute: B = 2 per column.
    expect(product.querySelectorAll('tbody td.nz')).toHaveLength(12);
    expect(product.querySelectorAll('tbody td.zero')).toHaveLength(12);
    await user.click(screen.getByTestId('walk-next'));
    expect(screen.getByTestId('walk-rolled')).toBeTruthy();
    act(() => screen.getByTestId('walk-next').focus());
    await user.keyboard('{ArrowRight}');
    expect(store.getState().shortcutStep).toBe(3);
    const verdict = screen.getByTestId('walk-verdict');
    expect(verdict.dataset.agrees).toBe('true');
    expect(verdict.textContent).toContain('The same numbers as dL/dW in the lesson view');
    const got = [...screen.getByTestId('walk-final').querySelectorAll('td')].map((td) => Number(td.dataset.value));
    const want = Array.from(store.select.ctx(store.getState()).outputs.dW.data);
    expect(got).toHaveLength(want.length);
    got.forEach((v, k) => expect(v).toBeCloseTo(want[k], 12));
    act(() => button('◀ Back').focus());
    await user.keyboard('{Home}');
    expect(store.getState().shortcutStep).toBe(0);
  });

  it('walks dY/db to dL/db, and a changed lesson to its new gradient', async () => {
    const user = userEvent.setup();
    const store = mount('?conv=column&B=3');
    await user.click(radio('kind', 'dY/db'));
    act(() => store.getState().setShortcutStep(3));
    const got = [...screen.getByTestId('walk-final').querySelectorAll('td')].map((td) => Number(td.dataset.value));
    const db = () => Array.from(store.select.ctx(store.getState()).outputs.db);
    expect(got).toHaveLength(2);
    db().forEach((v, k) => expect(got[k]).toBeCloseTo(v, 12));
    act(() => store.getState().setSeed(99));
    const again = [...screen.getByTestId('walk-final').querySelectorAll('td')].map((td) => Number(td.dataset.value));
    expect(again).not.toEqual(got);
    db().forEach((v, k) => expect(again[k]).toBeCloseTo(v, 12));
    expect(screen.getByTestId('walk-verdict').dataset.agrees).toBe('true');
  });
});

describe('through an activation', () => {
  const kinds = () => [...document.querySelectorAll<HTMLInputElement>('.jac-controls input[type="radio"][data-choice="jac-kind"]')].map((r) => r.value);

  it('offers dy/dz only when the lesson has an activation, and names the dense Jacobians by z', () => {
    mount();
    expect(kinds()).toEqual(['dY/dW', 'dY/dX', 'dY/db']);
    expect(rowHeaders()[1]).toBe('1y[0,1]');
    cleanup();
    const store = mount('?act=relu');
    expect(kinds()).toEqual(['dY/dW', 'dY/dX', 'dY/db', 'dY/dZ']);
    // The dense part's Jacobian is of z, the product before the activation; its entries are still inputs.
    expect(rowHeaders()).toEqual(['0z[0,0]', '1z[0,1]', '2z[1,0]', '3z[1,1]']);
    const s = store.getState();
    const J = jacobian('dY/dW', 'row', { B: 2, N: 3, T: 2 }, 'row-major', { x: s.inputs.x, W: s.inputs.W }, 'relu');
    for (let r = 0; r < 4; r++) for (let c = 0; c < 6; c++) expect(Number(entry(r, c).dataset.value)).toBe(J.entry(r, c));
    expect(entry(1, 5).textContent).toMatch(/^∂z\[0,1\]\/∂W\[2,1\] = [−\d.]+, that is x\[0,2\]$/);
    expect(screen.getByTestId('cost-table').closest('section')!.querySelector('h3')!.textContent).toBe('What ∂z/∂W would cost');
  });

  it('shows dy/dz as a diagonal of the activation’s slopes, and explains an entry with the lesson’s cells', async () => {
    const user = userEvent.setup();
    const store = mount('?act=sigmoid', true);
    await user.click(radio('kind', 'dY/dZ'));
    expect(store.getState().jacobianKind).toBe('dY/dZ');
    expect(rowHeaders()).toEqual(['0y[0,0]', '1y[0,1]', '2y[1,0]', '3y[1,1]']);
    expect(colHeaders()).toEqual(['0z[0,0]', '1z[0,1]', '2z[1,0]', '3z[1,1]']);
    const y = store.select.ctx(store.getState()).outputs.y.data;
    for (let r = 0; r < 4; r++)
      for (let c = 0; c < 4; c++) {
        const v = Number(entry(r, c).dataset.value);
        // σ'(z) = σ(z)(1 − σ(z)) = y(1 − y) on the diagonal, structural zeros off it.
        if (r === c) expect(v).toBeCloseTo(y[r] * (1 - y[r]), 12);
        else {
          expect(v).toBe(0);
          expect(entry(r, c).className).toContain('zero');
        }
      }
    expect(entry(1, 1).textContent).toBe(`∂y[0,1]/∂z[0,1] = ${formatNumber(y[1] * (1 - y[1]), 3)}, that is slope at z[0,1]`);
    expect(entry(1, 2).textContent).toBe('∂y[0,1]/∂z[1,0] = 0, a structural zero');
    fireEvent.mouseOver(entry(1, 1));
    const panel = screen.getByTestId('jacobian-explain');
    expect(panel.querySelector('h3')!.textContent).toBe(`∂y[0,1]/∂z[0,1] = ${formatNumber(y[1] * (1 - y[1]), 6)}`);
    expect(panel.querySelector('.note')!.textContent).toBe('y[0,1] is sigmoid of z[0,1] alone, so the entry is the slope of sigmoid there.');
    expect(store.select.linked(store.getState())).toEqual({ y: new Set(['0,1']), z: new Set(['0,1']) });
    const lessonZ = document.querySelector('[role="grid"][data-matrix="z"] [data-r="0"][data-c="1"]')!;
    expect(lessonZ.className).toContain('term');
    fireEvent.mouseOver(entry(1, 2));
    expect(screen.getByTestId('jacobian-explain').querySelector('.note')!.textContent).toBe(
      'y[0,1] does not depend on z[1,0]: an activation works on each entry by itself, so every entry off the diagonal is 0.',
    );
  });

  it('walks dL/dz through dy/dz, and dL/dW from g = dL/dz, each to the lesson’s gradient', async () => {
    const user = userEvent.setup();
    const store = mount('?act=tanh');
    const outputs = () => store.select.ctx(store.getState()).outputs;
    const final = () => [...screen.getByTestId('walk-final').querySelectorAll('td')].map((td) => Number(td.dataset.value));
    // dy/dW's walkthrough starts from the gradient arriving at z.
    const g = [...screen.getByTestId('shortcut-walk').querySelectorAll<HTMLElement>('.jac-vector li')].map((li) => Number(li.dataset.value));
    expect(g).toEqual(Array.from(outputs().dZ.data));
    expect(g).not.toEqual(Array.from(outputs().dY.data));
    act(() => store.getState().setShortcutStep(3));
    expect(final()).toHaveLength(6);
    Array.from(outputs().dW.data).forEach((v, k) => expect(final()[k]).toBeCloseTo(v, 12));
    expect(screen.getByTestId('walk-verdict').dataset.agrees).toBe('true');
    await user.click(radio('kind', 'dY/dZ'));
    act(() => store.getState().setShortcutStep(0));
    const g2 = [...screen.getByTestId('shortcut-walk').querySelectorAll<HTMLElement>('.jac-vector li')].map((li) => Number(li.dataset.value));
    expect(g2).toEqual(Array.from(outputs().dY.data));
    act(() => store.getState().setShortcutStep(3));
    expect(final()).toHaveLength(4);
    Array.from(outputs().dZ.data).forEach((v, k) => expect(final()[k]).toBeCloseTo(v, 12));
    expect(screen.getByTestId('walk-verdict').textContent).toContain('The same numbers as dL/dz in the lesson view');
  });

  it('falls back to dy/dW when the activation is taken away', async () => {
    const store = mount('?act=relu&jac=z');
    expect(store.getState().jacobianKind).toBe('dY/dZ');
    act(() => store.getState().setActivation('identity'));
    expect(store.getState().jacobianKind).toBe('dY/dW');
    expect(kinds()).toEqual(['dY/dW', 'dY/dX', 'dY/db']);
    expect(radio('kind', 'dY/dW').checked).toBe(true);
    expect(rowHeaders()[0]).toBe('0y[0,0]');
  });
});
