// @vitest-environment jsdom
// The whole lesson view wired to a store: notices, controls, hover and edits.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { computeLesson, formatNumber, makeLesson, type Activation } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { App } from '../../src/ui/shell/App.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { renderApp } from './renderApp.tsx';
import { typesetNow } from './typeset.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { linkedNotation } from '../../src/core/linkedNotation.ts';

afterEach(cleanup);
// jsdom has no canvas; the Jacobian section below the lesson draws on one and copes with none.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});

const mount = renderApp;

const grid = (m: string) => document.querySelector<HTMLElement>(`[role="grid"][data-matrix="${m}"]`)!;
const cell = (m: string, r: number, c: number) => grid(m).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const values = (m: string) => [...grid(m).querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => Number(c.dataset.value));

describe('App', () => {
  it('shows a grid for every matrix of the lesson, with values from core', () => {
    mount();
    const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
    const out = computeLesson('row', 'mse', inputs);
    for (const m of ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX']) expect(grid(m), m).not.toBeNull();
    // Without an activation there is no z and no dL/dz: y is the dense product itself.
    expect(document.querySelector('[data-matrix="z"]')).toBeNull();
    expect(document.querySelector('[data-matrix="dZ"]')).toBeNull();
    expect(document.querySelectorAll('.lesson [role="grid"]')).toHaveLength(10);
    expect(values('x')).toEqual(Array.from(inputs.x.data));
    expect(values('y')).toEqual(Array.from(out.y.data));
    expect(values('dW')).toEqual(Array.from(out.dW.data));
    expect(values('L')).toEqual([out.L]);
  });

  it('lists a notice per bad URL parameter, naming it, and dismisses them', async () => {
    const user = userEvent.setup();
    mount('?B=40&conv=foo&x=1,2;3&act=swish');
    const region = screen.getByRole('status', { name: 'Problems with the link' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.param)).toEqual(['conv', 'B', 'act', 'x']);
    // Each notice is the store's message worded by the catalogue, with what was given and what was done.
    expect(items[0].textContent).toBe('conv: conv=“foo” is not one of row, torch, column; using row. Dismiss');
    expect(items[1].textContent).toBe('B: B=40 is outside 1–12 or not whole; clamped to 12. Dismiss');
    expect(items[2].textContent).toBe('act: act=“swish” is not one of identity, relu, sigmoid, tanh; using identity. Dismiss');
    expect(items[3].textContent).toMatch(/^x: x has rows of different lengths \(row 0 has 2 entries, row 1 has 1\); ignored, using the seed’s values\./);
    await user.click(screen.getByRole('button', { name: 'Dismiss the notice about B' }));
    expect(within(region).getAllByRole('listitem').map((li) => li.dataset.param)).toEqual(['conv', 'act', 'x']);
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
    await user.click(document.querySelector<HTMLInputElement>('input[type="radio"][data-choice="conv"][value="column"]')!);
    expect(store.getState().config.convention).toBe('column');
    expect(B.value).toBe('13'); // leaving the field keeps the refused text
    expect(store.getState().config.B).toBe(2);
    expect(grid('x').closest('figure')!.querySelector('.badge')?.textContent).toBe('[N×B] = [3×2]');
    expect(grid('W').closest('figure')!.querySelector('.badge')?.textContent).toBe('[T×N] = [2×3]');
    // Y = WX + b1ᵀ: b and dL/db are columns, T×1, named by their one index as the panel names them.
    for (const m of ['b', 'db']) {
      expect(grid(m).closest('figure')!.querySelector('.badge')?.textContent, m).toBe('[T×1] = [2×1]');
      const cells = [...grid(m).querySelectorAll<HTMLElement>('[role="gridcell"]')];
      expect(cells.map((c) => [c.dataset.r, c.dataset.c, c.getAttribute('aria-label')?.split(' ')[0]]), m).toEqual([
        ['0', '0', `${m === 'b' ? 'b' : 'dL/db'}[0]`],
        ['1', '0', `${m === 'b' ? 'b' : 'dL/db'}[1]`],
      ]);
    }
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

describe('App with an activation', () => {
  const lessonOf = (activation: Activation) => {
    const inputs = makeLesson({ convention: 'row', loss: 'mse', activation, B: 2, N: 3, T: 2 }, 7);
    return { inputs, out: computeLesson('row', 'mse', inputs, activation) };
  };
  const order = (pass: 'forward' | 'backward') => [...document.querySelectorAll<HTMLElement>(`.pass.${pass} [role="grid"]`)].map((g) => g.dataset.matrix);
  const label = (m: string) => grid(m).closest('figure')!.querySelector('.matrix-label')!.textContent;

  it('with ?act=sigmoid shows z between the product and y, and dL/dz between dL/dy and the parameter gradients', () => {
    mount('?act=sigmoid');
    const { out } = lessonOf('sigmoid');
    expect(order('forward')).toEqual(['x', 'W', 'b', 'z', 'y', 'target', 'L']);
    expect(order('backward')).toEqual(['dY', 'dZ', 'dW', 'db', 'dX']);
    expect(label('z')).toBe('z');
    expect(label('dZ')).toBe('dL/dz');
    expect([...document.querySelectorAll('.pass .arrow-label')].map((a) => a.textContent)).toEqual(['forward', 'activation', 'loss', 'chain rule', 'backward']);
    expect(values('z')).toEqual(Array.from(out.z.data));
    expect(values('y')).toEqual(Array.from(out.y.data));
    expect(values('dZ')).toEqual(Array.from(out.dZ.data));
    expect(values('dW')).toEqual(Array.from(out.dW.data));
    // y is σ(z) entry by entry, and dL/dz is dL/dy times σ'(z) = y(1 − y).
    values('z').forEach((z, k) => expect(values('y')[k]).toBeCloseTo(1 / (1 + Math.exp(-z)), 12));
    values('dY').forEach((g, k) => expect(values('dZ')[k]).toBeCloseTo(g * values('y')[k] * (1 - values('y')[k]), 12));
  });

  it('hovering dL/dz[1,0] shows dL/dy times the slope of σ at z, with the lesson’s numbers', () => {
    mount('?act=sigmoid');
    const { out } = lessonOf('sigmoid');
    fireEvent.mouseOver(cell('dZ', 1, 0));
    const body = document.querySelector<HTMLElement>('.derivation-body')!;
    expect(body.dataset.cell).toBe('dZ:1,0');
    const k = 1 * 2 + 0; // row convention: dL/dz is [B×T], row-major
    const g = out.dY.data[k], z = out.z.data[k], y = out.y.data[k], dz = out.dZ.data[k];
    expect(dz).toBeCloseTo(g * y * (1 - y), 12);
    expect(body.querySelector('h2')!.textContent).toBe(`dL/dz[1,0] = ${formatNumber(dz, 6)}`);
    const numbers = body.querySelector<HTMLElement>('[data-line="numeric"]')!;
    const terms = [...numbers.querySelectorAll<HTMLElement>('button[data-term]')];
    expect(terms).toHaveLength(1);
    // The sigmoid's slope is read from y = σ(z), the value the numbers show.
    expect(terms[0].dataset.factors).toBe('dY:1,0 y:1,0');
    // Read aloud: the gradient arriving at y, times the slope of sigmoid at z.
    expect(terms[0].querySelector('.sr-only')!.textContent).toBe(
      `term 1: ${formatNumber(g, 6)} times the slope of sigmoid at ${formatNumber(z, 6)}, which is ${formatNumber(y * (1 - y), 6)} = ${formatNumber(dz, 6)}`,
    );
    // Shown: dL/dy times σ(z)(1 − σ(z)), with σ(z) the y on screen.
    const shown = terms[0].querySelector('.katex-html')!.textContent!.replace(/\s/g, '');
    expect(shown).toBe(`${formatNumber(g, 3)}⋅${formatNumber(y, 3)}(1−${formatNumber(y, 3)})`);
    expect(body.querySelector<HTMLElement>('[data-line="result"]')!.dataset.value).toBe(String(dz));
    // It depends on dL/dy and y in the same place (σ'(z) is worked out from y).
    const deps = (m: string) => [...grid(m).querySelectorAll<HTMLElement>('.cell.dep')].map((c) => `${c.dataset.r},${c.dataset.c}`);
    expect(deps('dY')).toEqual(['1,0']);
    expect(deps('z')).toEqual([]);
    expect(deps('y')).toEqual(['1,0']);
    expect(deps('dW')).toEqual([]);
  });

  it('the activation select changes the lesson, and taking the activation away removes z and dL/dz', async () => {
    const user = userEvent.setup();
    const store = mount();
    const select = screen.getByLabelText('activation') as HTMLSelectElement;
    // Each option is worded by the catalogue: its activation's own name, and 'none' for identity.
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['identity', EN['controls.activation.none']],
      ['relu', EN['activation.relu.name']],
      ['sigmoid', EN['activation.sigmoid.name']],
      ['tanh', EN['activation.tanh.name']],
    ]);
    expect(new Set([...select.options].map((o) => o.textContent)).size).toBe(4);
    expect(select.value).toBe('identity');
    await user.selectOptions(select, 'tanh');
    expect(store.getState().config.activation).toBe('tanh');
    const { out } = lessonOf('tanh');
    expect(values('z')).toEqual(Array.from(out.z.data));
    expect(values('y')).toEqual(Array.from(out.y.data));
    expect(values('dZ')).toEqual(Array.from(out.dZ.data));
    expect(values('dX')).toEqual(Array.from(out.dX.data));
    values('z').forEach((z, k) => expect(values('y')[k]).toBeCloseTo(Math.tanh(z), 12));
    expect(values('y')).not.toEqual(Array.from(lessonOf('identity').out.y.data));
    await user.selectOptions(select, 'identity');
    expect(store.getState().config.activation).toBe('identity');
    expect(document.querySelector('[data-matrix="z"]')).toBeNull();
    expect(document.querySelector('[data-matrix="dZ"]')).toBeNull();
    expect(values('y')).toEqual(Array.from(lessonOf('identity').out.y.data));
  });
});

describe('two apps on one page', () => {
  /** Two apps, each with its own store and lesson, hearing the player keys only inside themselves. */
  function mountTwo() {
    const a = createAppStore('?act=sigmoid');
    const b = createAppStore('?conv=torch&B=3&seed=3&step=5');
    // Each with the linked notations' writer already there: arriving later, it would change a state mid-test.
    for (const s of [a, b]) s.getState().setNotationWriter(linkedNotation);
    render(
      <>
        <div data-testid="app-a">
          <StoreProvider store={a} keys="own" tex={typesetNow()}>
            <App />
          </StoreProvider>
        </div>
        <div data-testid="app-b">
          <StoreProvider store={b} keys="own" tex={typesetNow()}>
            <App />
          </StoreProvider>
        </div>
      </>,
    );
    const A = screen.getByTestId('app-a'), B = screen.getByTestId('app-b');
    const gridIn = (root: HTMLElement, m: string) => root.querySelector<HTMLElement>(`.lesson [role="grid"][data-matrix="${m}"]`)!;
    const valuesIn = (root: HTMLElement, m: string) => [...gridIn(root, m).querySelectorAll<HTMLElement>('[role="gridcell"]')].map((c) => Number(c.dataset.value));
    const cellIn = (root: HTMLElement, m: string, r: number, c: number) => gridIn(root, m).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
    const countIn = (root: HTMLElement) => root.querySelector('[data-testid="narration"] .step-count')!.textContent;
    const derivationIn = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="derivation"]')!;
    return { a, b, A, B, valuesIn, cellIn, countIn, derivationIn };
  }

  it('hovering a cell and stepping the player in one leaves the other’s panel, grids and step untouched', () => {
    const { a, b, A, B, valuesIn, cellIn, countIn, derivationIn } = mountTwo();
    expect(countIn(A)).toBe('Complete: all 17 steps');
    expect(countIn(B)).toBe('Step 5 of 19 · Forward');
    const before = B.innerHTML;
    const bState = b.getState();
    const bY = valuesIn(B, 'y');

    fireEvent.mouseOver(cellIn(A, 'dZ', 1, 0));
    expect(derivationIn(A).querySelector<HTMLElement>('.derivation-body')?.dataset.cell).toBe('dZ:1,0');
    expect(derivationIn(B).querySelector('.derivation-body')).toBeNull();
    expect(derivationIn(B).textContent).toMatch(/^Point at any number/);
    expect(cellIn(B, 'y', 1, 0).classList.contains('active')).toBe(false);

    // The player keys of one app, pressed inside it.
    const appA = A.querySelector<HTMLElement>('.app')!;
    act(() => void fireEvent.keyDown(appA, { key: 'Home' }));
    act(() => void fireEvent.keyDown(appA, { key: 'ArrowRight' }));
    expect(a.getState().step).toBe(1);
    expect(countIn(A)).toBe('Step 1 of 17 · Forward');
    // Keys pressed elsewhere on the page reach neither app.
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(a.getState().step).toBe(1);
    // A key pressed on the player's own controls steps once, not once for the player and once more for the app.
    const forward = A.querySelector<HTMLElement>('.player button[aria-label^="Step forward"]')!;
    forward.focus();
    act(() => void fireEvent.keyDown(forward, { key: 'ArrowRight' }));
    expect(a.getState().step).toBe(2);
    act(() => void fireEvent.keyDown(forward, { key: 'PageUp' }));
    expect(a.getState().step).toBe(1);
    // The walkthrough's keys move the walkthrough only.
    const next = A.querySelector<HTMLElement>('[data-testid="walk-next"]')!;
    act(() => void fireEvent.keyDown(next, { key: 'ArrowRight' }));
    expect(a.getState().shortcutStep).toBe(1);
    expect(a.getState().step).toBe(1);

    expect(b.getState()).toBe(bState);
    expect(countIn(B)).toBe('Step 5 of 19 · Forward');
    expect(valuesIn(B, 'y')).toEqual(bY);
    expect(B.innerHTML).toBe(before);
  });

  it('editing a cell in one app changes its lesson only', async () => {
    const user = userEvent.setup();
    const { a, b, A, B, valuesIn, cellIn, countIn } = mountTwo();
    const before = B.innerHTML;
    const bState = b.getState();
    const aY = valuesIn(A, 'y');
    act(() => cellIn(A, 'x', 0, 2).focus());
    await user.keyboard('{Enter}');
    const input = within(A).getByRole('textbox', { name: /x\[0,2\]/ });
    await user.clear(input);
    await user.type(input, '1.5{Enter}');
    expect(a.getState().inputs.x.data[2]).toBe(1.5);
    expect(valuesIn(A, 'y')).not.toEqual(aY);
    const inputs = makeLesson({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 7);
    inputs.x.data[2] = 1.5;
    expect(valuesIn(A, 'y')).toEqual(Array.from(computeLesson('row', 'mse', inputs, 'sigmoid').y.data));
    expect(b.getState()).toBe(bState);
    expect(countIn(B)).toBe('Step 5 of 19 · Forward');
    expect(B.innerHTML).toBe(before);
  });

  it('stepping the other app leaves the first one as it was', () => {
    const { a, b, A, B, countIn } = mountTwo();
    const before = A.innerHTML;
    const aState = a.getState();
    act(() => void fireEvent.keyDown(B.querySelector<HTMLElement>('.app')!, { key: 'ArrowRight' }));
    expect(b.getState().step).toBe(6);
    expect(countIn(B)).toBe('Step 6 of 19 · Forward');
    expect(a.getState()).toBe(aState);
    expect(countIn(A)).toBe('Complete: all 17 steps');
    expect(A.innerHTML).toBe(before);
  });
});
