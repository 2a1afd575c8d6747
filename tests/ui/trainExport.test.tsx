// @vitest-environment jsdom
// "Export run as Python" in the training view: the button opens the run's script (NumPy, then PyTorch), which
// follows the run's settings and downloads under the run's name; a run too large to write out has the button
// disabled and says why.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blobText, captureDownloads } from './downloads.ts';
import { renderApp } from './renderApp.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// The first test loads the training view's and the script's chunks (seconds on a loaded machine, 8 s measured at a
// load average of 11 on 2 cores), as tests/ui/train.test.tsx waits for them.
const SLOW = 30_000;
const view = () => screen.findByRole('heading', { name: 'Training: gradient descent on data' }, { timeout: 10_000 });
const opener = () => screen.getByRole('button', { name: 'Export run as Python: a script that reproduces this run’s loss history' });
const code = (hook: string) => document.querySelector<HTMLElement>(`[data-export-code="${hook}"]`);

/** The training view on a pasted table of `rows` samples of two features, trained for `epochs`. */
async function csvRun(epochs: number, rows: number): Promise<void> {
  renderApp(`?train=csv&epochs=${epochs}`);
  await view();
  const table = Array.from({ length: rows }, (_, k) => `${k % 17},${(k * 7) % 13},${k / 10}`).join('\n');
  fireEvent.change(screen.getByLabelText('Your table'), { target: { value: table } });
  fireEvent.click(screen.getByRole('button', { name: 'Use this table' }));
}

describe('the training view’s script', () => {
  it('opens on NumPy’s script of the run, which follows its settings', async () => {
    const store = renderApp('?train=regression&conv=column');
    await view();
    expect(opener().getAttribute('aria-expanded')).toBe('false');
    expect(code('train-numpy')).toBeNull();
    fireEvent.click(opener());
    expect(opener().getAttribute('aria-expanded')).toBe('true');
    const block = await screen.findByText(/^# A training run of one dense layer/, { selector: '[data-export-code="train-numpy"]' }, { timeout: 10_000 });
    // A small run's script is made at once: the live status has nothing to say.
    expect(document.querySelector('[data-script-status]')?.textContent).toBe('');
    const text = block.textContent ?? '';
    expect(text).toContain('# Convention: column');
    expect(text).toContain('Y = W @ X + b[:, None]');
    expect(text).toContain('epochs = 20');
    expect(text.match(/^order = \[\n((?: {4}\[.*\],\n)+)\]/m)?.[1].trim().split('\n')).toHaveLength(20);
    expect(screen.getByText(/trains the run to its end, 20 epochs \(200 updates\)/)).toBeTruthy();
    // The script follows the run's settings.
    act(() => void store.getState().setTrainOption('epochs', '5'));
    await screen.findByText(/epochs = 5 T = 2/, { selector: '[data-export-code="train-numpy"]' });
  }, SLOW);

  it('switches to PyTorch and downloads the script under the run’s name; the button closes it', async () => {
    renderApp('?train=regression&conv=column');
    await view();
    fireEvent.click(opener());
    await screen.findByText(/^# A training run/, { selector: '[data-export-code="train-numpy"]' }, { timeout: 10_000 });
    fireEvent.click(document.querySelector<HTMLInputElement>('input[data-choice="train-export"][value="pytorch"]')!);
    const torch = await screen.findByText(/torch\.optim\.SGD\(\[W, b\], lr=lr\)/, { selector: '[data-export-code="train-pytorch"]' });
    const { made, click } = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Download backprop-train-regression-column-mse-identity-pytorch.py' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobText(made[0])).toBe(torch.textContent);
    expect(made[0].type).toBe('text/x-python');
    expect(screen.getByText('Saved as backprop-train-regression-column-mse-identity-pytorch.py.')).toBeTruthy();
    // Closed again.
    fireEvent.click(opener());
    expect(code('train-pytorch')).toBeNull();
  }, SLOW);

  it('writes a large run’s script off the page, saying so in a live status there from the start; a flavour’s script never shows under another', async () => {
    // 10,000 samples of 2 features: 20,000 entries, as many as the runs trained in a worker.
    await csvRun(2, 10_000);
    const status = document.querySelector<HTMLElement>('[data-script-status]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toBe('');
    // Everything the status says, in order (the panel's chunk loads first, so the first words are not seen at once).
    const said: string[] = [];
    const watch = new MutationObserver(() => said.push(status?.textContent ?? ''));
    watch.observe(status!, { childList: true, subtree: true, characterData: true });
    fireEvent.click(opener());
    await screen.findByText(/^# A training run/, { selector: '[data-export-code="train-numpy"]' }, { timeout: 20_000 });
    watch.disconnect();
    expect([...new Set(said)]).toEqual(['Writing the NumPy script of 10,000 samples…', 'The NumPy script is written, below.']);
    // Another flavour: NumPy's script goes at once, and PyTorch's comes when written.
    fireEvent.click(document.querySelector<HTMLInputElement>('input[data-choice="train-export"][value="pytorch"]')!);
    expect(code('train-numpy')).toBeNull();
    expect(code('train-pytorch')).toBeNull();
    expect(status?.textContent).toBe('Writing the PyTorch script of 10,000 samples…');
    const torch = await screen.findByText(/^# A training run/, { selector: '[data-export-code="train-pytorch"]' }, { timeout: 20_000 });
    expect(torch.textContent).toContain('torch.optim.SGD');
    expect(status?.textContent).toBe('The PyTorch script is written, below.');
    // Closed, the status has nothing more to say.
    fireEvent.click(opener());
    expect(status?.textContent).toBe('');
  }, SLOW);

  it('is disabled for a run that would write out too many numbers, and says why', async () => {
    await csvRun(1000, 20_000);
    const button = opener();
    expect(button.hasAttribute('disabled')).toBe(true);
    const why = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(why?.textContent).toMatch(/^This run is too large to export as a script: it would write out 16,?060,?000 numbers .* at most 16,?000,?000 numbers\./);
  });
});
