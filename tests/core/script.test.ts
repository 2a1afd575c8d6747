import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COARSE_TARGET,
  CONVENTIONS,
  LOSS_KINDS,
  buildScript,
  computeLesson,
  deriveAtStep,
  makeLesson,
  matrixShape,
  samplesDoneAt,
  snapshotAt,
  type DerivationContext,
  type Granularity,
  type LessonConfig,
} from '../../src/core/index.ts';

fc.configureGlobal({ seed: 20261122, numRuns: 60 });

const ctxOf = (cfg: LessonConfig, seed: number): DerivationContext => {
  const inputs = makeLesson(cfg, seed);
  return { convention: cfg.convention, loss: cfg.loss, sizes: cfg, inputs, outputs: computeLesson(cfg.convention, cfg.loss, inputs) };
};

const config = fc.record({
  convention: fc.constantFrom(...CONVENTIONS),
  loss: fc.constantFrom(...LOSS_KINDS),
  B: fc.integer({ min: 1, max: 8 }),
  N: fc.integer({ min: 1, max: 8 }),
  T: fc.integer({ min: 1, max: 8 }),
});
const granularity = fc.constantFrom<Granularity>('fine', 'coarse');

describe('step script', () => {
  it('ends exactly on forward, the loss and backward', () => {
    fc.assert(
      fc.property(config, fc.integer(), granularity, (cfg, seed, g) => {
        const ctx = ctxOf(cfg, seed);
        const script = buildScript(ctx, g);
        const end = snapshotAt(ctx, script, script.steps.length);
        // Bit-for-bit: the script sums in the same order as the kernels.
        expect(Array.from(end.y)).toEqual(Array.from(ctx.outputs.y.data));
        expect(Array.from(end.dY)).toEqual(Array.from(ctx.outputs.dY.data));
        expect(Array.from(end.dW)).toEqual(Array.from(ctx.outputs.dW.data));
        expect(Array.from(end.db)).toEqual(Array.from(ctx.outputs.db));
        expect(Array.from(end.dX)).toEqual(Array.from(ctx.outputs.dX.data));
        if (cfg.loss === 'upstream') expect(Number.isNaN(end.L[0])).toBe(true);
        else expect(end.L[0]).toBe(ctx.outputs.L);
      }),
    );
  });

  it('has every step write at least one cell, inside its matrix', () => {
    fc.assert(
      fc.property(config, granularity, (cfg, g) => {
        const ctx = ctxOf(cfg, 3);
        for (const st of buildScript(ctx, g).steps) {
          expect(st.writes.length).toBeGreaterThan(0);
          for (const w of st.writes) {
            const [r, c] = matrixShape(cfg.convention, cfg, w.cell.m);
            expect(w.cell.r).toBeLessThan(r);
            expect(w.cell.c).toBeLessThan(c);
            expect(Number.isFinite(w.value)).toBe(true);
          }
        }
      }),
    );
  });

  it('gives fine and coarse scripts the same final state', () => {
    fc.assert(
      fc.property(config, fc.integer(), (cfg, seed) => {
        const ctx = ctxOf(cfg, seed);
        const fine = buildScript(ctx, 'fine');
        const coarse = buildScript(ctx, 'coarse');
        const a = snapshotAt(ctx, fine, fine.steps.length);
        const b = snapshotAt(ctx, coarse, coarse.steps.length);
        for (const k of ['y', 'L', 'dY', 'dW', 'db', 'dX'] as const) expect(Array.from(a[k])).toEqual(Array.from(b[k]));
        expect(coarse.steps.length).toBeLessThanOrEqual(fine.steps.length);
      }),
    );
  });

  it('keeps the coarse script to about 40 steps at every size up to 12', () => {
    for (const B of [1, 5, 12])
      for (const T of [1, 12]) {
        const ctx = ctxOf({ convention: 'row', loss: 'mse', B, N: 12, T }, 1);
        expect(buildScript(ctx, 'coarse').steps.length).toBeLessThanOrEqual(COARSE_TARGET);
      }
  });

  it('counts partial sums up from their previous values', () => {
    const ctx = ctxOf({ convention: 'torch', loss: 'mse', B: 3, N: 2, T: 2 }, 5);
    const script = buildScript(ctx, 'fine');
    for (let k = 0; k < script.steps.length; k++) {
      const before = snapshotAt(ctx, script, k);
      for (const w of script.steps[k].writes) {
        const m = w.cell.m as 'y' | 'dW' | 'db';
        const cols = m === 'db' ? ctx.outputs.db.length : ctx.outputs[m === 'y' ? 'y' : 'dW'].cols;
        const prev = before[m][w.cell.r * cols + w.cell.c];
        expect(w.from).toBe(Number.isNaN(prev) ? 0 : prev);
      }
    }
  });

  it('puts phases in order: forward, loss, backward', () => {
    const ctx = ctxOf({ convention: 'column', loss: 'softmax-ce', B: 2, N: 3, T: 2 }, 1);
    const s = buildScript(ctx, 'fine');
    expect(s.phaseStart.forward).toBe(0);
    expect(s.phaseStart.loss).toBe(4);
    expect(s.phaseStart.backward).toBeGreaterThan(s.phaseStart.loss);
    const order = s.steps.map((st) => st.phase);
    expect(order.indexOf('backward')).toBeGreaterThan(order.lastIndexOf('forward'));
  });
});

describe('derivations part-way through the script', () => {
  it('explain exactly the partial value on screen', () => {
    fc.assert(
      fc.property(config, granularity, (cfg, g) => {
        const ctx = ctxOf(cfg, 11);
        const script = buildScript(ctx, g);
        for (let k = 0; k <= script.steps.length; k++) {
          const snap = snapshotAt(ctx, script, k);
          for (const m of ['dW', 'db'] as const) {
            const cols = m === 'db' ? cfg.T : ctx.outputs.dW.cols;
            const d = deriveAtStep(ctx, script, k, { m, r: 0, c: 0 });
            const shown = snap[m][0 * cols + 0];
            if (Number.isNaN(shown)) expect(d.terms).toEqual([]);
            else {
              expect(d.value).toBe(shown);
              expect(d.terms.length).toBe(k >= script.steps.length ? cfg.B : samplesDoneAt(script, k)[m]);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('says when a value is not computed yet', () => {
    const ctx = ctxOf({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 1);
    const script = buildScript(ctx, 'fine');
    const d = deriveAtStep(ctx, script, 0, { m: 'y', r: 1, c: 1 });
    expect(d.note).toMatch(/Not computed yet: this value is written at step 4 of/);
    expect(deriveAtStep(ctx, script, 4, { m: 'y', r: 1, c: 1 }).value).toBe(ctx.outputs.y.data[3]);
  });
});

describe('narration follows the convention', () => {
  it('names each forward step by the cell it writes, in the layout shown', () => {
    const ctx = ctxOf({ convention: 'column', loss: 'mse', B: 2, N: 3, T: 2 }, 1);
    for (const st of buildScript(ctx, 'fine').steps.filter((x) => x.target === 'y')) {
      const w = st.writes[0].cell; // column: y is [T, B], so y[j, s]
      expect(st.narration.text.startsWith(`y[${w.r},${w.c}]:`)).toBe(true);
    }
    const s1 = buildScript(ctx, 'fine').steps[1]; // s = 0, j = 1: cell (1, 0) in column
    expect(s1.narration.text.startsWith('y[1,0]:')).toBe(true);
  });
});
