// A learner checks a derivation with a calculator: the numbers line, worked
// out from the numbers as the panel writes them (read back from the strings,
// not from core's values), must give the result as the panel writes it, at
// the precision it is written with; or the panel says which values are
// rounded to how many figures, and what the shown numbers give instead.
// Every cell of every computed matrix, seeded lessons and random values, every
// convention × loss × activation, running sums part-way through the player,
// ordinary and extreme scales, and three number formats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  LOSS_KINDS,
  buildScript,
  computeLesson,
  derive,
  deriveAtStep,
  layoutShape,
  lessonGraph,
  makeLesson,
  numberFormat,
  type Activation,
  type Convention,
  type Derivation,
  type DerivationContext,
  type LossKind,
  type NumberFormat,
} from '../../src/core/index.ts';
import { closerTex, openerTex, resultTex } from '../../src/ui/derivation/assemble.ts';
import { catalogueFor } from '../../src/ui/strings/catalogues.ts';
import { createI18n, type I18n } from '../../src/ui/strings/i18n.ts';
import { FC_SEED, caseArb, inputsOf, scaledInputs } from '../core/reference.ts';
import { type WrittenNumber, evaluateTex, readText } from './texArithmetic.ts';

/** The most significant figures a plugged-in number may carry. */
const CAP = 6;
const LOCALES = ['en', 'en-XA', 'de'] as const;
const I18NS: Record<string, I18n> = Object.fromEntries(LOCALES.map((l) => [l, createI18n(l, catalogueFor(l === 'en-XA' ? 'en-XA' : 'en'))]));

/** The numbers line as the panel lays it out: its opening, the terms joined by plus signs, and its closing bracket. */
export const numbersLine = (d: Derivation): string => `${openerTex(d)} ${d.terms.map((t) => t.tex).join(' + ')} ${closerTex(d)}`;

/** |a − b| within half a unit of the written number's last digit (0 only up to floating-point noise in terms of size `size`). */
function within(a: number, written: WrittenNumber, size: number): boolean {
  if (written.value === 0) return Math.abs(a) <= 1e-9 * size;
  return Math.abs(a - written.value) <= 0.5 * written.unit * (1 + 1e-9);
}

/**
 * Checks one derivation as a learner reads it; returns whether the panel said the line does not add up. `values`
 * are the exact values of the numbers written (core's), to check that a result with more figures than its numbers
 * has numbers written exactly.
 */
function checkLine(d: Derivation, values: readonly number[], i18n: I18n, fmt: NumberFormat, mark: string, where: string): boolean {
  const line = evaluateTex(numbersLine(d), mark);
  const scale = d.scaleTex ? evaluateTex(d.scaleTex, mark).value : 1;
  const size = Math.abs(scale) * d.terms.reduce((a, t) => a + Math.abs(evaluateTex(t.tex, mark).value), 0);
  const result = evaluateTex(resultTex(d, fmt), mark);
  expect(result.numbers, `${where}: the result is one number`).toHaveLength(1);
  const shown = result.numbers[0];
  const figures = Math.max(...line.numbers.map((n) => n.figures));
  expect(figures, `${where}: at most ${CAP} figures in ${numbersLine(d)}`).toBeLessThanOrEqual(CAP);
  if (d.resultDigits > d.digits) {
    const rounded = values.filter((v) => Math.abs(Number(v.toPrecision(d.digits)) - v) > 1e-12 * Math.abs(v));
    expect(rounded, `${where}: a result with more figures than its numbers, which are rounded`).toEqual([]);
  }
  if (!d.rounding) {
    if (!within(line.value, { ...shown, value: result.value }, size)) {
      expect.fail(`${where}: ${numbersLine(d)} gives ${line.value}, but the panel shows ${resultTex(d, fmt)}`);
    }
    return false;
  }
  // The note: the figures the numbers are rounded to, and what the shown numbers give.
  const note = i18n.msg(d.rounding);
  const nums = note.match(/[−-]?\d+(?:[.,]\d+)?(?:e[−+-]?\d+)?/g) ?? [];
  expect(nums, `${where}: the note names the figures and what the numbers give: ${note}`).toHaveLength(2);
  expect(Number(nums[0]), `${where}: every number is rounded to at most the figures the note says`).toBeGreaterThanOrEqual(figures);
  const gives = readText(nums[1], mark);
  if (!within(line.value, gives, size)) expect.fail(`${where}: ${numbersLine(d)} gives ${line.value}, but the note says ${nums[1]}`);
  return true;
}

interface Tally {
  lines: number;
  notes: number;
  over3: number;
}

/** Every computed cell of a lesson, and its running sums at one step of the player. */
function checkLesson(ctx: DerivationContext, locale: (typeof LOCALES)[number], step: number, tally: Tally, tag: string) {
  const i18n = I18NS[locale];
  const fmt = numberFormat(locale);
  const mark = locale === 'de' ? ',' : '.';
  const graph = lessonGraph(ctx);
  const check = (d: Derivation, where: string) => {
    const rule = graph.rule(d.cell.m);
    if (d.terms.length === 0 || rule?.role !== 'computed') return;
    tally.lines++;
    if (d.digits > 3) tally.over3++;
    const values = rule.plugged(ctx, d.cell, { scale: d.scale, terms: d.terms }).flatMap((p) => p.shown);
    if (checkLine(d, values, i18n, fmt, mark, where)) tally.notes++;
  };
  const script = buildScript(ctx, 'fine', fmt, graph);
  const k = Math.floor(step * (script.steps.length + 1));
  for (const rule of graph.nodes) {
    if (rule.role !== 'computed') continue;
    const [rows, cols] = layoutShape(rule.layout, ctx.convention, ctx.sizes);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const cell = { m: rule.node, r, c };
        const where = `${tag} ${locale} ${cell.m}[${r},${c}]`;
        check(derive(ctx, cell, fmt, graph), where);
        if (script.schedules[cell.m] === 'accumulate') check(deriveAtStep(ctx, script, k, cell, fmt, graph), `${where} at step ${k}`);
      }
  }
}

const lessonArb = (conv: Convention) =>
  fc.record({
    sizes: fc.record({ B: fc.integer({ min: 1, max: 4 }), N: fc.integer({ min: 1, max: 4 }), T: fc.integer({ min: 1, max: 4 }) }),
    // Seeded lessons have values of a figure or two, as the app makes them; random ones have full doubles in [−3, 3].
    values: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 - 1 }), caseArb(4, fc.constant(conv))),
    scale: fc.constantFrom(1, 1, 1, 1e-5, 1e4),
    locale: fc.constantFrom(...LOCALES),
    step: fc.double({ min: 0, max: 1, noNaN: true }),
  });

type LessonCase = ReturnType<typeof lessonArb> extends fc.Arbitrary<infer V> ? V : never;

function contextOf(conv: Convention, loss: LossKind, activation: Activation, l: LessonCase): DerivationContext | null {
  const sizes = typeof l.values === 'number' ? l.sizes : { B: l.values.B, N: l.values.N, T: l.values.T };
  const base = typeof l.values === 'number' ? makeLesson({ convention: conv, loss, activation, ...sizes }, l.values) : inputsOf(l.values, conv);
  const inputs = scaledInputs(base, l.scale);
  try {
    return { convention: conv, loss, activation, sizes, inputs, outputs: computeLesson(conv, loss, inputs, activation) };
  } catch {
    return null; // a lesson that overflows is refused before anything is shown
  }
}

describe('the numbers line adds up to the result as shown', () => {
  const total: Tally = { lines: 0, notes: 0, over3: 0 };
  for (const conv of CONVENTIONS)
    for (const activation of ACTIVATIONS)
      it(`${conv}, ${activation}: every cell of every matrix, every loss`, () => {
        for (const loss of LOSS_KINDS) {
          fc.assert(
            fc.property(lessonArb(conv), (l) => {
              const ctx = contextOf(conv, loss, activation, l);
              if (ctx) checkLesson(ctx, l.locale, l.step, total, `${conv} ${loss} ${activation} ${JSON.stringify(ctx.sizes)} ×${l.scale}`);
            }),
            { seed: FC_SEED, numRuns: 8 },
          );
        }
      });
  it('needed more than 3 figures somewhere, and said so only rarely', () => {
    // Runs after the others (Vitest keeps the order within a file).
    expect(total.lines).toBeGreaterThan(1000);
    expect(total.over3).toBeGreaterThan(0);
    expect(total.notes / total.lines).toBeLessThan(0.02);
  });
});

describe('when the numbers cannot add up, the panel says so', () => {
  // Two lines that no number of figures up to 6 can make add up: terms that cancel to a hundred-thousandth of
  // their size, and tanh's slope 1 − y² where y = tanh(9) = 0.99999997 shows as −1 or 1.
  const lessons = [
    { act: 'identity', cell: { m: 'y', r: 0, c: 0 }, gives: '1e−8', c: { xl: [[1, 1]], wl: [[1.0000004], [-1]], bl: [1e-8] } },
    { act: 'tanh', cell: { m: 'dZ', r: 0, c: 0 }, gives: '0', c: { xl: [[9]], wl: [[1]], bl: [0] } },
  ] as const;
  for (const l of lessons)
    it(`${l.act}: ${l.cell.m} says its numbers give ${l.gives}`, () => {
      const B = 1, N = l.c.wl.length, T = 1;
      const inputs = inputsOf({ conv: 'row', B, N, T, xl: l.c.xl.map((r) => [...r]), wl: l.c.wl.map((r) => [...r]), bl: [...l.c.bl], tl: [[0]], cl: [0], gl: [[1]] });
      const ctx: DerivationContext = { convention: 'row', loss: 'sum', activation: l.act, sizes: { B, N, T }, inputs, outputs: computeLesson('row', 'sum', inputs, l.act) };
      const d = derive(ctx, l.cell);
      expect(checkLine(d, [], I18NS.en, numberFormat('en'), '.', l.cell.m)).toBe(true);
      expect(I18NS.en.msg(d.rounding!)).toBe(
        `The numbers above are rounded to 6 significant figures, so worked out as shown they give ${l.gives}; the result is worked out from the unrounded values.`,
      );
    });
});
