// The catalogue and t(): placeholders, plurals, numbers in the reader's
// locale, rich text with formulas and identifiers, and the pseudo-locale.
import { describe, expect, it } from 'vitest';
import { code, type CoreMessageKey } from '../../src/core/index.ts';
import { EN, type MessageKey } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { PSEUDO_LOCALE, pseudoCatalogue, pseudoText } from '../../src/ui/strings/pseudo.ts';
import { parseTemplate } from '../../src/ui/strings/template.ts';
import { LOCALES } from '../../src/store/url.ts';
import { catalogueFor, wordingFor } from '../../src/ui/strings/catalogues.ts';
import { explain } from '../../src/ui/strings/en/explain.ts';
import { jacobianShell } from '../../src/ui/strings/en/jacobian.ts';
import { jacobian } from '../../src/ui/strings/en/lazy/jacobian.ts';
import { page } from '../../src/ui/strings/en/page.ts';
import { present } from '../../src/ui/strings/en/present.ts';
import { trainShell } from '../../src/ui/strings/en/train.ts';
import { train } from '../../src/ui/strings/en/lazy/train.ts';
import { trainCharts } from '../../src/ui/strings/en/lazy/trainCharts.ts';
import { heatmap } from '../../src/ui/strings/en/heatmap.ts';
import { exportShell } from '../../src/ui/strings/en/export.ts';
import { exportStrings } from '../../src/ui/strings/en/lazy/export.ts';
import { tour } from '../../src/ui/strings/en/tour.ts';
import { tours } from '../../src/ui/strings/en/tours.ts';
import { quizShell } from '../../src/ui/strings/en/quiz.ts';
import { quiz } from '../../src/ui/strings/en/lazy/quiz.ts';
import { EN_FIRST } from '../../src/ui/strings/enFirst.ts';

const en = createI18n('en', EN);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('t()', () => {
  it('fills placeholders, writing whole numbers with grouping and rounding numbers to their digits', () => {
    expect(en.t('jac.table.tooBig', { B: 32, N: 784, T: 128, n: 411041792 })).toContain('411,041,792 entries');
    expect(en.t('narr.L', { value: { num: 0.436462, digits: 4 } })).toBe('The loss turns all of y into one number: L = 0.4365.');
    expect(en.t('lesson.lossValue', { value: '−0.5' })).toBe('Loss value −0.5');
  });

  it('chooses plural forms by the count, saying “the one” for 1, “both” for 2 and “all” only for more', () => {
    expect(en.t('note.dW', { i: 1, j: 0, B: 1, g: 'dL/dy' })).toContain('input 1 times dL/dy at output 0, from the one sample of the batch.');
    expect(en.t('note.dW', { i: 1, j: 0, B: 2, g: 'dL/dy' })).toContain('summed over both samples of the batch.');
    expect(en.t('note.dW', { i: 1, j: 0, B: 3 })).toContain('summed over the 3 samples of the batch');
    // The issue's “gathers all 2 output gradients”.
    expect(en.t('note.dX', { i: 0, s: 1, T: 1, g: 'dL/dz' })).toBe('Input 0 of sample 1 reaches the one output through one weight, so its gradient is dL/dz at that output of that sample, times the weight.');
    expect(en.t('note.dX', { i: 0, s: 1, T: 2, g: 'dL/dy' })).toBe('Input 0 of sample 1 reaches both outputs through one weight each, so its gradient gathers dL/dy at both outputs of that sample, each times its weight.');
    expect(en.t('note.dX', { i: 0, s: 1, T: 5, g: 'dL/dy' })).toContain('gathers dL/dy at all 5 outputs of that sample');
    expect(en.t('narr.dense.sample.columnsOfW', { s: 0, T: 2 })).toBe('Sample 0: both outputs at once, each the sample’s inputs times one column of W, plus its bias.');
    expect(en.t('narr.dense.sample.rowsOfW', { s: 0, T: 1 })).toBe('Sample 0: its one output, the sample’s inputs times the one row of W, plus its bias.');
    expect(en.t('note.L.mse', { n: 2 })).toBe('The mean of both squared errors.');
    expect(en.t('derivation.moreTerms', { n: 1 })).toBe('and 1 more term');
  });

  // Counts that can be 1 or 2 in a lesson, read as a learner reads them: never “all 2”, “all 1” or “1 outputs”.
  it('words every count of the catalogue for 1, 2 and many', () => {
    const NOUNS = 'outputs|inputs|samples|terms|numbers|columns|rows|entries|errors|weights|classes';
    // Counts that are never 1 or 2: long sums (more than 8 terms) and whole scripts (at least 5 steps).
    // A pixel's block of r × c entries is said only when it holds more than one.
    const ALWAYS_MANY = new Set<MessageKey>(['derivation.allTerms', 'player.countComplete', 'player.countStart', 'player.valueComplete', 'notice.step.past', 'jac.table.tooBig', 'sparsity.perPixel']);
    // Placeholders that are names, not counts.
    const NAMES: Partial<Record<MessageKey, Record<string, string>>> = { 'sparsity.caption': { name: '∂y/∂W', of: 'y', by: 'W' } };
    const bad: string[] = [];
    for (const key of Object.keys(EN) as MessageKey[]) {
      if (ALWAYS_MANY.has(key)) continue;
      const names = [...new Set(placeholders(EN[key]))];
      // Counts arrive as numbers or, from the Jacobian view, as formatted text: try both.
      for (const k of [1, 2, '1', '2']) {
        const text = en.t(key, { ...Object.fromEntries(names.map((n) => [n, k])), ...NAMES[key] });
        if (new RegExp(`\\ball ${k}\\b`).test(text) || (String(k) === '1' && new RegExp(`\\b1 (${NOUNS})\\b`).test(text))) bad.push(`${key} at ${k}: ${text}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('names cells as the grids do, and nests messages', () => {
    expect(en.cellName({ m: 'dW', r: 1, c: 0 })).toBe('dL/dW[1,0]');
    expect(en.cellName({ m: 'b', r: 0, c: 2 })).toBe('b[2]');
    // b is a column in the column convention: its cell 2,0 is b[2] too.
    expect(en.cellName({ m: 'b', r: 2, c: 0 })).toBe('b[2]');
    expect(en.cellName({ m: 'db', r: 1, c: 0 }, 'b')).toBe('dL/db[1]');
    expect(en.cellName({ m: 'L', r: 0, c: 0 })).toBe('L[0]');
    expect(en.cellName({ m: 'target', r: 0, c: 1 }, 'classes')).toBe('target class[1]');
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
    const parts = [page, explain, jacobianShell, jacobian, tour, tours, present, trainShell, train, trainCharts, heatmap, exportShell, exportStrings, quizShell, quiz].map((p) => Object.keys(p));
    expect(parts.flat().length).toBe(Object.keys(EN).length);
  });

  it('has a catalogue for every locale the link can ask for: the first screen’s wording, and the rest as views bring it', () => {
    for (const l of LOCALES) {
      expect(Object.keys(catalogueFor(l)).sort()).toEqual(Object.keys(EN_FIRST).sort());
      const all = createI18n(l, catalogueFor(l), { wording: wordingFor(l), onMissing: (key) => expect.fail(`no wording for ${key}`) }).with(jacobian).with(train).with(trainCharts).with(exportStrings).with(quiz);
      const whole = createI18n(l, wordingFor(l)(EN));
      for (const key of Object.keys(EN) as MessageKey[]) expect(all.t(key), key).toBe(whole.t(key));
    }
  });

  it('says which key it has no wording for, once, and shows the key', () => {
    const missing: string[] = [];
    const first = createI18n('en', EN_FIRST, { onMissing: (key) => missing.push(key) });
    expect(first.t('quiz.title')).toBe('quiz.title');
    expect(first.t('quiz.title')).toBe('quiz.title');
    expect(missing).toEqual(['quiz.title']);
    expect(first.with(quiz).t('quiz.title')).toBe(EN['quiz.title']);
    expect(missing).toEqual(['quiz.title']);
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
      // No ASCII letter survives outside placeholders, plural keywords and a caption's maths ($…$, which KaTeX reads).
      const outside = p.replace(/\$[^$]*\$/g, '').replace(/\{[^{}]*\}/g, '').replace(/\{\w+, plural,|one|other/g, '');
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
