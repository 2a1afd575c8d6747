// @vitest-environment jsdom
// The Export dialog as a learner uses it: the header's button opens it on NumPy's program of this lesson, the
// flavour switches to PyTorch, the program follows the lesson, Download saves it under the lesson's name, Close closes.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stubModalDialogs } from './dialog.ts';
import { blobText, captureDownloads } from './downloads.ts';
import { renderApp } from './renderApp.tsx';

beforeEach(stubModalDialogs);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const code = () => document.querySelector<HTMLElement>('[data-export-code]');
/** The dialog's body is a chunk of its own, loaded when it first opens: slow on a busy machine. */
const LOADED = { timeout: 20_000 };

describe('the Export dialog', { timeout: 30_000 }, () => {
  it('opens from the header on NumPy’s program of this lesson, in its convention', async () => {
    const store = renderApp('?conv=column&act=tanh');
    expect(code()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Export: the lesson as a Python program/ }));
    expect(store.getState().exportShown).toBe('numpy');
    const block = await screen.findByText(/dW = dZ @ X\.T/, { selector: '[data-export-code="numpy"]' }, LOADED);
    expect(block.textContent).toContain('np.tanh');
    expect(block.textContent).toContain('# Convention: column');
    expect(document.querySelector('dialog.export-dialog')?.hasAttribute('open')).toBe(true);
    expect(screen.getByText(/in the formulas this lesson shows \(column convention\)/)).toBeTruthy();
  });

  it('switches to PyTorch, and follows the lesson when a value changes', async () => {
    const store = renderApp('?export=numpy');
    await screen.findByText(/X\.T @ dY/, { selector: '[data-export-code="numpy"]' }, LOADED);
    const radio = document.querySelector<HTMLInputElement>('input[data-choice="export"][value="pytorch"]')!;
    expect(radio.closest('label')?.textContent?.trim()).toBe('PyTorch');
    fireEvent.click(radio);
    expect(store.getState().exportShown).toBe('pytorch');
    const block = await screen.findByText(/loss\.backward\(\)/, { selector: '[data-export-code="pytorch"]' });
    expect(block.textContent).toContain('torch.testing.assert_close(dW, W.grad)');
    expect(block.textContent).toContain('[1.9, -0.7, 0.8]');
    act(() => void store.getState().editCell({ m: 'x', r: 0, c: 0 }, '2.5'));
    expect(code()?.textContent).toContain('[2.5, -0.7, 0.8]');
  });

  it('downloads the program under the lesson’s name and says so; Close closes it and the store hears', async () => {
    const store = renderApp('?export=pytorch&loss=softmax-ce');
    await screen.findByText(/F\.cross_entropy/, { selector: '[data-export-code="pytorch"]' }, LOADED);
    const { made, click } = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Download backprop-row-softmax-ce-identity-pytorch.py' }));
    expect(click).toHaveBeenCalledTimes(1);
    const saved = await blobText(made[0]);
    expect(saved).toBe(code()?.textContent);
    expect(made[0].type).toBe('text/x-python');
    expect(screen.getByText('Saved as backprop-row-softmax-ce-identity-pytorch.py.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.getState().exportShown).toBeNull();
    expect(document.querySelector('dialog.export-dialog')?.hasAttribute('open')).toBe(false);
  });
});
