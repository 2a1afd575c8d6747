// @vitest-environment jsdom
// The three linked notations in the derivation panel: pointing at a part in
// one lights the same part in the other two and its cells in the grids; the
// keyboard walks the parts and the part is said; the code lines are what the
// learner reads for the convention.
import { act, cleanup, fireEvent, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { computeLesson, linkedTex, makeLesson, plainText } from '../../src/core/index.ts';
import { linkedNotation } from '../../src/core/linkedNotation.ts';
import { texText } from '../../src/ui/texText.ts';
import { renderApp } from './renderApp.tsx';

afterEach(cleanup);

/** The app on a link, once the linked notations' writer (a chunk the panel fetches) has arrived. */
async function open(search: string) {
  const store = renderApp(search);
  await waitFor(() => expect(store.getState().notationWriter).not.toBeNull());
  return store;
}

const panel = () => document.querySelector<HTMLElement>('[data-testid="derivation"]')!;
const rule = () => panel().querySelector<HTMLElement>('[data-line="general"] .parts')!;
const matrix = () => panel().querySelector<HTMLElement>('[data-line="matrix-form"] .parts')!;
const code = () => panel().querySelector<HTMLElement>('[data-line="code"]')!;
/** The parts lit in a notation, by id. */
const lit = (root: HTMLElement) => [...new Set([...root.querySelectorAll<HTMLElement>('.part-on')].map((e) => e.dataset.part))];
/** The grid cells outlined as pointed at, as 'r,c'. */
const outlined = (m: string) => [...document.querySelectorAll<HTMLElement>(`[role="grid"][data-matrix="${m}"] [role="gridcell"].term`)].map((c) => `${c.dataset.r},${c.dataset.c}`);
const codeText = () => [...code().querySelectorAll<HTMLElement>('.code-line')].map((l) => l.textContent);

describe('the linked notations of dL/dW[1,0] in the row convention', () => {
  it('show the einsum and the NumPy line of the exported program', async () => {
    await open('?focus=dW:1,0');
    expect(codeText()).toEqual(["dW = np.einsum('si,sj->ij', X, dY)", 'dW = X.T @ dY']);
  });

  it('hovering the factor x in the index notation lights x in the matrix form and the code, and its cells in x', async () => {
    await open('?focus=dW:1,0');
    const x = rule().querySelector<HTMLElement>('[data-part="f-x"]')!;
    fireEvent.mouseOver(x);
    expect(lit(rule())).toEqual(['f-x']);
    expect(lit(matrix())).toEqual(['f-x']);
    expect([...code().querySelectorAll<HTMLElement>('.part-on')].map((e) => e.textContent)).toEqual(['s', 'i', 'X', 'X']);
    expect(outlined('x')).toEqual(['0,1', '1,1']);
    expect(outlined('dY')).toEqual([]);
    fireEvent.mouseLeave(rule());
    expect(lit(matrix())).toEqual([]);
    expect(outlined('x')).toEqual([]);
  });

  it('hovering the summed index s in the einsum lights the sum and every s, B in the shapes, and the factor cells of both', async () => {
    await open('?focus=dW:1,0');
    const s = code().querySelector<HTMLElement>('[data-part="i-s"]')!;
    fireEvent.mouseOver(s);
    expect(lit(rule()).sort()).toEqual(['i-s']);
    expect([...rule().querySelectorAll('.part-on')].map((e) => e.textContent?.replace(/\s/g, ''))).toContain('s');
    expect([...matrix().querySelectorAll('.part-on')].map((e) => e.textContent)).toEqual(['B', 'B']);
    expect(outlined('x')).toEqual(['0,1', '1,1']);
    expect(outlined('dY')).toEqual(['0,0', '1,0']);
  });

  it('the keyboard walks the parts of a notation and says the one pointed at', async () => {
    await open('?focus=dW:1,0');
    const group = matrix();
    expect(group.getAttribute('tabindex')).toBe('0');
    expect(group.getAttribute('role')).toBe('group');
    act(() => group.focus());
    expect(lit(rule())).toEqual(['r']);
    expect(panel().textContent).toContain('Pointing at dL/dW, the result');
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(lit(code())).toEqual(['i-i']);
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(lit(rule())).toEqual(['f-x']);
    expect(panel().textContent).toContain('Pointing at x, a factor');
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    fireEvent.keyDown(group, { key: 'ArrowLeft' });
    expect([...code().querySelectorAll<HTMLElement>('.part-on')].map((e) => e.textContent)).toEqual(['s', 'j', 'dY', 'dY']);
    fireEvent.keyDown(group, { key: 'Escape' });
    expect(lit(code())).toEqual([]);
    expect(outlined('dY')).toEqual([]);
  });
});

describe('the code line in each convention and node', () => {
  it('torch: in PyTorch, dW = dZ.T @ X with relu, held against W.grad', async () => {
    await open('?conv=torch&act=relu&focus=dW:0,1');
    expect(codeText()).toEqual(["dW = torch.einsum('sj,si->ji', dZ, X)", 'dW = dZ.T @ X', 'torch.testing.assert_close(dW, W.grad)']);
    expect(document.querySelector('[data-code="PyTorch"]')).not.toBeNull();
  });

  it('column: the bias gradient sums over the batch axis, which is the columns', async () => {
    await open('?conv=column&focus=db:1,0');
    expect(codeText()).toEqual(["db = np.einsum('js->j', dY)", 'db = dY.sum(axis=1)']);
  });

  it('a given value has no code', async () => {
    await open('?focus=x:0,0');
    expect(panel().querySelector('[data-line="code"]')).toBeNull();
  });
});

describe('before KaTeX arrives', () => {
  it('a linked formula reads as plain text exactly as the unmarked one does', () => {
    const sizes = { B: 2, N: 3, T: 2 };
    const inputs = makeLesson({ convention: 'torch', loss: 'mse', ...sizes }, 7);
    const ctx = { convention: 'torch' as const, loss: 'mse' as const, activation: 'tanh' as const, sizes, inputs, outputs: computeLesson('torch', 'mse', inputs, 'tanh') };
    for (const m of ['z', 'y', 'dZ', 'dW', 'db', 'dX'] as const) {
      const n = linkedNotation(ctx, m);
      for (const tokens of [n?.index, n?.matrix]) if (tokens) expect(texText(linkedTex(tokens))).toBe(texText(plainText(tokens)));
    }
  });
});
