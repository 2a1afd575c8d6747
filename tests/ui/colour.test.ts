// The heat colours a learner reads values by: purple below zero, orange above,
// white at zero, darker with magnitude, the same darkness for v and −v, and
// text that stays readable (4.5:1) on every colour, in every lesson.
import { rgb } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, CONVENTIONS, LOSS_KINDS } from '../../src/core/index.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { HEAT_TEXT, contrastRatio, contrastText, heatScale } from '../../src/ui/matrix/colour.ts';

const AA = 4.5;

// WCAG 2 relative luminance and contrast, written here from the definition rather than taken from src.
const lin = (u: number) => {
  const s = u / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const c = rgb(hex);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('heatScale', () => {
  const values = [-2, -1, -0.5, 0, 0.5, 1, 2];
  const colour = heatScale(values);

  it('is white at zero, whatever the range', () => {
    for (const range of [[-1, 1], [0, 5], [-3, 0.1], [0]]) {
      const c = rgb(heatScale(range)(0).bg);
      expect(Math.min(c.r, c.g, c.b), `range ${range}`).toBeGreaterThanOrEqual(230);
    }
  });

  it('runs from purple (negative) to orange (positive), not the other way round', () => {
    for (const v of [-2, -1, -0.5]) {
      const c = rgb(colour(v).bg);
      expect(c.b, `${v} is purple: more blue than green`).toBeGreaterThan(c.g);
      expect(c.r, `${v} is not orange`).toBeLessThan(c.r + c.b);
      expect(c.b).toBeGreaterThan(c.g);
    }
    for (const v of [0.5, 1, 2]) {
      const c = rgb(colour(v).bg);
      expect(c.r, `${v} is orange: more red than blue`).toBeGreaterThan(c.b);
      expect(c.g, `${v} is orange: more green than blue`).toBeGreaterThan(c.b);
    }
  });

  it('darkens with magnitude, equally on both sides of zero', () => {
    const L = (v: number) => luminance(colour(v).bg);
    expect(L(0.5)).toBeLessThan(L(0));
    expect(L(1)).toBeLessThan(L(0.5));
    expect(L(2)).toBeLessThan(L(1));
    expect(L(-1)).toBeLessThan(L(-0.5));
    expect(L(-2)).toBeLessThan(L(-1));
    // The scale is centred on zero: −v is as far from white as v.
    for (const v of [0.5, 1, 2]) expect(Math.abs(L(v) - L(-v))).toBeLessThan(0.15);
  });

  it('spans the largest magnitude: the same value is paler in a wider range', () => {
    expect(luminance(heatScale([-4, 4])(1).bg)).toBeGreaterThan(luminance(heatScale([-1, 1])(1).bg));
  });

  it('keeps text at 4.5:1 or more on every colour', () => {
    for (let v = -2; v <= 2; v += 0.05) {
      const { bg, fg } = colour(v);
      expect(contrast(bg, fg), `value ${v.toFixed(2)} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('shows non-finite values plainly, in red on white', () => {
    expect(colour(Number.NaN)).toEqual({ bg: '#ffffff', fg: '#b00020' });
    expect(contrast('#ffffff', '#b00020')).toBeGreaterThanOrEqual(4.5);
  });

  it('picks the text colour with the higher real contrast against the colour painted', () => {
    expect(contrastText('#ffffff')).toBe('#000000');
    expect(contrastText('#000000')).toBe('#ffffff');
    for (const bg of ['#767676', '#777777', '#bb620a', '#8073ac', '#e08214', '#b35806']) {
      const best = Math.max(...HEAT_TEXT.map((fg) => contrast(bg, fg)));
      expect(contrast(bg, contrastText(bg)), bg).toBe(best);
    }
  });

  it('keeps 4.5:1 beyond the range too, where the player counts past a final value', () => {
    const wide = heatScale([-1, 1]);
    for (let v = -3; v <= 3; v += 0.01) {
      const { bg, fg } = wide(v);
      expect(contrast(bg, fg), `value ${v.toFixed(2)} on ${bg}`).toBeGreaterThanOrEqual(AA);
    }
  });
});

describe('contrastRatio', () => {
  it('is WCAG 2 contrast: 21:1 for black on white, 1:1 on itself, the same either way round', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#bb620a', '#bb620a')).toBe(1);
    expect(contrastRatio('#111111', '#bb620a')).toBeCloseTo(4.37, 2);
    expect(contrastRatio('#bb620a', '#000000')).toBe(contrastRatio('#000000', '#bb620a'));
    for (const [a, b] of [['#8073ac', '#ffffff'], ['#fdb863', '#000000'], ['rgb(84, 39, 136)', 'rgb(255, 255, 255)']]) {
      expect(contrastRatio(a, b)).toBeCloseTo(contrast(a, b), 12);
    }
  });
});

type Painted = { where: string; bg: string; fg: string };

/**
 * Every number a lesson paints on a heat colour, with its text colour, coloured as the views colour them: each grid
 * at the current step on the scale of its final values (MatrixView, MatrixGrid), and the Jacobian entries of every
 * kind the lesson offers on the scale of all its entries (EntryTable).
 */
function paintedCells(store: AppStore): Painted[] {
  const { select } = store;
  const s = store.getState();
  const g = select.graph(s);
  const out: Painted[] = [];
  for (const m of [...g.forward, ...g.backward]) {
    if (g.rule(m)?.role === 'unused') continue;
    const colour = heatScale(select.finalValues(s, m));
    for (const [k, v] of Array.from(select.values(s, m)).entries()) if (!Number.isNaN(v)) out.push({ where: `${m}[${k}] = ${v}`, ...colour(v) });
  }
  for (const kind of select.jacobianKinds(s)) {
    store.getState().setJacobianKind(kind);
    const J = select.jacobian(store.getState());
    const raw: number[] = [];
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) raw.push(J.entry(r, c));
    const colour = heatScale(raw);
    raw.forEach((v, k) => out.push({ where: `${kind} entry ${k} = ${v}`, ...colour(v) }));
  }
  return out;
}

const below = (cells: Painted[]) => cells.filter((p) => contrast(p.bg, p.fg) < AA).map((p) => `${p.where}: ${p.fg} on ${p.bg}, ${contrast(p.bg, p.fg).toFixed(2)}:1`);

describe('every painted cell of seeded lessons reaches WCAG AA', () => {
  it('in every combination of convention, loss and activation, complete', () => {
    for (const conv of CONVENTIONS)
      for (const loss of LOSS_KINDS)
        for (const act of ACTIVATIONS) {
          const cells = paintedCells(createAppStore(`?conv=${conv}&loss=${loss}&act=${act}`));
          expect(cells.length).toBeGreaterThan(20);
          expect(below(cells), `${conv}, ${loss}, ${act}`).toEqual([]);
        }
  });

  it('at any size, seed and step of the player', () => {
    const lesson = fc.record({
      conv: fc.constantFrom(...CONVENTIONS),
      loss: fc.constantFrom(...LOSS_KINDS),
      act: fc.constantFrom(...ACTIVATIONS),
      B: fc.integer({ min: 1, max: 4 }),
      N: fc.integer({ min: 1, max: 4 }),
      T: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      step: fc.nat(),
    });
    fc.assert(
      fc.property(lesson, (l) => {
        const store = createAppStore(`?conv=${l.conv}&loss=${l.loss}&act=${l.act}&B=${l.B}&N=${l.N}&T=${l.T}&seed=${l.seed}`);
        store.getState().setStep(l.step % (store.select.script(store.getState()).steps.length + 1));
        expect(below(paintedCells(store))).toEqual([]);
      }),
      { numRuns: 120, seed: 20261201 },
    );
  });
});
