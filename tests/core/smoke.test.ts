import { describe, expect, it } from 'vitest';
import { computeLesson, derive, makeLesson, gradCheck, type LessonConfig } from '../../src/core/index.ts';

describe('smoke', () => {
  it('computes a default lesson and a derivation', () => {
    for (const convention of ['row', 'torch', 'column'] as const) {
      for (const loss of ['mse', 'softmax-ce', 'sum', 'upstream'] as const) {
        const cfg: LessonConfig = { convention, loss, B: 2, N: 3, T: 2 };
        const inputs = makeLesson(cfg, 1);
        const outputs = computeLesson(convention, loss, inputs);
        const ctx = { convention, loss, sizes: cfg, inputs, outputs };
        for (const m of ['y', 'dW', 'dX', 'db', 'dY', 'L'] as const) {
          const d = derive(ctx, { m, r: 0, c: 0 });
          if (d.terms.length) expect(d.scale * d.terms.reduce((a, t) => a + t.value, 0)).toBeCloseTo(d.value, 12);
        }
        expect(gradCheck(convention, loss, inputs).maxRelError).toBeLessThan(1e-6);
      }
    }
  });
});
