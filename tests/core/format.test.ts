import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGLISH, formatNumber, numberFormat, texNumber } from '../../src/core/index.ts';
import { FC_SEED } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 200 });

const MINUS = '\u2212';

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [0.5, '0.5'],
    [1 / 3, '0.333'],
    [2 / 3, '0.667'],
    [-1.23456, `${MINUS}1.23`],
    [0.1 + 0.2, '0.3'],
    [1234.5678, '1230'],
    [999.96, '1000'],
    [123456, '123000'],
    [0.000123456, '0.000123'],
    [0.0001, '0.0001'],
    [1e6, '1e+6'],
    [2.5e8, '2.5e+8'],
    [-2.5e8, `${MINUS}2.5e+8`],
    [1.5e-5, `1.5e${MINUS}5`],
    [-1.5e-5, `${MINUS}1.5e${MINUS}5`],
    [1e-300, `1e${MINUS}300`],
    [Number.NaN, 'NaN'],
    [Infinity, '∞'],
    [-Infinity, `${MINUS}∞`],
  ])('formats %s as %s', (v, s) => {
    expect(formatNumber(v)).toBe(s);
  });

  it('respects the number of significant digits', () => {
    expect(formatNumber(Math.PI, 1)).toBe('3');
    expect(formatNumber(Math.PI, 6)).toBe('3.14159');
    expect(formatNumber(-Math.E * 1e-7, 4)).toBe(`${MINUS}2.718e${MINUS}7`);
  });

  it('chooses the notation from the rounded value, so the boundaries are consistent', () => {
    // 999999.7 rounds to 1.00·10⁶ at 3 digits: written like 10⁶ itself, not as "1000000".
    expect(formatNumber(999_999.7)).toBe(formatNumber(1e6));
    // 0.000099996 rounds to 0.0001: written like 0.0001 itself.
    expect(formatNumber(0.000099996)).toBe(formatNumber(0.0001));
  });

  it('reads back as the number rounded to its significant digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 8 }), (v, digits) => {
        const s = formatNumber(v, digits);
        expect(s).not.toContain('-'); // every minus is the typographic one
        const back = Number(s.replaceAll(MINUS, '-'));
        expect(back).toBe(Number(v.toPrecision(digits)) + 0);
        // At most `digits` significant digits in the mantissa.
        const mantissa = s.replace(MINUS, '').split('e')[0].replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
        expect(mantissa.length).toBeLessThanOrEqual(digits);
        // Exponent notation exactly outside [1e-4, 1e6) after rounding.
        const r = Math.abs(back);
        expect(s.includes('e')).toBe(r !== 0 && (r < 1e-4 || r >= 1e6));
      }),
    );
  });
});

describe('texNumber', () => {
  it.each([
    [0.5, '0.5'],
    [-0.5, '(-0.5)'],
    [2.5e8, '2.5 \\times 10^{8}'],
    [-2.5e8, '(-2.5 \\times 10^{8})'],
    [1.5e-5, '1.5 \\times 10^{-5}'],
    [-1.5e-5, '(-1.5 \\times 10^{-5})'],
    [1234.5678, '1230'],
  ])('writes %s as %s', (v, s) => {
    expect(texNumber(v)).toBe(s);
  });

  it('leaves negatives unwrapped when asked', () => {
    expect(texNumber(-0.5, 3, false)).toBe('-0.5');
    expect(texNumber(-1.5e-5, 3, false)).toBe('-1.5 \\times 10^{-5}');
    expect(texNumber(-0, 3)).toBe('0');
  });

  it('uses ASCII minus signs only and keeps the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), (v) => {
        const s = texNumber(v, 3, false);
        expect(s).not.toContain(MINUS);
        const m = s.match(/^(-?[\d.]+)(?: \\times 10\^\{(-?\d+)\})?$/);
        expect(m, s).not.toBeNull();
        expect(Number(`${m![1]}e${m![2] ?? 0}`)).toBe(Number(v.toPrecision(3)) + 0);
      }),
    );
  });
});

describe('numberFormat', () => {
  it("is formatNumber and texNumber for English, and ENGLISH is that formatter", () => {
    const en = numberFormat('en');
    expect(numberFormat().locale).toBe('en');
    expect(ENGLISH.locale).toBe('en');
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 1, max: 8 }), fc.boolean(), (v, digits, wrap) => {
        expect(en.text(v, digits)).toBe(formatNumber(v, digits));
        expect(en.tex(v, digits, wrap)).toBe(texNumber(v, digits, wrap));
        expect(ENGLISH.text(v, digits)).toBe(formatNumber(v, digits));
      }),
    );
    expect(en.integer(1_048_576)).toBe('1,048,576');
    expect(en.integer(-1234)).toBe(`${MINUS}1,234`);
    expect(en.integer(0)).toBe('0');
  });

  it("writes the locale's decimal mark and digit grouping, in text and in LaTeX", () => {
    const de = numberFormat('de');
    expect(de.locale).toBe('de');
    expect(de.text(0.5)).toBe('0,5');
    expect(de.text(-1.23456)).toBe(`${MINUS}1,23`);
    expect(de.text(1.5e-5)).toBe(`1,5e${MINUS}5`);
    expect(de.text(1234.5678)).toBe('1230');
    // In LaTeX a comma is braced, so it is not spaced as punctuation.
    expect(de.tex(0.5)).toBe('0{,}5');
    expect(de.tex(-0.5)).toBe('(-0{,}5)');
    expect(de.tex(-2.5e8, 3, false)).toBe('-2{,}5 \\times 10^{8}');
    expect(de.integer(1_048_576)).toBe('1.048.576');
    expect(numberFormat('fr').integer(1_048_576).replace(/\s/g, ' ')).toBe('1 048 576');
  });

  it('keeps the same digits in every locale, only the marks differ', () => {
    const de = numberFormat('de');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 1, max: 8 }), (v, digits) => {
        expect(de.text(v, digits)).toBe(formatNumber(v, digits).replace('.', ','));
        expect(de.tex(v, digits).replace('{,}', '.')).toBe(texNumber(v, digits));
      }),
    );
  });

  it('writes NaN and infinities the same way everywhere', () => {
    for (const locale of ['en', 'de', 'fr']) {
      const f = numberFormat(locale);
      expect([f.text(Number.NaN), f.text(Infinity), f.text(-Infinity)]).toEqual(['NaN', '∞', `${MINUS}∞`]);
      expect([f.tex(Number.NaN), f.tex(Infinity), f.tex(-Infinity)]).toEqual(['\\mathrm{NaN}', '\\infty', '-\\infty']);
    }
  });

  it('falls back to English marks for a locale the platform does not know', () => {
    const bad = numberFormat('not a locale!!');
    expect(bad.text(0.5)).toBe('0.5');
    expect(bad.tex(0.5)).toBe('0.5');
    expect(bad.integer(1_048_576)).toBe('1,048,576');
  });
});

describe('English numbers without ICU at start-up', () => {
  const Original = Intl.NumberFormat;
  afterEach(() => Object.defineProperty(Intl, 'NumberFormat', { value: Original, configurable: true, writable: true }));

  it('writes English decimals and whole numbers under 1,000 without making an Intl.NumberFormat (the first costs tens of ms)', () => {
    let made = 0;
    class Counting extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        made++;
      }
    }
    Object.defineProperty(Intl, 'NumberFormat', { value: Counting, configurable: true, writable: true });
    for (const locale of ['en', 'en-XA']) {
      const f = numberFormat(locale);
      expect([f.text(-0.5), f.tex(1.5), f.integer(13), f.integer(-999), f.integer(0)]).toEqual([`${MINUS}0.5`, '1.5', '13', `${MINUS}999`, '0']);
    }
    expect(made).toBe(0);
    // Larger and fractional numbers still go through Intl, made once.
    const en = numberFormat('en');
    expect([en.integer(1000), en.integer(-1234.5), en.integer(-0), en.integer(2.5)]).toEqual(['1,000', `${MINUS}1,235`, `${MINUS}0`, '3']);
    expect(made).toBe(1);
  });

  it('writes every whole number under 1,000 as Intl does', () => {
    const intl = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: -999, max: 999 }), (n) => {
        expect(numberFormat('en').integer(n)).toBe(intl.format(n).replace(/-/g, MINUS));
      }),
    );
  });
});
