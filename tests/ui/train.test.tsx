// @vitest-environment jsdom
// The training view as a learner reads it: the data and settings, the run's buttons and numbers, W beside
// W_true, a pasted table's problems, a refused setting, and an update opened in the lesson with its banner.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REGRESSION_TRUTH, createRng } from '../../src/core/index.ts';
import { TABLE_DRAFT_MAX } from '../../src/store/tableDraft.ts';
import { appInstance, webTables } from '../../src/ui/mount.tsx';
import { renderApp } from './renderApp.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const view = () => screen.findByRole('heading', { name: 'Training: gradient descent on data' }, { timeout: 10_000 });
const metric = (name: string) => document.querySelector<HTMLElement>(`[data-metric="${name}"]`)!;

describe('the training view', () => {
  it('opens from the header’s button on seed 002’s regression, with its settings, numbers and W beside W_true', async () => {
    const store = renderApp('');
    fireEvent.click(screen.getByRole('button', { name: 'Train the layer on data by gradient descent' }));
    await view();
    expect(store.getState().train?.dataset).toBe('regression');
    expect((screen.getByRole('radio', { name: 'Regression (seed 002)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Learning rate') as HTMLInputElement).value).toBe('0.05');
    expect((screen.getByLabelText('Batch size') as HTMLInputElement).value).toBe('10');
    expect((screen.getByLabelText('Epochs') as HTMLInputElement).value).toBe('20');
    expect(screen.getByText(/^Epoch 1 of 20, update 0 of 200$/)).toBeTruthy();
    expect(metric('epoch').dataset.value).toBe('0');
    const start = Number(metric('loss').dataset.value);
    expect(start).toBeGreaterThan(10);
    // W beside W_true, entry by entry, with the truth the data were made from.
    const truth = screen.getByTestId('truth');
    const rows = within(truth).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(within(rows[5]).getByRole('rowheader').textContent).toBe('W[2,1]');
    expect(within(rows[5]).getAllByRole('cell')[1].textContent).toBe(String(REGRESSION_TRUTH.W[2][1]));
    expect(within(rows[9]).getByRole('rowheader').textContent).toBe('b[1]');
    expect(within(rows[9]).getAllByRole('cell')[1].textContent).toBe('−1');
    // One update: the numbers move, and the curve has a point.
    fireEvent.click(screen.getByRole('button', { name: /^One update/ }));
    expect(screen.getByText(/^Epoch 1 of 20, update 1 of 200$/)).toBeTruthy();
    expect(Number(metric('loss').dataset.value)).not.toBe(start);
    expect(screen.getByRole('button', { name: /^Reset/ }).hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /^Reset/ }));
    expect(screen.getByText(/update 0 of 200$/)).toBeTruthy();
  });

  it('says a typed learning rate is not allowed, keeps the text, and leaves the run as it was', async () => {
    const store = renderApp('?train=regression');
    await view();
    const lr = screen.getByLabelText('Learning rate') as HTMLInputElement;
    fireEvent.change(lr, { target: { value: '-1' } });
    fireEvent.keyDown(lr, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toBe('The learning rate -1 is not a number above 0. Use one like 0.1 or 0.01.');
    expect(lr.value).toBe('-1');
    expect(store.getState().train?.lr).toBe(0.05);
    fireEvent.change(lr, { target: { value: 'fast' } });
    expect(screen.getByRole('alert').textContent).not.toBe('');
    fireEvent.change(lr, { target: { value: '0.2' } });
    fireEvent.blur(lr);
    expect(store.getState().train?.lr).toBe(0.2);
  });

  it('names a pasted table’s problems by row and column and keeps what was typed', async () => {
    renderApp('?train=csv');
    await view();
    expect(screen.getByText('Paste a table and press “Use this table”.')).toBeTruthy();
    const box = screen.getByLabelText('Your table') as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: 'f,g,t\n1,2,0\n1,two,1\n3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this table' }));
    const items = within(screen.getByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Row 3, column 2: two is not a number.', 'Row 4 has 1 column; the rows above it have 3.']);
    expect(box.value).toBe('f,g,t\n1,2,0\n1,two,1\n3');
    expect(screen.queryByRole('button', { name: /^Train:/ })).toBeNull();
    fireEvent.change(box, { target: { value: '1,2,0.5\n3,4,1.5\n5,6,2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this table' }));
    expect(screen.getByText('3 samples, 2 features, read as values (mean squared error).')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Train:/ })).toBeTruthy();
  });

  it('brings back a pasted table after a reload, as typed, and says when one is too large to keep', async () => {
    const tables = webTables(() => window.sessionStorage, appInstance(window, document.createElement('div')));
    window.sessionStorage.clear();
    renderApp('?train=csv', tables);
    await view();
    const box = () => screen.getByLabelText('Your table') as HTMLTextAreaElement;
    fireEvent.change(box(), { target: { value: 'f,g,t\n1,2,0\n1,two,1' } });
    expect(document.querySelector('.csv-kept')).toBeNull();
    // A reload: the page gone, a new app on the same tab's storage.
    cleanup();
    renderApp('?train=csv', tables);
    await view();
    expect(box().value).toBe('f,g,t\n1,2,0\n1,two,1');
    const big = '1,2,0\n'.repeat(Math.ceil(TABLE_DRAFT_MAX / 6) + 1);
    fireEvent.change(box(), { target: { value: big } });
    const said = document.querySelector<HTMLElement>('.csv-kept')!;
    expect(said.getAttribute('role')).toBe('status');
    expect(said.textContent).toMatch(/^This table has 1,000,00\d characters, more than the 1,000,000 this tab keeps across a reload: it is kept only while the page is open/);
    expect(box().getAttribute('aria-describedby')?.split(' ')).toContain(said.id);
    expect(box().value).toBe(big);
    cleanup();
    renderApp('?train=csv', tables);
    await view();
    expect(box().value).toBe('');
    window.sessionStorage.clear();
  });

  it('says a large run is being prepared, in a polite live region, its buttons waiting with that reason, and then shows the run', async () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null); // jsdom draws no weight pictures
    // The in-page start of this size takes a few ms: the view as it first says "preparing" is read by an observer.
    const buttons = [/^Train:/, /^One update/, /^Explain this update/];
    let first: { id: string; text: string; bar: boolean; waiting: boolean[]; epoch: boolean } | null = null;
    const observer = new MutationObserver(() => {
      const p = document.querySelector<HTMLElement>('[data-preparing]');
      if (first || !p) return;
      first = {
        id: p.id,
        text: `${p.getAttribute('role')}: ${p.textContent}`,
        bar: screen.queryByRole('progressbar', { name: 'Preparing the run' }) !== null,
        waiting: buttons.map((name) => {
          const b = screen.getByRole('button', { name });
          return b.hasAttribute('disabled') && (b.getAttribute('aria-describedby') ?? '').split(' ').includes(p.id);
        }),
        epoch: metric('epoch') !== null,
      };
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const store = renderApp('?train=mnist&epochs=1');
    // 600 synthetic digits, in before the view's driver starts (so it loads nothing): a start past the threshold.
    const r = createRng(3);
    store.getState().setTrainRaw({ mnist: { pixels: Uint8Array.from({ length: 600 * 784 }, () => r.int(256)), labels: Uint8Array.from({ length: 600 }, () => r.int(10)) } });
    await view();
    // Then the same live region says where the run is, and the buttons no longer wait.
    await waitFor(() => expect(metric('epoch')).toBeTruthy(), { timeout: 10_000 });
    observer.disconnect();
    expect(first).toEqual({
      id: expect.any(String),
      text: 'status: Preparing the run: working out the loss and accuracy of its seeded start over its 600 samples… The run’s buttons wait until it is prepared.',
      bar: true,
      waiting: [true, true, true],
      epoch: false,
    });
    const status = document.querySelector<HTMLElement>('.train-progress-text')!;
    expect(status.id).toBe(first!.id);
    expect(status.hasAttribute('data-preparing')).toBe(false);
    expect(status.textContent).toBe('Epoch 1 of 1, update 0 of 15');
    expect(screen.queryByRole('progressbar', { name: 'Preparing the run' })).toBeNull();
    const train = screen.getByRole('button', { name: /^Train:/ });
    expect(train.hasAttribute('disabled')).toBe(false);
    expect(train.hasAttribute('aria-describedby')).toBe(false);
  });

  it('opens an update in the lesson, with its banner, and goes back to the run', async () => {
    const store = renderApp('?train=regression&batch=4');
    await view();
    fireEvent.click(screen.getByRole('button', { name: /^Explain this update/ }));
    await screen.findByText('Update 1 of the Regression (seed 002) run (epoch 1)', { selector: 'h2' }, { timeout: 10_000 });
    expect(store.getState().config).toMatchObject({ B: 4, N: 4, T: 2, loss: 'mse' });
    expect(document.querySelector('[role="grid"][data-matrix="x"]')).toBeTruthy();
    expect(screen.getByText(/x is the mini-batch, W and b the weights before this update/)).toBeTruthy();
    // The update is the lesson's own last row: W⁺ and b⁺ drawn as grids, no table beside the banner.
    expect(document.querySelector('section.pass.update h2')?.textContent).toMatch(/^Update: one step of gradient descent/);
    expect(document.querySelector('[role="grid"][data-matrix="Wn"]')).toBeTruthy();
    expect(document.querySelector('[role="grid"][data-matrix="bn"]')).toBeTruthy();
    expect(screen.queryByTestId('updated-W')).toBeNull();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Back to training' })));
    await view();
    await waitFor(() => expect(document.querySelector('[data-metric="epoch"]')).toBeTruthy());
  });
});
