// @vitest-environment jsdom
// What a learner reads on the numbers and result lines of the derivation
// panel, for the examples of issue 9 (the default lesson, seed 7): the
// numbers carry the figures that make the line add up to the result as shown,
// and where no number of figures can, the panel says so.
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { DerivationPanel } from '../../src/ui/derivation/DerivationPanel.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';

afterEach(cleanup);

/** The panel for a link, as the learner sees it once KaTeX has typeset it. */
async function panel(query: string) {
  render(
    <StoreProvider store={createAppStore(query)}>
      <DerivationPanel />
    </StoreProvider>,
  );
  await waitFor(() => expect(document.querySelector('.derivation [data-line="result"] .katex')).not.toBeNull());
  const body = document.querySelector<HTMLElement>('.derivation-body')!;
  const line = (name: string) => body.querySelector<HTMLElement>(`[data-line="${name}"]`);
  /** The text on screen: without what only screen readers get (the terms' names, KaTeX's MathML), spaces and KaTeX's zero-width struts. */
  const text = (el: Element | null | undefined): string => {
    const c = el?.cloneNode(true) as HTMLElement | undefined;
    if (!c) return '';
    c.querySelectorAll('.sr-only, .katex-mathml, .line-tag').forEach((n) => n.remove());
    return (c.textContent ?? '').replace(/[\s\u200b]+/g, '');
  };
  const seen = (name: string) => text(line(name));
  /** Each term of the numbers line as it reads, e.g. '(0.307−0.6)2' for (0.307 − 0.6)². */
  const terms = () => [...(line('numeric')?.querySelectorAll('button.term') ?? [])].map(text);
  const note = () => (line('rounding')?.textContent ?? '').trim();
  return { seen, terms, note, heading: () => body.querySelector('h2')?.textContent ?? '' };
}

describe('the numbers line of issue 9’s examples adds up as shown', () => {
  it('sum loss: 0.307 + (−1.605) + (−0.453) + (−0.8) = −2.551, where y[0,1] showed as −1.6', async () => {
    const p = await panel('?loss=sum&focus=L:0,0');
    expect(p.seen('numeric')).toBe('=0.307+(−1.605)+(−0.453)+(−0.8)');
    expect(p.seen('result')).toBe('=−2.551');
    expect(0.307 - 1.605 - 0.453 - 0.8).toBeCloseTo(-2.551, 12);
    expect(p.note()).toBe('');
  });

  it('mse, dL/db[1]: (−0.4525) + (−0.1) = −0.5525', async () => {
    const p = await panel('?focus=db:0,1');
    expect(p.heading()).toBe('dL/db[1] = −0.5525');
    expect(p.seen('numeric')).toBe('=(−0.4525)+(−0.1)');
    expect(p.seen('result')).toBe('=−0.5525');
  });

  it('mse, L: the mean of the four squared errors, 1.144683 / 4, is the 0.286171 shown', async () => {
    const p = await panel('?focus=L:0,0');
    // KaTeX's text puts a fraction's denominator first and a square's 2 after its bracket.
    expect(p.seen('numeric')).toMatch(/^=41\(/);
    expect(p.terms()).toEqual(['(0.307−0.6)2', '(−1.605−(−0.7))2', '(−0.453−(−0.9))2', '(−0.8−(−0.6))2']);
    expect(p.seen('result')).toBe('=0.286171');
    expect(((0.307 - 0.6) ** 2 + (-1.605 + 0.7) ** 2 + (-0.453 + 0.9) ** 2 + (-0.8 + 0.6) ** 2) / 4).toBeCloseTo(0.28617075, 12);
  });
});

describe('numbers that cannot be written exactly', () => {
  it('softmax-ce: probabilities rounded, and the result to the figures they justify', async () => {
    const p = await panel('?loss=softmax-ce&focus=dY:0,1');
    expect(p.heading()).toBe('dL/dy[0,1] = −0.435622');
    expect(p.terms()).toEqual(['(0.1288−1)']);
    expect(p.seen('result')).toBe('=−0.4356');
    expect((0.1288 - 1) / 2).toBeCloseTo(-0.4356, 12);
  });

  it('sigmoid: dL/dz = dL/dy · y(1 − y) to three figures, and three figures of result', async () => {
    const p = await panel('?act=sigmoid&focus=dZ:1,0');
    expect(p.seen('numeric')).toBe('=0.644⋅0.389(1−0.389)');
    expect(p.seen('result')).toBe('=0.153');
    expect(0.644 * 0.389 * (1 - 0.389)).toBeCloseTo(0.153, 3);
  });
});

describe('when no figures up to six make the line add up, the panel says so', () => {
  it('terms that cancel: 1 · 1 + 1 · (−1) + 1e−8 is not the 4.1e−7 of W = 1.0000004', async () => {
    const p = await panel('?B=1&N=2&T=1&loss=sum&x=1,1&W=1.0000004;-1&b=1e-8&focus=y:0,0');
    expect(p.seen('numeric')).toBe('=1⋅1+1⋅(−1)+1×10−8');
    expect(p.seen('result')).toBe('=4.1×10−7');
    expect(p.note()).toBe(
      'The numbers above are rounded to 6 significant figures, so worked out as shown they give 1e−8; the result is worked out from the unrounded values.',
    );
  });

  it('tanh’s slope where y = tanh(9) shows as 1, in the pseudo-locale too', async () => {
    const p = await panel('?B=1&N=1&T=1&loss=sum&act=tanh&x=9&W=1&b=0&focus=dZ:0,0&lang=en-XA');
    expect(p.seen('numeric')).toBe('=1⋅(1−(1)2)');
    expect(p.seen('result')).toBe('=6.09199×10−8');
    const note = p.note();
    expect(note).toMatch(/^⟦.* 6 .* 0; .*⟧$/);
    expect(note).not.toMatch(/[a-z]{4}/); // every word pseudo-localised
  });
});
