// Exercises: every stated answer against the independent reference, every planted bug changes its gradient and is
// caught by central differences, and a set is the same for the same seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUG_IDS, bugsFor, buggyGradient, checkAnswer, exerciseSet, hintAt, kindsOf, makeExercise, numericGradient } from '../../src/core/exercises/engine.ts';
import {
  computeLesson,
  makeLesson,
  type Activation,
  type CellRef,
  type Convention,
  type DerivationContext,
  type Exercise,
  type LossKind,
} from '../../src/core/index.ts';
import { ACTS, CONVS, FC_SEED, LOSSES, expectClose, layoutW, layoutX, layoutY, logicalW, logicalX, logicalY, naiveLesson, type Case } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 40 });

interface Lesson {
  ctx: DerivationContext;
  ref: ReturnType<typeof naiveLesson>;
}

/** A seeded lesson, and the reference's values for it (from the logical inputs alone). */
function lesson(convention: Convention, loss: LossKind, activation: Activation, B: number, N: number, T: number, seed: number): Lesson {
  const sizes = { B, N, T };
  const inputs = makeLesson({ convention, loss, activation, ...sizes }, seed);
  const outputs = computeLesson(convention, loss, inputs, activation);
  const c: Case = { conv: convention, B, N, T, xl: logicalX(convention, inputs.x), wl: logicalW(convention, inputs.W), bl: Array.from(inputs.b), tl: logicalY(convention, inputs.targetMatrix), cl: inputs.targetClasses, gl: logicalY(convention, inputs.upstream) };
  return { ctx: { convention, loss, activation, sizes, inputs, outputs }, ref: naiveLesson(loss, activation, c) };
}

const lessonArb = fc
  .record({
    conv: fc.constantFrom(...CONVS),
    loss: fc.constantFrom(...LOSSES),
    act: fc.constantFrom(...ACTS),
    B: fc.integer({ min: 1, max: 4 }),
    N: fc.integer({ min: 1, max: 4 }),
    T: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: -1000, max: 1000 }),
  })
  .map((p) => lesson(p.conv, p.loss, p.act, p.B, p.N, p.T, p.seed));

/** The reference's value of any cell, laid out as the lesson shows it (b and db as a row, or a column in the column convention). */
function refValue(l: Lesson, cell: CellRef): number {
  const conv = l.ctx.convention;
  const { ref } = l;
  const y = (g: number[][]) => layoutY(conv, g);
  const m = { y: y(ref.y), z: y(ref.z), dY: y(ref.dY), dZ: y(ref.dZ), dW: layoutW(conv, ref.dW), dX: layoutX(conv, ref.dX) } as const;
  if (cell.m === 'db') return ref.db[cell.r + cell.c];
  const mat = m[cell.m as keyof typeof m];
  return mat.data[cell.r * mat.cols + cell.c];
}

/** What a cell depends on, written from the convention table by logical indices (not from core's rules). */
function refDeps(l: Lesson, cell: CellRef): string[] {
  const { convention: conv, loss, activation: act = 'identity', sizes } = l.ctx;
  const sAt = (r: number, c: number) => (conv === 'column' ? { s: c, j: r } : { s: r, j: c });
  const out: string[] = [];
  const y = (m: string, s: number, j: number) => out.push(conv === 'column' ? `${m}:${j},${s}` : `${m}:${s},${j}`);
  const x = (m: string, s: number, i: number) => out.push(conv === 'column' ? `${m}:${i},${s}` : `${m}:${s},${i}`);
  const w = (i: number, j: number) => out.push(conv === 'row' ? `W:${i},${j}` : `W:${j},${i}`);
  const G = act === 'identity' ? 'dY' : 'dZ';
  const range = (n: number) => Array.from({ length: n }, (_, k) => k);
  if ((cell.m === 'y' && act === 'identity') || cell.m === 'z') {
    const { s, j } = sAt(cell.r, cell.c);
    range(sizes.N).forEach((i) => x('x', s, i));
    range(sizes.N).forEach((i) => w(i, j));
    out.push(conv === 'column' ? `b:${j},0` : `b:0,${j}`);
  } else if (cell.m === 'y') {
    const { s, j } = sAt(cell.r, cell.c);
    y('z', s, j);
  } else if (cell.m === 'dY') {
    const { s, j } = sAt(cell.r, cell.c);
    if (loss === 'mse') {
      y('y', s, j);
      y('target', s, j);
    }
    // The plain sum's slope 1 is read at y, as its derivation writes ∂(Σ y)/∂y.
    if (loss === 'sum') y('y', s, j);
    if (loss === 'softmax-ce') {
      range(sizes.T).forEach((k) => y('y', s, k));
      out.push(`target:0,${s}`);
    }
  } else if (cell.m === 'dZ') {
    const { s, j } = sAt(cell.r, cell.c);
    y('dY', s, j);
    y(act === 'relu' ? 'z' : 'y', s, j);
  } else if (cell.m === 'dW') {
    const [i, j] = conv === 'row' ? [cell.r, cell.c] : [cell.c, cell.r];
    range(sizes.B).forEach((s) => (x('x', s, i), y(G, s, j)));
  } else if (cell.m === 'db') {
    range(sizes.B).forEach((s) => y(G, s, cell.r + cell.c));
  } else if (cell.m === 'dX') {
    const [s, i] = conv === 'column' ? [cell.c, cell.r] : [cell.r, cell.c];
    range(sizes.T).forEach((j) => (w(i, j), y(G, s, j)));
  }
  return [...new Set(out)].sort();
}

/** Shapes from the convention table: X [B,N] (column [N,B]), W [N,T] (row) or [T,N], Y [B,T] (column [T,B]), b [1,T] (column [T,1]). */
function refShape(l: Lesson, m: string): [number, number] {
  const { B, N, T } = l.ctx.sizes;
  const col = l.ctx.convention === 'column';
  if (m === 'dW' || m === 'W') return l.ctx.convention === 'row' ? [N, T] : [T, N];
  if (m === 'dX' || m === 'x') return col ? [N, B] : [B, N];
  if (m === 'db' || m === 'b') return col ? [T, 1] : [1, T];
  return col ? [T, B] : [B, T];
}

const key = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

function checkAgainstReference(l: Lesson, ex: Exercise): void {
  const { B, N, T } = l.ctx.sizes;
  if (ex.kind === 'predict') {
    expect(ex.answer).toBeCloseTo(refValue(l, ex.cell), 10);
    expect(ex.tolerance).toBeGreaterThan(0);
    expect(checkAnswer(ex, { kind: 'predict', text: String(refValue(l, ex.cell)) }).status).toBe('correct');
    expect(checkAnswer(ex, { kind: 'predict', text: String(ex.answer + 10 * ex.tolerance + 1) }).status).toBe('wrong');
  } else if (ex.kind === 'deps') {
    expect(ex.answer.map(key).sort()).toEqual(refDeps(l, ex.cell));
    expect(checkAnswer(ex, { kind: 'deps', cells: [...ex.answer].reverse() }).status).toBe('correct');
    expect(checkAnswer(ex, { kind: 'deps', cells: ex.answer.slice(1).concat(ex.answer.length === 1 ? [ex.cell] : []) }).status).toBe('wrong');
    for (const c of ex.answer) expect(ex.from).toContain(c.m);
  } else if (ex.kind === 'shape') {
    const { B: b, N: n, T: t } = { B, N, T };
    const size = { W: n * t, x: b * n, b: t, z: b * t } as const;
    const want = 'gradient' in ex.of ? refShape(l, ex.of.gradient) : [b * t, size[({ 'dY/dW': 'W', 'dY/dX': 'x', 'dY/db': 'b', 'dY/dZ': 'z' } as const)[ex.of.jacobian]]];
    expect(ex.answer).toEqual(want);
    expect(checkAnswer(ex, { kind: 'shape', rows: String(want[0]), cols: String(want[1]) }).status).toBe('correct');
    expect(checkAnswer(ex, { kind: 'shape', rows: String(want[1] + 1), cols: String(want[0]) }).status).toBe('wrong');
  } else if (ex.kind === 'formula') {
    expect(ex.options[ex.answer]).toBe(RULES[l.ctx.convention][ex.node as 'dW' | 'dX'](l.ctx.activation === 'identity' ? 'Y' : 'Z'));
    expect(new Set(ex.options).size).toBe(ex.options.length);
    expect(ex.options.length).toBe(4);
  } else {
    checkBug(l, ex);
  }
}

// The backward rules as DESIGN.md's table writes them, G = dL/dY (dL/dZ after an activation).
const d = (v: string) => `\\frac{\\partial L}{\\partial ${v}}`;
const tT = (v: string) => `\\left(${d(v)}\\right)^{\\top}`;
const RULES: Record<Convention, Record<'dW' | 'dX', (g: string) => string>> = {
  row: { dW: (g) => `${d('W')} = X^{\\top} ${d(g)}`, dX: (g) => `${d('X')} = ${d(g)} W^{\\top}` },
  torch: { dW: (g) => `${d('W')} = ${tT(g)} X`, dX: (g) => `${d('X')} = ${d(g)} W` },
  column: { dW: (g) => `${d('W')} = ${d(g)} X^{\\top}`, dX: (g) => `${d('X')} = W^{\\top} ${d(g)}` },
};

function checkBug(l: Lesson, ex: Extract<Exercise, { kind: 'bug' }>): void {
  for (const g of ex.gradients) {
    // The numeric check agrees with the reference's gradient everywhere (it checks, it is not checked).
    g.numeric.forEach((v, k) => expect(Math.abs(v - refValue(l, { m: g.node, r: Math.floor(k / g.cols), c: k % g.cols }))).toBeLessThan(1e-5 * Math.max(1, Math.abs(v))));
    if (g.node === ex.answer) expect(g.ok.some((ok) => !ok)).toBe(true);
    else expect(g.ok.every(Boolean)).toBe(true);
  }
  expect(checkAnswer(ex, { kind: 'bug', node: ex.answer }).status).toBe('correct');
}

/** No relu output sits so near its kink that a nudge of 1e-5 crosses it (the numeric slope is then neither 0 nor 1). */
const smooth = (l: Lesson) => l.ctx.activation !== 'relu' || Array.from(l.ctx.outputs.z.data).every((z) => Math.abs(z) > 1e-3);

describe('exercises', () => {
  it('state answers the independent reference gives, for every kind, convention, loss and activation', () => {
    fc.assert(
      fc.property(lessonArb, fc.integer(), (l, seed) => {
        fc.pre(smooth(l));
        for (const kind of ['predict', 'deps', 'shape', 'formula', 'bug'] as const)
          for (let index = 0; index < 2; index++) {
            const ex = makeExercise(l.ctx, kind, seed, index);
            if (ex === null) expect(kind === 'bug' && bugsFor(l.ctx).length === 0 ? true : bugsFor(l.ctx).length > 0).toBe(true);
            else checkAgainstReference(l, ex);
          }
      }),
      { numRuns: 25 },
    );
  });

  it('plant every mistake so that it changes its gradient as its wrong formula says, and the central differences catch it', () => {
    for (const conv of CONVS)
      for (const [loss, act] of [['softmax-ce', 'sigmoid'], ['mse', 'tanh'], ['upstream', 'identity']] as const) {
        const l = lesson(conv, loss, act, 3, 2, 2, 11);
        const found = bugsFor(l.ctx);
        for (const { bug, node } of found) {
          const wrong = buggyGradient(l.ctx, bug, node);
          const right = numericGradient(l.ctx, node);
          const refs = Array.from(wrong, (_, k) => refValue(l, { m: node, r: Math.floor(k / refShape(l, node)[1]), c: k % refShape(l, node)[1] }));
          expectClose(right, refs, 1e-6, `${bug} ${node} numeric`);
          expect(Array.from(wrong).some((v, k) => Math.abs(v - refs[k]) > 1e-3 * Math.max(1, Math.abs(refs[k])))).toBe(true);
          if (bug === 'mean') expectClose(wrong, refs.map((v) => v / 3), 1e-12, 'mean is the sum over B');
        }
        // Every mistake is planted somewhere among these lessons.
        if (conv === 'row' && loss === 'softmax-ce') expect(new Set(found.map((f) => f.bug))).toEqual(new Set(['transpose', 'batch-sum', 'mean', 'softmax', 'slope-at-y']));
      }
    expect(BUG_IDS).toHaveLength(5);
  });

  it('are the same for the same seed and lesson, and differ between seeds', () => {
    fc.assert(
      fc.property(lessonArb, fc.integer(), fc.boolean(), (l, seed, adaptive) => {
        const spec = { kinds: ['predict', 'deps', 'shape', 'formula', 'bug'] as const, count: 6, seed, adaptive };
        expect(exerciseSet(l.ctx, spec)).toEqual(exerciseSet(l.ctx, spec));
      }),
      { numRuns: 15 },
    );
    const l = lesson('row', 'mse', 'identity', 3, 3, 3, 7);
    const sets = new Set([1, 2, 3, 4, 5].map((seed) => JSON.stringify(exerciseSet(l.ctx, { kinds: ['predict'], count: 4, seed, adaptive: false }).map((e) => e.kind === 'predict' && e.cell))));
    expect(sets.size).toBeGreaterThan(1);
  });

  it('refuse empty answers and non-numbers with a message, and give three hints that never state the answer', () => {
    const l = lesson('torch', 'mse', 'relu', 2, 3, 2, 7);
    const ex = makeExercise(l.ctx, 'predict', 1, 0);
    if (!ex || ex.kind !== 'predict') throw new Error('no predict exercise');
    expect(checkAnswer(ex, { kind: 'predict', text: '  ' })).toEqual({ status: 'invalid', problem: { key: 'quiz.problem.empty' } });
    expect(checkAnswer(ex, { kind: 'predict', text: '1.2.3' })).toEqual({ status: 'invalid', problem: { key: 'quiz.problem.notNumber' } });
    const hints = [1, 2, 3].map((k) => hintAt(l.ctx, ex, k));
    expect(hints.map((h) => h.text.key)).toEqual(['quiz.hint.factors', 'quiz.hint.rule', 'quiz.hint.numbers']);
    expect(hints[0].cells.length).toBeGreaterThan(0);
    for (const h of hints) expect(h.tex).not.toContain(`= ${String(ex.answer)}`);
    const shape = makeExercise(l.ctx, 'shape', 1, 0);
    if (!shape || shape.kind !== 'shape') throw new Error('no shape exercise');
    expect(checkAnswer(shape, { kind: 'shape', rows: '2.5', cols: '1' })).toEqual({ status: 'invalid', problem: { key: 'quiz.problem.notWhole' } });
  });

  it('adapt: later exercises come more often of the kinds missed', () => {
    const kinds = ['predict', 'deps', 'shape', 'formula', 'bug'] as const;
    let missed = 0;
    let plain = 0;
    for (let seed = 0; seed < 60; seed++) {
      const spec = { kinds, count: 10, seed, adaptive: true };
      const first = kindsOf(spec);
      expect(kindsOf({ ...spec, adaptive: false })).toEqual(first);
      const outcomes = first.slice(0, 3).map((kind) => ({ kind, correct: kind !== first[0] }));
      const after = kindsOf(spec, outcomes);
      expect(after.slice(0, 3)).toEqual(first.slice(0, 3));
      missed += after.slice(3).filter((k) => k === first[0]).length;
      plain += first.slice(3).filter((k) => k === first[0]).length;
    }
    expect(missed).toBeGreaterThan(plain * 1.5);
  });
});
