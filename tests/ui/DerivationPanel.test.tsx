// @vitest-environment jsdom
// The derivation panel: the four lines, the terms' numbers from core, term
// hover, and how assemble.ts lays a structured derivation out as LaTeX.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CONVENTIONS,
  bCell,
  buildScript,
  computeLesson,
  derive,
  deriveAtStep,
  formatNumber,
  layoutShape,
  lessonGraph,
  makeLesson,
  numberFormat,
  type Activation,
  type CellRef,
  type Convention,
  type Derivation,
  type DerivationContext,
  type LossKind,
} from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { MAX_TERMS, closerTex, formulasOf, indexedTex, openerTex, resultTex, shownTerms } from '../../src/ui/derivation/assemble.ts';
import { DerivationBody, DerivationPanel } from '../../src/ui/derivation/DerivationPanel.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';

afterEach(cleanup);

const EN_FMT = numberFormat('en');

function ctxOf(convention: Convention, loss: LossKind, B = 2, N = 3, T = 2, seed = 7, activation: Activation = 'identity'): DerivationContext {
  const config = { convention, loss, activation, B, N, T };
  const inputs = makeLesson(config, seed);
  return { convention, loss, activation, sizes: { B, N, T }, inputs, outputs: computeLesson(convention, loss, inputs, activation) };
}

/** The body inside an app context (it reads its strings and KaTeX cache from there). */
function Body({ d, term = null, onTerm = () => {} }: { d: Derivation; term?: number | null; onTerm?: (k: number | null) => void }) {
  return <DerivationBody d={d} term={term} onTerm={onTerm} />;
}
function renderBody(d: Derivation, term: number | null = null, onTerm: (k: number | null) => void = () => {}) {
  const store = createAppStore('');
  const wrap = (x: Derivation) => (
    <StoreProvider store={store} tex={typesetNow()}>
      <Body d={x} term={term} onTerm={onTerm} />
    </StoreProvider>
  );
  const r = render(wrap(d));
  return { ...r, show: (x: Derivation) => r.rerender(wrap(x)) };
}

const body = () => document.querySelector<HTMLElement>('.derivation-body')!;
const line = (name: string) => body().querySelector<HTMLElement>(`[data-line="${name}"]`);
const terms = () => [...body().querySelectorAll<HTMLButtonElement>('button[data-term]')];
/** The LaTeX source KaTeX keeps in a line's MathML. */
const texOf = (name: string) => [...(line(name)?.querySelectorAll('annotation') ?? [])].map((a) => a.textContent).join(' ');

describe('DerivationBody', () => {
  it('shows the rule, this cell, the numbers and the result, typeset', () => {
    const d = derive(ctxOf('row', 'mse'), { m: 'dW', r: 1, c: 0 });
    renderBody(d);
    for (const name of ['general', 'indexed', 'numeric', 'result']) {
      const el = line(name);
      expect(el, name).not.toBeNull();
      expect(el!.querySelector('.katex'), name).not.toBeNull();
    }
    expect(body().dataset.cell).toBe('dW:1,0');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`dL/dW[1,0] = ${formatNumber(d.value, 6)}`);
    expect(line('result')!.dataset.value).toBe(String(d.value));
    // The lines are core's notation, laid out by assemble.ts.
    expect(texOf('general')).toBe(d.general);
    expect(texOf('indexed')).toBe(indexedTex(d, false));
    expect(texOf('result')).toBe(resultTex(d, EN_FMT));
    // The note is core's message worded by the catalogue, with this cell's indices and the batch size.
    expect(body().querySelector('.note')?.textContent).toBe(
      'How the loss changes with the weight from input 1 to output 0: input 1 times dL/dy at output 0, summed over both samples of the batch.',
    );
    // KaTeX's MathML keeps the plugged-in numbers readable to assistive technology.
    expect(line('numeric')!.querySelector('math')).not.toBeNull();
  });

  it('shows the matrix form with its dimension check', () => {
    const d = derive(ctxOf('torch', 'mse'), { m: 'dW', r: 0, c: 2 });
    renderBody(d);
    const mf = body().querySelector<HTMLElement>('[data-line="matrix-form"]')!;
    expect(mf.querySelector('h3')?.textContent).toBe('The whole matrix at once');
    expect(mf.querySelector('.katex-display')).not.toBeNull();
    const check = mf.querySelector('.dimcheck')!;
    expect(check.textContent).toMatch(/\[T×B\].*\[B×N\].*=.*\[T×N\]/);
    // Letters, then 'i.e.', then this lesson's sizes: T = 2, B = 2, N = 3.
    expect(check.textContent).toMatch(/\[T×N\].* i\.e\. .*\[2×2\].*\[2×3\].*=.*\[2×3\]/);
  });

  /** Renders each cell's derivation in turn and checks its terms against core's. */
  const checkTerms = (lessons: [Convention, LossKind, Activation][]) => {
    const { show } = renderBody(derive(ctxOf('row', 'mse'), { m: 'y', r: 0, c: 0 }));
    for (const [conv, loss, activation] of lessons) {
      const ctx = ctxOf(conv, loss, 3, 4, 2, 11, activation);
      const cells: CellRef[] = [
        { m: 'y', r: 1, c: 1 },
        { m: 'dW', r: 1, c: 1 },
        { m: 'dX', r: 1, c: 1 },
        bCell(conv, 1, 'db'),
        { m: 'dY', r: 1, c: 1 },
        { m: 'L', r: 0, c: 0 },
      ];
      if (activation !== 'identity') cells.push({ m: 'z', r: 1, c: 1 }, { m: 'dZ', r: 1, c: 1 });
      for (const cell of cells) {
        const d = derive(ctx, cell);
        act(() => show(d));
        const bs = terms();
        const where = `${conv} ${loss} ${activation} ${cell.m}`;
        expect(body().dataset.cell, where).toBe(`${cell.m}:${cell.r},${cell.c}`);
        expect(bs.length, where).toBe(d.terms.length);
        bs.forEach((b, k) => {
          expect(b.dataset.termValue, where).toBe(String(d.terms[k].value));
          expect(b.dataset.factors, where).toBe(d.terms[k].factors.map((f) => `${f.m}:${f.r},${f.c}`).join(' '));
        });
        expect(line('result')!.dataset.value, where).toBe(String(d.value));
        const sum = bs.reduce((a, b) => a + Number(b.dataset.termValue), 0) * d.scale;
        expect(sum, where).toBeCloseTo(Number(line('result')!.dataset.value), 10);
      }
    }
  };
  // Split by convention, loss and activation so that each test stays short (KaTeX is slow in jsdom).
  for (const conv of CONVENTIONS) {
    for (const loss of ['mse', 'softmax-ce', 'sum'] as LossKind[]) {
      it(`gives each term the value and factor cells core computed, and they sum to the result (${conv}, ${loss})`, () => {
        checkTerms([[conv, loss, 'identity']]);
      });
    }
  }
  for (const lesson of [
    ['row', 'mse', 'relu'],
    ['torch', 'softmax-ce', 'sigmoid'],
    ['column', 'sum', 'tanh'],
  ] as [Convention, LossKind, Activation][]) {
    it(`gives each term the value and factor cells core computed through ${lesson[2]}, z and dL/dz included (${lesson[0]}, ${lesson[1]})`, () => {
      checkTerms([lesson]);
    });
  }

  it('calls onTerm when a term is hovered or focused, and null when left', async () => {
    const onTerm = vi.fn();
    const d = derive(ctxOf('row', 'mse'), { m: 'y', r: 0, c: 1 });
    renderBody(d, null, onTerm);
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
    renderBody(d, 1);
    const [x, g] = d.terms[0].values;
    expect(x).toBe(-0.7);
    expect(terms()[0].querySelector('.sr-only')?.textContent).toBe(`term 1: \u22120.7 times ${formatNumber(g, 6)} = ${formatNumber(d.terms[0].value, 6)}`);
    expect(terms()[0].querySelector('.tex')?.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(terms()[1].classList.contains('on')).toBe(true);
    expect(terms()[0].classList.contains('on')).toBe(false);
  });

  it('cuts a long sum to its first six and last two terms, and shows all on request', async () => {
    const user = userEvent.setup();
    // The longest sum of the app, the loss over 12·12 outputs, cut short.
    const big = derive(ctxOf('row', 'mse', 12, 2, 12), { m: 'L', r: 0, c: 0 });
    expect(big.terms.length).toBe(144);
    const { show } = renderBody(big);
    expect(terms().map((b) => Number(b.dataset.term))).toEqual([0, 1, 2, 3, 4, 5, 142, 143]);
    terms().forEach((b) => expect(b.dataset.termValue).toBe(String(big.terms[Number(b.dataset.term)].value)));
    expect(line('numeric')!.textContent).toContain('and 136 more terms');
    expect(texOf('indexed')).toContain('\\cdots');
    expect(screen.getByRole('button', { name: 'Show all 144 terms' }).getAttribute('aria-expanded')).toBe('false');
    // Showing all of a shorter long sum (3·6 = 18 terms), which typesets quicker.
    const d = derive(ctxOf('row', 'mse', 3, 2, 6), { m: 'L', r: 0, c: 0 });
    expect(d.terms.length).toBe(18);
    act(() => show(d));
    expect(terms().map((b) => Number(b.dataset.term))).toEqual([0, 1, 2, 3, 4, 5, 16, 17]);
    expect(line('numeric')!.textContent).toContain('and 10 more terms');
    const more = screen.getByRole('button', { name: 'Show all 18 terms' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(terms().map((b) => Number(b.dataset.term))).toEqual(Array.from({ length: 18 }, (_, k) => k));
    expect(texOf('indexed')).not.toContain('\\cdots');
    expect(texOf('indexed')).toBe(indexedTex(d, true));
    expect(line('numeric')!.textContent).not.toContain('more terms');
    const fewer = screen.getByRole('button', { name: 'Show fewer terms' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    await user.click(fewer);
    expect(terms().map((b) => Number(b.dataset.term))).toEqual([0, 1, 2, 3, 4, 5, 16, 17]);
  });

  it('shows every term of a 13-term sum', () => {
    const d = derive(ctxOf('torch', 'mse', 2, 12, 3), { m: 'y', r: 1, c: 2 });
    renderBody(d);
    expect(terms().length).toBe(13);
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('explains an input with its rule and no sum', () => {
    const d = derive(ctxOf('column', 'mse'), { m: 'x', r: 2, c: 1 });
    renderBody(d);
    expect(line('general')).not.toBeNull();
    expect(line('indexed')).toBeNull();
    expect(line('result')).toBeNull();
    expect(terms()).toEqual([]);
    // Column convention: x is [N×B], so x[2,1] is input 2 of sample 1.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`x[2,1] = ${formatNumber(d.value, 6)}`);
    expect(body().querySelector('.note')?.textContent).toBe('Input 2 of sample 1: it enters every output of that sample, once per weight.');
    expect(line('general')!.textContent).toContain('feeds');
    expect(line('general')!.textContent).toContain('for every output j');
  });

  it('explains z, y = act(z) and dL/dz with the activation, its slope and the elementwise matrix form', () => {
    const ctx = ctxOf('torch', 'mse', 2, 3, 2, 7, 'sigmoid');
    const { show } = renderBody(derive(ctx, { m: 'z', r: 0, c: 1 }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`z[0,1] = ${formatNumber(ctx.outputs.z.data[1], 6)}`);
    expect(body().querySelector('.note')?.textContent).toBe(
      'Output 1 of sample 0 before the activation: the dot product of that sample’s inputs with the weights into output 1, plus bias 1.',
    );
    expect(terms()).toHaveLength(4);

    const y = derive(ctx, { m: 'y', r: 0, c: 1 });
    act(() => show(y));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`y[0,1] = ${formatNumber(ctx.outputs.y.data[1], 6)}`);
    expect(body().querySelector('.note')?.textContent).toBe('Output 1 of sample 0: sigmoid applied to the dense product z in the same place.');
    expect(terms()).toHaveLength(1);
    expect(terms()[0].dataset.factors).toBe('z:0,1');
    expect(terms()[0].querySelector('.sr-only')?.textContent).toBe(`term 1: sigmoid of ${formatNumber(ctx.outputs.z.data[1], 6)} = ${formatNumber(y.value, 6)}`);

    const dz = derive(ctx, { m: 'dZ', r: 0, c: 1 });
    act(() => show(dz));
    const g = ctx.outputs.dY.data[1], s = ctx.outputs.y.data[1];
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`dL/dz[0,1] = ${formatNumber(g * s * (1 - s), 6)}`);
    expect(terms()[0].querySelector('.sr-only')?.textContent).toBe(
      `term 1: ${formatNumber(g, 6)} times the slope of sigmoid at ${formatNumber(ctx.outputs.z.data[1], 6)}, which is ${formatNumber(s * (1 - s), 6)} = ${formatNumber(dz.value, 6)}`,
    );
    expect(body().querySelector('.note')?.textContent).toContain('The sigmoid’s slope is σ(z)(1 − σ(z))');
    const mf = body().querySelector<HTMLElement>('[data-line="matrix-form"]')!;
    expect(mf.querySelector('annotation')?.textContent).toContain('\\odot');
    expect(mf.querySelector('.dimcheck')!.textContent).toMatch(/\[B×T\].*⊙.*\[B×T\].*=.*\[B×T\].* i\.e\. .*\[2×2\].*⊙.*\[2×2\].*=.*\[2×2\]/);
  });
});

describe('assemble.ts on real derivations', () => {
  /** Every computed cell of a lesson, derived. */
  const computedCells = (ctx: DerivationContext): Derivation[] => {
    const g = lessonGraph(ctx);
    const out: Derivation[] = [];
    for (const n of g.nodes) {
      if (n.role !== 'computed') continue;
      const [rows, cols] = layoutShape(n.layout, ctx.convention, ctx.sizes);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(derive(ctx, { m: n.node, r, c }, EN_FMT, g));
    }
    return out;
  };
  const count = (s: string, sub: string) => s.split(sub).length - 1;

  it('brackets the sum exactly when there is a scale other than 1 and more than one term', () => {
    let bracketed = 0, scaledSingle = 0, plainSums = 0;
    for (const conv of CONVENTIONS)
      for (const loss of ['mse', 'softmax-ce', 'sum', 'upstream'] as LossKind[])
        for (const activation of ['identity', 'tanh'] as Activation[])
          for (const [B, N, T] of [
            [2, 3, 2],
            [1, 1, 1],
            [3, 1, 1],
          ]) {
            for (const d of computedCells(ctxOf(conv, loss, B, N, T, 5, activation))) {
              const where = `${conv} ${loss} ${activation} ${B},${N},${T} ${d.cell.m}:${d.cell.r},${d.cell.c}`;
              const want = d.scale !== 1 && d.terms.length > 1;
              const idx = indexedTex(d, true);
              expect(d.bracket, where).toBe(want);
              expect(count(idx, '\\Big('), where).toBe(want ? 1 : 0);
              expect(count(idx, '\\Big)'), where).toBe(want ? 1 : 0);
              expect(openerTex(d), where).toBe(want ? `=${d.scaleTex}\\Big(` : `=${d.scaleTex}`);
              expect(closerTex(d), where).toBe(want ? '\\Big)' : '');
              // The cell's line: left side, scale, every term's indexed form in order, and what follows the sum.
              const sum = d.terms.map((t) => t.symbolic).join(' + ');
              expect(idx, where).toBe(`${d.lhs} = ${d.scaleTex}${want ? `\\Big(${sum}\\Big)` : sum}${d.aside}`);
              if (want) bracketed++;
              else if (d.scale !== 1) scaledSingle++;
              else if (d.terms.length > 1) plainSums++;
            }
          }
    // All three cases were met: the mean over terms (L), a scaled single term (dL/dy for mse), plain sums (y, dW).
    expect(bracketed).toBeGreaterThan(0);
    expect(scaledSingle).toBeGreaterThan(0);
    expect(plainSums).toBeGreaterThan(0);
  });

  it('writes the mean squared error as 1/(BT) times the bracketed sum, and its gradient without a bracket', () => {
    const ctx = ctxOf('row', 'mse');
    const L = derive(ctx, { m: 'L', r: 0, c: 0 });
    expect(L.terms).toHaveLength(4);
    expect(indexedTex(L, false)).toBe(`${L.lhs} = \\frac{1}{4}\\Big(${L.terms.map((t) => t.symbolic).join(' + ')}\\Big)`);
    expect(openerTex(L)).toBe('=\\frac{1}{4}\\Big(');
    const dY = derive(ctx, { m: 'dY', r: 1, c: 0 });
    expect(dY.terms).toHaveLength(1);
    expect(indexedTex(dY, false)).toBe(`${dY.lhs} = \\frac{2}{4}${dY.terms[0].symbolic}`);
    expect(openerTex(dY)).toBe('=\\frac{2}{4}');
    expect(closerTex(dY)).toBe('');
  });

  it('shows a sum of up to 13 terms whole, and cuts a longer one to its first 6 and last 2 with \\cdots', () => {
    expect(MAX_TERMS).toBe(13);
    expect(shownTerms(13, false)).toEqual(Array.from({ length: 13 }, (_, k) => k));
    expect(shownTerms(14, false)).toEqual([0, 1, 2, 3, 4, 5, 12, 13]);
    expect(shownTerms(144, false)).toEqual([0, 1, 2, 3, 4, 5, 142, 143]);
    expect(shownTerms(144, true)).toEqual(Array.from({ length: 144 }, (_, k) => k));
    expect(shownTerms(1, false)).toEqual([0]);

    // 13 terms: y over N = 12 inputs and the bias.
    const y = derive(ctxOf('torch', 'mse', 2, 12, 3), { m: 'y', r: 1, c: 2 });
    expect(y.terms).toHaveLength(13);
    expect(indexedTex(y, false)).toBe(indexedTex(y, true));
    expect(indexedTex(y, false)).not.toContain('\\cdots');

    // 14 terms (B·T = 2·7) and 144 (12·12): the mean squared error, bracketed; the plain sum of y, not.
    for (const [loss, B, T] of [
      ['mse', 2, 7],
      ['mse', 12, 12],
      ['sum', 2, 7],
    ] as const) {
      const d = derive(ctxOf('row', loss, B, 2, T), { m: 'L', r: 0, c: 0 });
      const n = B * T;
      expect(d.terms).toHaveLength(n);
      const sym = d.terms.map((t) => t.symbolic);
      expect(new Set(sym).size).toBe(n); // each term names its own cells, so the checks below can find them
      const cut = indexedTex(d, false);
      const sum = `${sym.slice(0, 6).join(' + ')} + \\cdots + ${sym.slice(n - 2).join(' + ')}`;
      expect(cut).toBe(`${d.lhs} = ${d.scaleTex}${d.bracket ? `\\Big(${sum}\\Big)` : sum}${d.aside}`);
      expect(d.bracket).toBe(loss === 'mse');
      expect(count(cut, '\\cdots')).toBe(1);
      for (const k of [6, 7, n - 3]) expect(cut, `${loss} ${n} term ${k}`).not.toContain(sym[k]);
      const whole = indexedTex(d, true);
      expect(whole).not.toContain('\\cdots');
      for (const s of sym) expect(whole).toContain(s);
      // What is typeset ahead is what the panel shows: the shown terms' numbers only.
      expect(
        formulasOf(d, EN_FMT)
          .filter(([, , mathml]) => !mathml)
          .map(([tex]) => tex),
      ).toEqual(shownTerms(n, false).map((k) => d.terms[k].tex));
    }
  });

  it('writes the result with the locale’s number format, and none for given values, values not computed yet or an unused loss', () => {
    const ctx = ctxOf('row', 'mse');
    const dW = derive(ctx, { m: 'dW', r: 1, c: 0 });
    expect(dW.value).toBeCloseTo(-0.12095, 12);
    // A result is not a factor, so a negative value has no parentheses.
    expect(resultTex(dW, EN_FMT)).toBe('= -0.12095');
    expect(resultTex(dW, numberFormat('de'))).toBe('= -0{,}12095');
    expect(resultTex(derive(ctx, { m: 'x', r: 0, c: 1 }), EN_FMT)).toBe('');
    expect(resultTex(derive(ctxOf('row', 'upstream'), { m: 'L', r: 0, c: 0 }), EN_FMT)).toBe('');
    const script = buildScript(ctx, 'fine');
    expect(resultTex(deriveAtStep(ctx, script, 0, { m: 'dW', r: 1, c: 0 }), EN_FMT)).toBe('');
    // A running sum part-way shows what it holds so far.
    const k = script.steps.findIndex((s) => s.id === 'dW-0') + 1;
    const partial = deriveAtStep(ctx, script, k, { m: 'dW', r: 1, c: 0 });
    expect(partial.progress).toEqual({ kind: 'partial', done: 1, of: 2 });
    expect(resultTex(partial, EN_FMT)).toBe(`= ${EN_FMT.tex(partial.value, 6, false)}`);
    expect(partial.value).toBe(dW.terms[0].value);
  });

  it('lists the formulas it typesets, for typesetting ahead', () => {
    const d = derive(ctxOf('row', 'mse', 12, 2, 12), { m: 'L', r: 0, c: 0 });
    const f = formulasOf(d, EN_FMT);
    expect(f.filter(([, , mathml]) => !mathml).map(([tex]) => tex)).toEqual([0, 1, 2, 3, 4, 5, 142, 143].map((k) => d.terms[k].tex));
    expect(f[0]).toEqual([d.general, false, true]);
    expect(f).toContainEqual([indexedTex(d, false), false, true]);
    expect(f).toContainEqual([openerTex(d), false, true]);
    expect(f).toContainEqual([resultTex(d, EN_FMT), false, true]);
  });
});

describe('DerivationPanel with the store', () => {
  it('is a polite live region with a hint until a number is chosen', () => {
    const store = createAppStore('');
    render(
      <StoreProvider store={store} tex={typesetNow()}>
        <DerivationPanel />
      </StoreProvider>,
    );
    const panel = screen.getByTestId('derivation');
    expect(panel.getAttribute('aria-live')).toBe('polite');
    expect(panel.getAttribute('aria-label')).toBe('Derivation of the selected number');
    expect(panel.textContent).toMatch(/^Point at any number/);
    act(() => store.getState().setFocus({ m: 'db', r: 0, c: 1 }));
    expect(body().dataset.cell).toBe('db:0,1');
    expect(line('result')!.dataset.value).toBe(String(store.select.ctx(store.getState()).outputs.db[1]));
  });

  it('hovering a term highlights its two factor cells in the store', async () => {
    const user = userEvent.setup();
    const store = createAppStore('?focus=dW:1,0');
    render(
      <StoreProvider store={store} tex={typesetNow()}>
        <DerivationPanel />
      </StoreProvider>,
    );
    await user.hover(terms()[0]);
    expect(store.getState().term).toBe(0);
    expect(store.select.termHighlights(store.getState())).toEqual({ x: new Set(['0,1']), dY: new Set(['0,0']) });
    expect(terms()[0].classList.contains('on')).toBe(true);
    await user.unhover(terms()[0]);
    expect(store.select.termHighlights(store.getState())).toEqual({});
  });

  it('with an activation, a dW term multiplies x by dL/dz, not dL/dy', async () => {
    const user = userEvent.setup();
    const store = createAppStore('?act=tanh&focus=dW:1,0');
    render(
      <StoreProvider store={store} tex={typesetNow()}>
        <DerivationPanel />
      </StoreProvider>,
    );
    await user.hover(terms()[1]);
    expect(store.select.termHighlights(store.getState())).toEqual({ x: new Set(['1,1']), dZ: new Set(['1,0']) });
  });
});

describe('values not on screen', () => {
  it('says "not computed yet" part-way through the player, and "not used" for the loss when dL/dy is given', () => {
    const ctx = ctxOf('row', 'mse');
    const script = buildScript(ctx, 'fine');
    const d = deriveAtStep(ctx, script, 0, { m: 'L', r: 0, c: 0 });
    renderBody(d);
    expect(screen.getByTestId('derivation-value').textContent).toBe('not computed yet');
    const L = script.steps.findIndex((s) => s.id === 'L') + 1;
    expect(body().querySelector('.note')?.textContent).toMatch(new RegExp(`^Not computed yet: this value is written at step ${L} of ${script.steps.length}\\. `));
    expect(line('result')!.textContent).toContain('not computed yet');
    cleanup();
    renderBody(derive(ctxOf('row', 'upstream'), { m: 'L', r: 0, c: 0 }));
    expect(screen.getByTestId('derivation-value').textContent).toBe('not used');
    expect(body().querySelector('.note')?.textContent).toBe('With the upstream gradient typed in, the layer never sees L itself, only how L changes with y.');
  });
});
