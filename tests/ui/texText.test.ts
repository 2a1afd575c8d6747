// The plain-text form of a formula, shown until KaTeX arrives: the same symbols, with Unicode's sub- and
// superscripts, fractions written with a slash, and nothing of LaTeX's markup left.
import { describe, expect, it } from 'vitest';
import { texText } from '../../src/ui/texText.ts';

const THIN = '\u202f';
/** The plain text with its no-break spaces as spaces, for comparing what it reads. */
const read = (tex: string) => texText(tex).replace(/\u00a0/g, ' ');

describe('texText', () => {
  it.each([
    ['Y = XW + b', 'Y = XW + b'],
    ['Y = XW^\\top + b', 'Y = XWᵀ + b'],
    ['Y = WX + b\\mathbf{1}^\\top', 'Y = WX + b1ᵀ'],
    ['\\frac{\\partial L}{\\partial x_{1,i}} = \\sum_{j} \\frac{\\partial L}{\\partial y_{1,j}}\\, W_{ij}', `∂L/∂x₁,ᵢ = Σⱼ${THIN}∂L/∂y₁,ⱼ${THIN}Wᵢⱼ`],
    ['L = \\frac{1}{BT}\\sum_{s,j} \\left(y_{sj} - \\hat{y}_{sj}\\right)^2', `L = 1/(BT)${THIN}Σₛ,ⱼ${THIN}(yₛⱼ − ŷₛⱼ)²`],
    ['y_{sj} = \\sum_{i=0}^{N-1} x_{si}\\, W_{ij} + b_{j}', `yₛⱼ = Σᵢ₌₀ᴺ⁻¹${THIN}xₛᵢ${THIN}Wᵢⱼ + bⱼ`],
    ['(-2 \\times 10^{-5}) \\cdot (-0.73)', '(−2 × 10⁻⁵) · (−0.73)'],
    ['= -6.48708 \\times 10^{-6}', '= −6.48708 × 10⁻⁶'],
    ['y_{0,0} = \\operatorname{relu}(z_{0,0})', 'y₀,₀ = relu(z₀,₀)'],
    ['\\textstyle\\sum_{s} [B\\times T] \\to [T]', `Σₛ${THIN}[B × T] → [T]`],
    ['\\frac{\\partial L}{\\partial W} \\mathrel{+}= x_{0,:}^{\\top}\\, \\tfrac{\\partial L}{\\partial y_{0,:}}', `∂L/∂W += x₀,:ᵀ${THIN}∂L/∂y₀,:`],
    ['\\underset{[B\\times T]}{Y} = \\sigma(\\underset{[B\\times T]}{Z})', 'Y = σ(Z)'],
    ['0.0754 \\cdot 0.0261\\left(1 - 0.0261\\right)', '0.0754 · 0.0261(1 − 0.0261)'],
    ['-\\log p_{s,c_s}', `−log${THIN}p_(s,cₛ)`],
  ])('%s', (tex, text) => {
    expect(read(tex)).toBe(text);
  });

  it('breaks lines only where KaTeX does: after a relation or operator outside braces and \\left…\\right', () => {
    const text = texText('\\frac{a+b}{2} = \\left(x - y\\right) + z \\cdot w_{i+1}');
    // Ordinary spaces (break opportunities) only after "=", the last "+" and "·"; every other space is a no-break one.
    expect(text.split(' ')).toEqual(['(a\u00a0+\u00a0b)/2\u00a0=', '(x\u00a0−\u00a0y)\u00a0+', 'z\u00a0·', 'wᵢ₊₁']);
    expect(texText('Z = XW + b,\\quad Y = \\sigma(Z)').split(' ')).toEqual(['Z\u00a0=', 'XW\u00a0+', 'b,\u2003\u2060Y\u00a0=', 'σ(Z)']);
    // \allowbreak is a place to wrap, and nothing to see.
    expect(texText('a,\\quad\\allowbreak p = b')).toBe('a,\u2003\u2060\u200bp\u00a0= b');
  });

  it('shows an unknown command by its name and survives unbalanced braces', () => {
    expect(read('\\alpha + \\foo{x}')).toBe('α + foox');
    expect(read('a}b{c')).toBe('abc');
    expect(read('x_')).toBe('x_');
  });
});
