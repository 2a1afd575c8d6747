// Counts, byte sizes and percentages for people, as the cost panel words them
// (they moved out of core into the string object, since they contain words).
import { describe, expect, it } from 'vitest';
import { jacobian, jacobianCost } from '../../src/core/index.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const i18n = createI18n('en', EN);

describe('i18n.bytes, i18n.count and i18n.percent in English', () => {
  it('reproduces the article: a 128×128 image, T=100, B=1 has 1.6·10⁸ entries, over half a GiB in float32', () => {
    const c = jacobianCost(jacobian('dY/dW', 'column', { B: 1, N: 16384, T: 100 }));
    expect(c.entries).toBe(163_840_000);
    expect(i18n.count(c.entries)).toBe('164 million');
    expect(i18n.bytes(c.float32)).toBe('625 MiB');
    const big = jacobianCost(jacobian('dY/dW', 'column', { B: 32, N: 16384, T: 100 }));
    expect(i18n.count(big.entries)).toBe('5.24 billion');
    expect(i18n.bytes(big.float32)).toBe('19.5 GiB');
    expect(i18n.bytes(big.float64)).toBe('39.1 GiB');
  });

  it('formats bytes, counts and percentages for people', () => {
    expect(i18n.bytes(0)).toBe('0 B');
    expect(i18n.bytes(96)).toBe('96 B');
    expect(i18n.bytes(1536)).toBe('1.5 KiB');
    expect(i18n.bytes(1024 ** 2)).toBe('1 MiB');
    expect(i18n.count(999_999)).toBe('999,999');
    expect(i18n.count(1_000_000)).toBe('1 million');
    expect(i18n.count(2_500_000_000_000)).toBe('2.5 trillion');
    expect(i18n.percent(0.5)).toBe('50%');
    expect(i18n.percent(0.99)).toBe('99%');
    expect(i18n.percent(1 - 1 / 16384)).toBe('99.9939%');
    expect(i18n.percent(1 - 1 / 32)).toBe('96.9%');
    expect(i18n.percent(0)).toBe('0%');
  });
});
