// The catalogue and t(): placeholders, plurals, numbers in the reader's
// locale, rich text with formulas and identifiers, and the pseudo-locale.
import { describe, expect, it } from 'vitest';
import { code, type CoreMessageKey } from '../../src/core/index.ts';
import { EN, type MessageKey } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { PSEUDO_LOCALE, pseudoCatalogue, pseudoText } from '../../src/ui/strings/pseudo.ts';
import { parseTemplate } from '../../src/ui/strings/template.ts';
import { LOCALES } from '../../src/store/url.ts';
import { catalogueFor } from '../../src/ui/strings/catalogues.ts';
import { explain } from '../../src/ui/strings/en/explain.ts';
import { jacobian } from '../../src/ui/strings/en/jacobian.ts';
import { page } from '../../src/ui/strings/en/page.ts';

const en = createI18n('en', EN);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('t()', () => {
  it('fills placeholders, writing whole numbers with grouping and rounding numbers to their digits', () => {
    expect(en.t('jac.table.tooBig', { B: 32, N: 784, T: 128, n: 411041792 })).toContain('411,041,792 entries');
    expect(en.t('narr.L', { value: { num: 0.436462, digits: 4 } })).toBe('The loss turns all of y into one number: L = 0.4365.');
    expect(en.t('lesson.lossValue', { value: '−0.5' })).toBe('Loss value −0.5');
  });

  it('chooses plural forms by the count', () => {
    expect(en.t('note.dW', { i: 1, j: 0, B: 1, g: 'dL/dy' })).toContain('summed over the 1 sample of the batch');
    expect(en.t('note.dW', { i: 1, j: 0, B: 3 })).toContain('summed over the 3 samples of the batch');
    expect(en.t('note.dX', { i: 0, s: 1, T: 1, g: 'dL/dz' })).toContain('gathers dL/dz at all 1 output of');
  });

  it('names cells as the grids do, and nests messages', () => {
    expect(en.cellName({ m: 'dW', r: 1, c: 0 })).toBe('dL/dW[1,0]');
    expect(en.cellName({ m: 'b', r: 0, c: 2 })).toBe('b[2]');
    expect(en.t('narr.sample', { s: 1, text: { key: 'narr.dY.sum' } })).toBe('Sample 1: Every output adds to L one-for-one, so dL/dy is all ones.');
  });

  it('keeps formulas and identifiers apart in rich text, nested messages included', () => {
    const segs = en.rich({ key: 'notice.overflow.change', params: { param: code('B'), problem: { key: 'error.overflow', params: { name: code('y'), index: '0,1' } } } });
    expect(segs.filter((s) => s.kind === 'code').map((s) => (s.kind === 'code' ? s.code : ''))).toEqual(['B', 'y']);
    expect(segs.map((s) => (s.kind === 'text' ? s.text : s.kind === 'code' ? s.code : s.tex)).join('')).toBe(
      'Changing B makes the layer overflow (y[0,1] is too large for 64-bit floating point); kept the previous setting. Make the large values you typed smaller first.',
    );
    const tex = en.rich({ key: 'input.upstream', params: { cell: { tex: 'x_{0}' } } });
    expect(tex[0]).toEqual({ kind: 'tex', tex: 'x_{0}' });
  });

  it('writes numbers in the reader’s locale', () => {
    const de = createI18n('de', EN);
    expect(de.fmt.text(-0.5, 3)).toBe('−0,5');
    expect(de.fmt.tex(1.25, 3)).toBe('1{,}25');
    expect(de.count(1234567)).toBe('1,23 million');
    expect(en.bytes(1536)).toBe('1.5 KiB');
  });
});

describe('the catalogue', () => {
  it('parses every message, with balanced braces and no unknown syntax', () => {
    for (const [k, v] of Object.entries(EN)) {
      const opens = (v.match(/\{/g) ?? []).length, closes = (v.match(/\}/g) ?? []).length;
      expect(opens, k).toBe(closes);
      expect(() => parseTemplate(v), k).not.toThrow();
    }
  });

  it('is made of parts that never word the same key twice (a later part would silently win)', () => {
    const parts = [page, explain, jacobian].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(Object.keys(EN).length);
  });

  it('has a catalogue for every locale the link can ask for', () => {
    for (const l of LOCALES) expect(Object.keys(catalogueFor(l)).sort()).toEqual(Object.keys(EN).sort());
  });

  it('words every key core returns (spot check of the type-level guarantee)', () => {
    const keys: CoreMessageKey[] = ['note.dZ', 'narr.dZ.all', 'speech.slope', 'activation.tanh.slope', 'jac.note.dZ.on'];
    for (const k of keys) expect(EN[k as MessageKey]).toBeTruthy();
  });
});

describe('the pseudo-locale', () => {
  const xa = pseudoCatalogue(EN);
  it('changes every letter, keeps every placeholder, and wraps every string', () => {
    for (const [k, v] of Object.entries(EN) as [MessageKey, string][]) {
      if (!v) continue;
      const p = xa[k];
      expect(p.startsWith('⟦') && p.endsWith('⟧'), k).toBe(true);
      expect(placeholders(p), k).toEqual(placeholders(v));
      // No ASCII letter survives outside placeholders and plural keywords.
      const outside = p.replace(/\{[^{}]*\}/g, '').replace(/\{\w+, plural,|one|other/g, '');
      expect(outside, k).not.toMatch(/[A-Za-z]/);
    }
  });

  it('is about 40% longer than English, as many languages are', () => {
    const len = (c: Record<string, string>) => Object.values(c).reduce((n, v) => n + v.length, 0);
    const ratio = len(xa) / len(EN);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.55);
  });

  it('renders through t() with the same numbers', () => {
    const p = createI18n(PSEUDO_LOCALE, xa);
    expect(p.t('narr.L', { value: { num: 0.5, digits: 4 } })).toBe(`⟦${pseudoText('The loss turns all of y into one number: L = ')}0.5.⟧`);
  });
});
