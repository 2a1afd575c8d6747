// @vitest-environment jsdom
// The LaTeX export as a learner uses it: the derivation panel's Copy as LaTeX copies core's derivationLatex of the
// cell on screen and says so (or offers the source to copy by hand); the Export dialog's Download LaTeX (.tex) saves
// core's lessonLatexDocument of the lesson under its name, apart from the Python program, which stays as it was.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { derive } from '../../src/core/index.ts';
import { derivationLatex } from '../../src/core/export/latex.ts';
import { lessonLatexDocument } from '../../src/core/export/latexDocument.ts';
import { LATEX_WORDS } from '../core/latexHelpers.ts';
import { createSelectors } from '../../src/store/selectors.ts';
import type { AppStore } from '../../src/store/store.ts';
import { stubModalDialogs } from './dialog.ts';
import { blobText, captureDownloads } from './downloads.ts';
import { renderApp } from './renderApp.tsx';

beforeEach(stubModalDialogs);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const ctxOf = (store: AppStore) => createSelectors().ctx(store.getState());
const panel = () => within(screen.getByTestId('derivation'));
const clipboard = (writeText: (s: string) => Promise<void>) => Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });

describe('Copy as LaTeX', () => {
  it('copies the derivation on screen as an align* block, and says so', async () => {
    const store = renderApp('?focus=dW:1,0');
    const writeText = vi.fn((_text: string) => Promise.resolve());
    clipboard(writeText);
    fireEvent.click(panel().getByRole('button', { name: 'Copy as LaTeX' }));
    await screen.findByText('Copied: the derivation as an align* block (amsmath).');
    const ctx = ctxOf(store);
    const copied = writeText.mock.calls[0]?.[0] as string | undefined;
    expect(copied).toBe(derivationLatex(ctx, derive(ctx, { m: 'dW', r: 1, c: 0 })));
    expect(copied).toContain('\\begin{align*}');
    expect(copied).toContain('X^{\\top}');
    expect(panel().getByRole('status').textContent).toBe('Copied: the derivation as an align* block (amsmath).');
    // Another cell: the message was about the last one.
    act(() => store.getState().setFocus({ m: 'dX', r: 0, c: 1 }));
    expect(panel().getByRole('status').textContent).toBe('');
  });

  it('offers the source to copy by hand when the clipboard is refused', async () => {
    const store = renderApp('?conv=column&act=tanh&focus=y:1,0');
    clipboard(() => Promise.reject(new Error('denied')));
    fireEvent.click(panel().getByRole('button', { name: 'Copy as LaTeX' }));
    const field = await screen.findByRole('textbox', { name: 'The derivation as LaTeX' });
    const ctx = ctxOf(store);
    expect((field as HTMLTextAreaElement).value).toBe(derivationLatex(ctx, derive(ctx, { m: 'y', r: 1, c: 0 })));
    expect(panel().getByRole('status').textContent).toMatch(/^The clipboard is not available here/);
  });
});

describe('Download LaTeX (.tex)', { timeout: 30_000 }, () => {
  it('saves the lesson as a LaTeX document under its name, apart from the Python program', async () => {
    const store = renderApp('?export=numpy&conv=torch&act=relu&loss=softmax-ce');
    const code = await screen.findByText(/dW = dZ\.T @ X/, { selector: '[data-export-code="numpy"]' }, { timeout: 20_000 });
    const program = code.textContent;
    const { made, click } = captureDownloads();
    const part = document.querySelector<HTMLElement>('section.export-latex')!;
    expect(document.getElementById(part.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('LaTeX');
    const section = within(part);
    expect(section.getByText(/saved as backprop-torch-softmax-ce-relu\.tex\./)).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: 'Download LaTeX (.tex)' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(made[0].type).toBe('application/x-tex');
    const saved = await blobText(made[0]);
    expect(saved).toBe(lessonLatexDocument(ctxOf(store), LATEX_WORDS));
    expect(saved).toContain('\\begin{bmatrix}');
    expect(section.getByRole('status').textContent).toBe('Saved as backprop-torch-softmax-ce-relu.tex.');
    // The Python part is as it was: one program block, the same program, its own status line silent.
    expect(document.querySelectorAll('[data-export-code]')).toHaveLength(1);
    expect(document.querySelector('[data-export-code]')?.textContent).toBe(program);
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
