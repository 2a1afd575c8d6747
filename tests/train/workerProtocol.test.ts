import { describe, expect, it } from 'vitest';
import { createRng, digitsData, regressionData, startRun, trainUpdates, ValidationError, type Dataset, type TrainConfig, type TrainRun } from '../../src/core/index.ts';
import { handle, initialWorkerState, replyError, type WorkerReply, type WorkerRequest, type WorkerState } from '../../src/train/workerProtocol.ts';
import { createWorkerTrainer, type WorkerLike } from '../../src/train/workerTrainer.ts';

/** Synthetic digits: `n` samples of 784 seeded random bytes, labels 0 to 9. */
function fakeDigits(n: number, seed: number): Dataset {
  const r = createRng(seed);
  const pixels = Uint8Array.from({ length: n * 784 }, () => r.int(256));
  const labels = Uint8Array.from({ length: n }, () => r.int(10));
  return digitsData(pixels, labels, seed);
}

/** Every number of the run, in order, so two runs compare with Object.is one by one. */
function numbers(run: TrainRun): unknown[] {
  const epochs = run.epochs.flatMap((e) => [e.epoch, e.updates, e.trainLoss, e.testLoss, e.trainAccuracy, e.testAccuracy]);
  return [run.W.rows, run.W.cols, ...run.W.data, ...run.b, run.epoch, run.cursor, run.updates, run.losses.length, ...run.losses, run.epochs.length, ...epochs];
}

function expectBitIdentical(got: TrainRun, want: TrainRun): void {
  const a = numbers(got), b = numbers(want);
  expect(a.length).toBe(b.length);
  const differ = a.findIndex((v, k) => !Object.is(v, b[k]));
  expect(differ).toBe(-1);
}

/** The worker's side, with each message cloned both ways as postMessage clones it. */
function protocol() {
  let state: WorkerState = initialWorkerState();
  return (m: WorkerRequest): WorkerReply | null => {
    const out = handle(state, structuredClone(m));
    state = out.state;
    return out.reply === null ? null : structuredClone(out.reply);
  };
}

function viaProtocol(data: Dataset, config: TrainConfig, chunks: number[]): TrainRun {
  const send = protocol();
  expect(send({ kind: 'dataset', id: 1, data })).toBeNull();
  const started = send({ kind: 'start', call: 100, datasetId: 1, config });
  if (started?.kind !== 'run') throw new Error(`start failed: ${JSON.stringify(started)}`);
  expectBitIdentical(started.run, startRun(data, config));
  let run = started.run;
  chunks.forEach((count, call) => {
    const reply = send({ kind: 'updates', call, datasetId: 1, config, run, count });
    if (reply?.kind !== 'run') throw new Error(`call ${call} failed: ${JSON.stringify(reply)}`);
    run = reply.run;
  });
  return run;
}

const digits = fakeDigits(300, 5);
const regression = regressionData(2, 100);
const cases: { name: string; data: Dataset; config: TrainConfig }[] = [
  { name: 'digits, row, identity', data: digits, config: { convention: 'row', activation: 'identity', lr: 0.1, batch: 32, epochs: 3, seed: 1 } },
  { name: 'digits, torch, relu', data: digits, config: { convention: 'torch', activation: 'relu', lr: 0.05, batch: 17, epochs: 2, seed: 9 } },
  { name: 'digits, column, sigmoid', data: digits, config: { convention: 'column', activation: 'sigmoid', lr: 0.2, batch: 64, epochs: 2, seed: 3 } },
  { name: 'regression (mse), row, tanh', data: regression, config: { convention: 'row', activation: 'tanh', lr: 0.01, batch: 10, epochs: 4, seed: 2 } },
];

describe('training worker protocol', () => {
  for (const { name, data, config } of cases) {
    it(`gives the run trainUpdates gives in one go, bit for bit, in one call and in chunks: ${name}`, () => {
      const total = Math.ceil(data.train.length / config.batch) * config.epochs;
      const want = trainUpdates(startRun(data, config), data, config, total);
      expect(want.epoch).toBe(config.epochs);
      expectBitIdentical(viaProtocol(data, config, [total]), want);
      // Chunks that end mid-epoch, exactly at an epoch's end, and ask for more than is left.
      expectBitIdentical(viaProtocol(data, config, [1, 6, Math.ceil(data.train.length / config.batch) - 7, 5, total]), want);
      expectBitIdentical(viaProtocol(data, config, Array.from({ length: total }, () => 1)), want);
    });
  }

  it('answers a failed call with its error, a ValidationError kept as one', () => {
    const send = protocol();
    send({ kind: 'dataset', id: 4, data: regression });
    const config: TrainConfig = { convention: 'row', activation: 'identity', lr: 0.1, batch: 10, epochs: 1, seed: 1 };
    const run = startRun(regression, config);
    const bad = send({ kind: 'updates', call: 7, datasetId: 4, config: { ...config, lr: -1 }, run, count: 3 });
    expect(bad).toMatchObject({ kind: 'error', call: 7, name: 'ValidationError', field: 'lr' });
    if (bad?.kind !== 'error') throw new Error('not an error');
    const err = replyError(bad);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/learning rate must be a finite number above 0, not -1/);
    expect((err as ValidationError).userMessage?.key).toBe('train.error.lr');
    expect(send({ kind: 'updates', call: 8, datasetId: 5, config, run, count: 1 })).toMatchObject({ kind: 'error', call: 8, message: expect.stringMatching(/no dataset 5/) });
    send({ kind: 'drop', id: 4 });
    expect(send({ kind: 'updates', call: 9, datasetId: 4, config, run, count: 1 })).toMatchObject({ kind: 'error', call: 9 });
    expect(handle(initialWorkerState(), 'nonsense').reply).toBeNull();
    expect(handle(initialWorkerState(), { kind: 'what', call: 3 }).reply).toMatchObject({ kind: 'error', call: 3, message: expect.stringMatching(/does not understand/) });
  });
});

/** A stand-in worker: the protocol run asynchronously, every message cloned, and a count of what was sent. */
function fakeWorker(log: WorkerRequest[]): WorkerLike {
  let state = initialWorkerState();
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(m) {
      const copy = structuredClone(m);
      log.push(copy);
      setTimeout(() => {
        const out = handle(state, copy);
        state = out.state;
        if (out.reply !== null) w.onmessage?.(new MessageEvent('message', { data: structuredClone(out.reply) }));
      }, 0);
    },
    terminate() {},
  };
  return w;
}

describe('createWorkerTrainer', () => {
  const config: TrainConfig = { convention: 'row', activation: 'identity', lr: 0.1, batch: 32, epochs: 2, seed: 1 };

  it('sends each dataset once, resolves calls in parallel, and matches trainUpdates bit for bit', async () => {
    const log: WorkerRequest[] = [];
    const trainer = createWorkerTrainer(() => fakeWorker(log));
    const start = startRun(digits, config);
    const [a, b] = await Promise.all([trainer.updates(digits, config, start, 5), trainer.updates(digits, config, start, 9)]);
    expectBitIdentical(a, trainUpdates(start, digits, config, 5));
    expectBitIdentical(b, trainUpdates(start, digits, config, 9));
    expectBitIdentical(await trainer.start(digits, config), start);
    const c = await trainer.updates(digits, config, a, 4);
    expectBitIdentical(c, b);
    expect(log.filter((m) => m.kind === 'dataset')).toHaveLength(1);
    await expect(trainer.updates(digits, { ...config, batch: 0 }, start, 1)).rejects.toThrow(/batch size must be a whole number/);
    trainer.dispose();
  });

  it('keeps at most two datasets in the worker and sends a dropped one again', async () => {
    const log: WorkerRequest[] = [];
    const trainer = createWorkerTrainer(() => fakeWorker(log));
    const sets = [fakeDigits(40, 1), fakeDigits(40, 2), fakeDigits(40, 3)];
    for (const d of [...sets, sets[0]]) await trainer.updates(d, config, startRun(d, config), 1);
    expect(log.map((m) => m.kind)).toEqual(['dataset', 'updates', 'dataset', 'updates', 'dataset', 'drop', 'updates', 'dataset', 'drop', 'updates']);
    trainer.dispose();
  });

  it('rejects, never throws, when the worker fails or is disposed', async () => {
    const log: WorkerRequest[] = [];
    let worker: WorkerLike | null = null;
    const trainer = createWorkerTrainer(() => (worker = { ...fakeWorker(log), postMessage: () => {} }));
    const start = startRun(digits, config);
    const waiting = trainer.updates(digits, config, start, 1);
    const event = new Event('error') as ErrorEvent;
    Object.defineProperty(event, 'message', { value: 'boom' });
    (worker as WorkerLike | null)?.onerror?.(event);
    await expect(waiting).rejects.toThrow(/training worker failed: boom/);
    await expect(trainer.updates(digits, config, start, 1)).rejects.toThrow(/boom/);

    const other = createWorkerTrainer(() => ({ ...fakeWorker(log), postMessage: () => {} }));
    const left = other.updates(digits, config, start, 1);
    other.dispose();
    await expect(left).rejects.toThrow(/disposed/);
    await expect(other.updates(digits, config, start, 1)).rejects.toThrow(/disposed/);
    await expect(createWorkerTrainer(() => { throw new Error('no workers here'); }).updates(digits, config, start, 1)).rejects.toThrow(/no workers here/);
  });
});
