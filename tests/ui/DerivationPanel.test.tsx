// @vitest-environment jsdom
// The derivation panel: the four lines, the terms' numbers from core, and term hover.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONVENTIONS, computeLesson, formatNumber, derive, makeLesson, type CellRef, type Convention, type DerivationContext, type LossKind } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { DerivationBody, DerivationPanel, formulasOf } from '../../src/ui/derivation/DerivationPanel.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

afterEach(cleanup);

function ctxOf(convention: Convention, loss: LossKind, B = 2, N = 3, T = 2, seed = 7): DerivationContext {
  const config = { convention, loss, B, N, T };
  const inputs = makeLesson(config, seed);
  return { convention, loss, sizes: { B, N, T }, inputs, outputs: computeLesson(convention, loss, inputs) };
}

const body = () => document.querySelector<HTMLElement>('.derivation-body')!;
const line = (name: string) => body().querySelector<HTMLElement>(`[data-line="${name}"]`);
const terms = () => [...body().querySelectorAll<HTMLButtonElement>('button[data-term]')];

describe('DerivationBody', () => {
  it('shows the rule, this cell, the numbers and the result, typeset', () => {
    const d = derive(ctxOf('row', 'mse'), { m: 'dW', r: 1, c: 0 });
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    for (const name of ['general', 'indexed', 'numeric', 'result']) {
      const el = line(name);
      expect(el, name).not.toBeNull();
      expect(el!.querySelector('.katex'), name).not.toBeNull();
    }
    expect(body().dataset.cell).toBe('dW:1,0');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`${d.title} = ${formatNumber(d.value, 6)}`);
    expect(line('result')!.dataset.value).toBe(String(d.value));
    // KaTeX's MathML keeps the plugged-in numbers readable to assistive technology.
    expect(line('numeric')!.querySelector('math')).not.toBeNull();
  });

  it('shows the matrix form with its dimension check', () => {
    const d = derive(ctxOf('torch', 'mse'), { m: 'dW', r: 0, c: 2 });
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    const mf = body().querySelector<HTMLElement>('[data-line="matrix-form"]')!;
    expect(mf.querySelector('.katex-display')).not.toBeNull();
    expect(mf.querySelector('.dimcheck')?.textContent).toMatch(/\[T×B\].*\[B×N\].*=.*\[T×N\]/);
  });

  it('gives each term the value and factor cells core computed, and they sum to the result', () => {
    for (const conv of CONVENTIONS) {
      for (const loss of ['mse', 'softmax-ce', 'sum'] as LossKind[]) {
        const ctx = ctxOf(conv, loss, 3, 4, 2, 11);
        const cells: CellRef[] = [
          { m: 'y', r: 1, c: 1 },
          { m: 'dW', r: 1, c: 1 },
          { m: 'dX', r: 1, c: 1 },
          { m: 'db', r: 0, c: 1 },
          { m: 'dY', r: 1, c: 1 },
          { m: 'L', r: 0, c: 0 },
        ];
        for (const cell of cells) {
          const d = derive(ctx, cell);
          const { unmount } = render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
          const bs = terms();
          const where = `${conv} ${loss} ${cell.m}`;
          expect(bs.length, where).toBe(d.terms.length);
          bs.forEach((b, k) => {
            expect(Number(b.dataset.termValue), where).toBe(d.terms[k].value);
            expect(b.dataset.factors, where).toBe(d.terms[k].factors.map((f) => `${f.m}:${f.r},${f.c}`).join(' '));
          });
          const sum = bs.reduce((a, b) => a + Number(b.dataset.termValue), 0) * d.scale;
          const result = Number(line('result')!.dataset.value);
          expect(result, where).toBe(d.value);
          expect(sum, where).toBeCloseTo(result, 10);
          unmount();
        }
      }
    }
  });

  it('calls onTerm when a term is hovered or focused, and null when left', async () => {
    const onTerm = vi.fn();
    const d = derive(ctxOf('row', 'mse'), { m: 'y', r: 0, c: 1 });
    render(<DerivationBody d={d} term={null} onTerm={onTerm} />);
    expect(terms().length).toBe(4); // N = 3 products and the bias
    fireEvent.mouseEnter(terms()[2]);
    expect(onTerm).toHaveBeenLastCalledWith(2);
    fireEvent.mouseLeave(terms()[2]);
    expect(onTerm).toHaveBeenLastCalledWith(null);
    act(() => terms()[1].focus());
    expect(onTerm).toHaveBeenLastCalledWith(1);
    act(() => terms()[1].blur());
    expect(onTerm).toHaveBeenLastCalledWith(null);
  });

  it('names each term for screen readers and marks the one in use', () => {
    const d = derive(ctxOf('row', 'mse'), { m: 'dW', r: 1, c: 0 });
    render(<DerivationBody d={d} term={1} onTerm={() => {}} />);
    const [x, g] = d.terms[0].values;
    expect(x).toBe(-0.7);
    expect(terms()[0].querySelector('.sr-only')?.textContent).toBe(`term 1: \u22120.7 times ${formatNumber(g, 6)} = ${formatNumber(d.terms[0].value, 6)}`);
    expect(terms()[0].querySelector('.tex')?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(terms()[1].classList.contains('on')).toBe(true);
    expect(terms()[0].classList.contains('on')).toBe(false);
  });

  it('cuts a long sum to its first six and last two terms, and shows all on request', async () => {
    const user = userEvent.setup();
    const d = derive(ctxOf('row', 'mse', 12, 2, 12), { m: 'L', r: 0, c: 0 });
    expect(d.terms.length).toBe(144);
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    expect(terms().map((b) => Number(b.dataset.term))).toEqual([0, 1, 2, 3, 4, 5, 142, 143]);
    terms().forEach((b) => expect(Number(b.dataset.termValue)).toBe(d.terms[Number(b.dataset.term)].value));
    expect(line('numeric')!.textContent).toContain('and 136 more terms');
    expect(line('indexed')!.querySelector('annotation')?.textContent).toContain('\\cdots');
    const more = screen.getByRole('button', { name: 'Show all 144 terms' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(terms().length).toBe(144);
    expect(line('indexed')!.querySelector('annotation')?.textContent).not.toContain('\\cdots');
    expect(screen.getByRole('button', { name: 'Show fewer terms' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('shows every term of a 13-term sum', () => {
    const d = derive(ctxOf('torch', 'mse', 2, 12, 3), { m: 'y', r: 1, c: 2 });
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    expect(terms().length).toBe(13);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('lists the formulas it typesets, for typesetting ahead', () => {
    const d = derive(ctxOf('row', 'mse', 12, 2, 12), { m: 'L', r: 0, c: 0 });
    const f = formulasOf(d);
    expect(f.filter(([, , mathml]) => !mathml).map(([tex]) => tex)).toEqual([0, 1, 2, 3, 4, 5, 142, 143].map((k) => d.terms[k].tex));
    expect(f[0]).toEqual([d.general, false, true]);
  });

  it('explains an input with its rule and no sum', () => {
    const d = derive(ctxOf('column', 'mse'), { m: 'x', r: 2, c: 1 });
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    expect(line('general')).not.toBeNull();
    expect(terms()).toEqual([]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('=');
  });
});

describe('DerivationPanel with the store', () => {
  it('is a polite live region with a hint until a number is chosen', () => {
    const store = createAppStore('');
    render(
      <StoreProvider store={store}>
        <DerivationPanel />
      </StoreProvider>,
    );
    const panel = screen.getByTestId('derivation');
    expect(panel.getAttribute('aria-live')).toBe('polite');
    expect(panel.textContent).toMatch(/Point at any number/);
    act(() => store.getState().setFocus({ m: 'db', r: 0, c: 1 }));
    expect(body().dataset.cell).toBe('db:0,1');
    expect(line('result')!.dataset.value).toBe(String(store.getState().outputs.db[1]));
  });

  it('hovering a term highlights its two factor cells in the store', async () => {
    const user = userEvent.setup();
    const store = createAppStore('?focus=dW:1,0');
    render(
      <StoreProvider store={store}>
        <DerivationPanel />
      </StoreProvider>,
    );
    await user.hover(terms()[0]);
    expect(store.getState().term).toBe(0);
    expect(store.getState().termHighlights).toEqual({ x: new Set(['0,1']), dY: new Set(['0,0']) });
    expect(terms()[0].classList.contains('on')).toBe(true);
    await user.unhover(terms()[0]);
    expect(store.getState().termHighlights).toEqual({});
  });
});

describe('values not on screen', () => {
  it('says "not computed yet" part-way through the player, and "not used" for the loss when dL/dy is given', async () => {
    const { buildScript, deriveAtStep } = await import('../../src/core/index.ts');
    const ctx = ctxOf('row', 'mse');
    const d = deriveAtStep(ctx, buildScript(ctx, 'fine'), 0, { m: 'L', r: 0, c: 0 });
    render(<DerivationBody d={d} term={null} onTerm={() => {}} />);
    expect(screen.getByTestId('derivation-value').textContent).toBe('not computed yet');
    cleanup();
    render(<DerivationBody d={derive(ctxOf('row', 'upstream'), { m: 'L', r: 0, c: 0 })} term={null} onTerm={() => {}} />);
    expect(screen.getByTestId('derivation-value').textContent).toBe('not used');
  });
});
