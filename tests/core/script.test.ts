import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  COARSE_TARGET,
  CONVENTIONS,
  LOSS_KINDS,
  buildScript,
  computeLesson,
  deriveAtStep,
  makeLesson,
  matrixShape,
  nodeShape,
  phaseJump,
  phaseShown,
  PHASES,
  samplesDoneAt,
  snapshotAt,
  stepWrites,
  type Activation,
  type DerivationContext,
  type Granularity,
  type LessonConfig,
  type LossKind,
  type MatrixName,
  type Snapshot,
} from '../../src/core/index.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

fc.configureGlobal({ seed: 20261122, numRuns: 60 });

const EN_STRINGS = createI18n('en', EN);

const ctxOf = (cfg: LessonConfig, seed: number): DerivationContext => {
  const inputs = makeLesson(cfg, seed);
  const activation = cfg.activation ?? 'identity';
  return { convention: cfg.convention, loss: cfg.loss, activation, lr: cfg.lr, sizes: cfg, inputs, outputs: computeLesson(cfg.convention, cfg.loss, inputs, activation, cfg.lr) };
};

const config = fc.record({
  convention: fc.constantFrom(...CONVENTIONS),
  loss: fc.constantFrom(...LOSS_KINDS),
  activation: fc.constantFrom(...ACTIVATIONS),
  B: fc.integer({ min: 1, max: 8 }),
  N: fc.integer({ min: 1, max: 8 }),
  T: fc.integer({ min: 1, max: 8 }),
});
const sizes = fc.record({ B: fc.integer({ min: 1, max: 8 }), N: fc.integer({ min: 1, max: 8 }), T: fc.integer({ min: 1, max: 8 }) });
const granularity = fc.constantFrom<Granularity>('fine', 'coarse');
const GRAINS: readonly Granularity[] = ['fine', 'coarse'];
const COMBOS = CONVENTIONS.flatMap((conv) => LOSS_KINDS.flatMap((loss) => ACTIVATIONS.map((act) => [conv, loss, act] as const)));

/** The matrices the script writes: z and dL/dz only with an activation, L only when there is a loss. */
function written(act: Activation, loss: LossKind): MatrixName[] {
  const L: MatrixName[] = loss === 'upstream' ? [] : ['L'];
  return act === 'identity' ? ['y', ...L, 'dY', 'dW', 'db', 'dX'] : ['z', 'y', ...L, 'dY', 'dZ', 'dW', 'db', 'dX'];
}

/** One node of a snapshot, which must be there. */
function node(snap: Snapshot, m: MatrixName): Float64Array {
  const a = snap[m];
  if (!a) throw new Error(`the snapshot has no ${m}`);
  return a;
}

describe('step script', () => {
  it.each(COMBOS)('%s, %s, %s: ends exactly on forward, the loss and backward, at both grains', (convention, loss, activation) => {
    fc.assert(
      fc.property(sizes, fc.integer(), (s, seed) => {
        const cfg: LessonConfig = { convention, loss, activation, ...s };
        const ctx = ctxOf(cfg, seed);
        for (const g of GRAINS) {
          const script = buildScript(ctx, g);
          expect(script.nodes, g).toEqual(written(activation, loss));
          const end = snapshotAt(ctx, script, script.steps.length);
          expect(Object.keys(end).sort(), g).toEqual([...script.nodes].sort());
          // Bit-for-bit: the script sums in the same order as the kernels.
          expect(Array.from(node(end, 'y')), g).toEqual(Array.from(ctx.outputs.y.data));
          expect(Array.from(node(end, 'dY')), g).toEqual(Array.from(ctx.outputs.dY.data));
          expect(Array.from(node(end, 'dW')), g).toEqual(Array.from(ctx.outputs.dW.data));
          expect(Array.from(node(end, 'db')), g).toEqual(Array.from(ctx.outputs.db));
          expect(Array.from(node(end, 'dX')), g).toEqual(Array.from(ctx.outputs.dX.data));
          if (activation !== 'identity') {
            expect(Array.from(node(end, 'z')), g).toEqual(Array.from(ctx.outputs.z.data));
            expect(Array.from(node(end, 'dZ')), g).toEqual(Array.from(ctx.outputs.dZ.data));
          }
          // With dL/dy given there is no loss to compute: L is not part of the script.
          if (loss === 'upstream') expect(end.L, g).toBeUndefined();
          else expect(node(end, 'L')[0], g).toBe(ctx.outputs.L);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('has every step write at least one cell, inside its matrix', () => {
    fc.assert(
      fc.property(config, granularity, (cfg, g) => {
        const ctx = ctxOf(cfg, 3);
        for (const st of buildScript(ctx, g).steps) {
          expect(stepWrites(st).length).toBeGreaterThan(0);
          for (const w of stepWrites(st)) {
            expect(w.cell.m).toBe(st.target);
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
        expect(coarse.nodes).toEqual(fine.nodes);
        const a = snapshotAt(ctx, fine, fine.steps.length);
        const b = snapshotAt(ctx, coarse, coarse.steps.length);
        for (const k of fine.nodes) expect(Array.from(node(a, k)), k).toEqual(Array.from(node(b, k)));
        expect(coarse.steps.length).toBeLessThanOrEqual(fine.steps.length);
      }),
    );
  });

  // One test per convention, so that each stays short on a loaded machine.
  for (const convention of CONVENTIONS) {
    it(`keeps the coarse script within COARSE_TARGET steps at every size up to 12, with or without an activation (${convention})`, () => {
      for (const activation of ACTIVATIONS)
        for (const loss of LOSS_KINDS)
          // The smallest and largest batches: the step count grows with B, so the largest is the one to bound.
          for (const B of [1, 12])
            for (const T of [1, 12]) {
              const ctx = ctxOf({ convention, loss, activation, B, N: 12, T }, 1);
              expect(buildScript(ctx, 'coarse').steps.length, `${convention}/${loss}/${activation} B=${B} T=${T}`).toBeLessThanOrEqual(COARSE_TARGET);
            }
    });
  }

  it('takes the largest lesson with an activation just past 40 coarse steps', () => {
    // At the largest size the activation's two steps take it past 40: z, dL/dx and the running sum dL/dW
    // take B steps each, y, L, dL/dy, dL/dz and dL/db one each.
    const big = buildScript(ctxOf({ convention: 'row', loss: 'mse', activation: 'sigmoid', B: 12, N: 12, T: 12 }, 1), 'coarse');
    expect(big.steps.length).toBe(3 * 12 + 5);
    expect(big.steps.length).toBeGreaterThan(40);
  });

  it('counts partial sums up from their previous values', () => {
    for (const activation of ACTIVATIONS) {
      const ctx = ctxOf({ convention: 'torch', loss: 'mse', activation, B: 3, N: 2, T: 2 }, 5);
      for (const g of GRAINS) {
        const script = buildScript(ctx, g);
        for (let k = 0; k < script.steps.length; k++) {
          const before = snapshotAt(ctx, script, k);
          for (const w of stepWrites(script.steps[k])) {
            const [, cols] = nodeShape(w.cell.m, ctx.convention, ctx.sizes, ctx.loss);
            const prev = node(before, w.cell.m)[w.cell.r * cols + w.cell.c];
            expect(w.from, `${activation} ${g} step ${k}`).toBe(Number.isNaN(prev) ? 0 : prev);
          }
        }
      }
    }
  });

  it('puts phases in order: forward, loss, backward', () => {
    for (const activation of ACTIVATIONS) {
      const ctx = ctxOf({ convention: 'column', loss: 'softmax-ce', activation, B: 2, N: 3, T: 2 }, 1);
      const s = buildScript(ctx, 'fine');
      expect(s.phaseStart.forward).toBe(0);
      // B·T dense cells one at a time, then (with an activation) y one sample at a time.
      expect(s.phaseStart.loss).toBe(activation === 'identity' ? 4 : 6);
      expect(s.phaseStart.backward).toBeGreaterThan(s.phaseStart.loss);
      const order = s.steps.map((st) => st.phase);
      expect(order.indexOf('backward')).toBeGreaterThan(order.lastIndexOf('forward'));
      expect(order.indexOf('backward')).toBeGreaterThan(order.lastIndexOf('loss'));
      expect(s.targetStart.y).toBe(activation === 'identity' ? 0 : 4);
      expect(s.targetStart.z).toBe(activation === 'identity' ? -1 : 0);
      expect(s.targetStart.dZ).toBe(activation === 'identity' ? -1 : s.phaseStart.backward);
    }
  });

  it('jumps to a phase onto its first step, shown as that phase, at every grain, loss and activation', () => {
    fc.assert(
      fc.property(config, granularity, fc.constantFrom(...PHASES), fc.option(fc.constantFrom(0.1, 0.003), { nil: undefined }), (cfg, g, p, lr) => {
        const s = buildScript(ctxOf({ ...cfg, lr }, 1), g);
        const k = phaseJump(s, p);
        // The loss phase has no steps when dL/dy is given upstream, and is not offered then; the update only comes with a learning rate.
        expect(s.phases).toEqual(PHASES.filter((q) => (q !== 'loss' || cfg.loss !== 'upstream') && (q !== 'update' || lr !== undefined)));
        if (k === null) {
          expect(s.phases).not.toContain(p);
          return;
        }
        // k steps have run, and the last of them, the one shown, is the phase's first.
        expect(phaseShown(s, k)).toBe(p);
        expect(s.steps[k - 1].phase).toBe(p);
        expect(k === 1 || s.steps[k - 2].phase !== p).toBe(true);
      }),
    );
  });

  it('says which phase is shown after k steps: the last step run, the first before any', () => {
    const s = buildScript(ctxOf({ convention: 'row', loss: 'mse', B: 2, N: 3, T: 2 }, 1), 'fine');
    expect(s.steps).toHaveLength(13);
    expect([0, 1, 4, 5, 6, 7, 13, 99].map((k) => phaseShown(s, k))).toEqual(['forward', 'forward', 'forward', 'loss', 'loss', 'loss', 'backward', 'backward']);
    // The case: Backward showed "Step 7 of 13 · loss", Loss "Step 4 of 13 · forward".
    expect(phaseJump(s, 'backward')).toBe(8);
    expect(phaseJump(s, 'loss')).toBe(5);
    expect(phaseJump(s, 'forward')).toBe(1);
  });

  it('names fine dense steps by the physical cell they write', () => {
    for (const activation of ['identity', 'relu'] as const) {
      const ctx = ctxOf({ convention: 'column', loss: 'mse', activation, B: 2, N: 3, T: 2 }, 1);
      const dense = activation === 'identity' ? 'y' : 'z';
      for (const st of buildScript(ctx, 'fine').steps.filter((x) => x.target === dense)) {
        const w = stepWrites(st)[0].cell;
        expect(stepWrites(st).length).toBe(1);
        expect(st.id).toBe(`${dense}-${w.r}-${w.c}`);
      }
    }
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
            const shown = node(snap, m)[0 * cols + 0];
            if (Number.isNaN(shown)) {
              expect(d.terms).toEqual([]);
              expect(d.progress.kind).toBe('pending');
            } else {
              expect(d.value).toBe(shown);
              // A running sum holds the samples added so far; a value written all at once holds them all.
              const running = script.schedules[m] === 'accumulate' && k < script.steps.length;
              const done = running ? samplesDoneAt(script, k)[m] : cfg.B;
              expect(d.terms.length).toBe(done);
              expect(d.progress).toEqual(done === cfg.B ? { kind: 'complete' } : { kind: 'partial', done, of: cfg.B });
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
    expect(d.progress).toEqual({ kind: 'pending', at: 4, of: script.steps.length });
    expect(d.value).toBeNaN();
    expect(EN_STRINGS.t('derivation.pendingNote', { at: 4, of: script.steps.length })).toMatch(/Not computed yet: this value is written at step 4 of/);
    expect(deriveAtStep(ctx, script, 3, { m: 'y', r: 1, c: 1 }).progress.kind).toBe('pending');
    expect(deriveAtStep(ctx, script, 4, { m: 'y', r: 1, c: 1 }).value).toBe(ctx.outputs.y.data[3]);
    expect(deriveAtStep(ctx, script, 4, { m: 'y', r: 1, c: 1 }).progress).toEqual({ kind: 'complete' });
  });

  it('says when a value is not computed yet, with an activation', () => {
    // Fine: z one cell at a time (steps 1–4), then y one sample at a time (steps 5 and 6).
    const ctx = ctxOf({ convention: 'row', loss: 'mse', activation: 'relu', B: 2, N: 3, T: 2 }, 1);
    const script = buildScript(ctx, 'fine');
    expect(deriveAtStep(ctx, script, 0, { m: 'z', r: 1, c: 1 }).progress).toEqual({ kind: 'pending', at: 4, of: script.steps.length });
    expect(deriveAtStep(ctx, script, 4, { m: 'y', r: 1, c: 1 }).progress).toEqual({ kind: 'pending', at: 6, of: script.steps.length });
    expect(deriveAtStep(ctx, script, 6, { m: 'y', r: 1, c: 1 }).value).toBe(ctx.outputs.y.data[3]);
    const dZ = script.targetStart.dZ;
    expect(deriveAtStep(ctx, script, dZ, { m: 'dZ', r: 0, c: 0 }).progress).toEqual({ kind: 'pending', at: dZ + 1, of: script.steps.length });
    expect(deriveAtStep(ctx, script, dZ + 1, { m: 'dZ', r: 0, c: 0 }).value).toBe(ctx.outputs.dZ.data[0]);
  });
});

describe('narration follows the convention', () => {
  it('names each forward step by the cell it writes, in the layout shown', () => {
    for (const activation of ['identity', 'tanh'] as const) {
      const ctx = ctxOf({ convention: 'column', loss: 'mse', activation, B: 2, N: 3, T: 2 }, 1);
      const dense = activation === 'identity' ? 'y' : 'z';
      const steps = buildScript(ctx, 'fine').steps;
      for (const st of steps.filter((x) => x.target === dense)) {
        const w = stepWrites(st)[0].cell; // column: y (and z) is [T, B], so y[j, s]
        expect(st.narration.text.key).toBe('narr.dense.cell');
        expect(st.narration.text.params?.cell).toEqual({ cell: w });
        expect([st.narration.text.params?.s, st.narration.text.params?.j]).toEqual([w.c, w.r]);
        expect(EN_STRINGS.msg(st.narration.text).startsWith(`${dense}[${w.r},${w.c}]:`)).toBe(true);
      }
      const s1 = steps[1]; // s = 0, j = 1: cell (1, 0) in column
      expect(EN_STRINGS.msg(s1.narration.text).startsWith(`${dense}[1,0]:`)).toBe(true);
    }
  });

  it('narrates the activation steps by sample at the fine grain and all at once at the coarse one', () => {
    const ctx = ctxOf({ convention: 'row', loss: 'sum', activation: 'sigmoid', B: 3, N: 2, T: 2 }, 1);
    const fine = buildScript(ctx, 'fine').steps;
    const ys = fine.filter((st) => st.target === 'y');
    expect(ys.map((st) => st.narration.text)).toEqual([0, 1, 2].map((s) => ({ key: 'narr.activation.sample', params: { fn: { key: 'activation.sigmoid.name' }, s } })));
    const dZs = fine.filter((st) => st.target === 'dZ');
    expect(dZs.map((st) => st.narration.text)).toEqual([0, 1, 2].map((s) => ({ key: 'narr.dZ.sample', params: { fn: { key: 'activation.sigmoid.name' }, s } })));
    const coarse = buildScript(ctx, 'coarse').steps;
    expect(coarse.filter((st) => st.target === 'y').map((st) => st.narration.text.key)).toEqual(['narr.activation.all']);
    expect(coarse.filter((st) => st.target === 'dZ').map((st) => st.narration.text.key)).toEqual(['narr.dZ.all']);
    expect(EN_STRINGS.msg(ys[1].narration.text)).toBe('Sample 1: sigmoid is applied to each of its values of z.');
  });
});
