// The losses' formulas, each written once as a writer of its pieces (the
// result, index letters, entries, subscripts). Filled with letters they give
// the TeX below, which the derivation panel and the lesson's heading show;
// filled with markers they give the linked notation's tokens (lossTokens.ts),
// so that the two never differ.
import type { Convention } from '../../conventions.ts';
import { dL, entryTex, ySub } from '../../notation.ts';

/** Mean squared error. */
export const MSE_WRITERS = {
  /** L; the sum's letters s and j; y_{sj}; t_{sj}. */
  L: (L: string, s: string, j: string, y: string, t: string) => `${L} = \\frac{1}{BT}\\sum_{${s},${j}} \\left(${y} - ${t}\\right)^2`,
  /** ∂L/∂y_{sj}; y_{sj}; t_{sj}. */
  dY: (g: string, y: string, t: string) => `${g} = \\frac{2}{BT}\\left(${y} - ${t}\\right)`,
};

/** Softmax cross-entropy against one class per sample. */
export const CE_WRITERS = {
  /** L; the sum's letter s; p's subscript at the true class c_s, and at j; y_{sj}; y_{sk}. A narrow panel may wrap it between its two equations. */
  L: (L: string, s: string, pc: string, pj: string, ysj: string, ysk: string) =>
    `${L} = -\\frac{1}{B}\\sum_{${s}} \\log p_${pc},\\quad\\allowbreak p_${pj} = \\frac{e^{${ysj}}}{\\sum_{k} e^{${ysk}}}`,
  /** ∂L/∂y_{sj}; p's subscript at j; the letter j; the true class c_s. */
  dY: (g: string, pj: string, j: string, c: string) => `${g} = \\frac{1}{B}\\left(p_${pj} - [${j} = ${c}]\\right)`,
};

/** The plain sum of the outputs. */
export const SUM_WRITERS = {
  /** L; the sum's letters s and j; y_{sj}. */
  L: (L: string, s: string, j: string, y: string) => `${L} = \\sum_{${s},${j}} ${y}`,
  /** ∂L/∂y_{sj}. */
  dY: (g: string) => `${g} = 1`,
};

const ySJ = (c: Convention) => entryTex('y', c, { s: 's', j: 'j' });
const tSJ = (c: Convention) => entryTex('target', c, { s: 's', j: 'j' });
const gSJ = (c: Convention) => dL('y', ySub(c, 's', 'j'));

export const mseTex = (c: Convention) => MSE_WRITERS.L('L', 's', 'j', ySJ(c), tSJ(c));
export const mseDtex = (c: Convention) => MSE_WRITERS.dY(gSJ(c), ySJ(c), tSJ(c));
export const ceTex = (c: Convention) => CE_WRITERS.L('L', 's', ySub(c, 's', 'c_{s}'), ySub(c, 's', 'j'), ySJ(c), entryTex('y', c, { s: 's', j: 'k' }));
export const ceDtex = (c: Convention) => CE_WRITERS.dY(gSJ(c), ySub(c, 's', 'j'), 'j', 'c_{s}');
export const sumTex = (c: Convention) => SUM_WRITERS.L('L', 's', 'j', ySJ(c));
export const sumDtex = (c: Convention) => SUM_WRITERS.dY(gSJ(c));
