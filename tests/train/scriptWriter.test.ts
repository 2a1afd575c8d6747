// Writing a run's training script off the page: a large run's script comes from a worker (here a stand-in that
// runs the worker's own handling with each message structured-cloned, as postMessage does), the very text the
// page would write; a small run's is written in the page; a worker that fails or cannot start leaves the page
// to write it; a script no longer wanted stops its worker; bad messages get an error reply, never a throw.
import { describe, expect, it, vi } from 'vitest';
import { createRng, digitsData, regressionData, type Dataset, type TrainConfig } from '../../src/core/index.ts';
import { trainingProgram } from '../../src/core/export/trainScript.ts';
import { answerScript, type ScriptReply, type ScriptRequest } from '../../src/train/scriptProtocol.ts';
import { type ScriptWorkerLike, writeTrainingScript, writesOffPage } from '../../src/train/scriptWriter.ts';

function fakeDigits(n: number, seed: number): Dataset {
  const r = createRng(seed);
  return digitsData(Uint8Array.from({ length: n * 784 }, () => r.int(256)), Uint8Array.from({ length: n }, () => r.int(10)), seed);
}

const digits = fakeDigits(60, 4);
const small = regressionData(2, 40);
const config: TrainConfig = { convention: 'torch', activation: 'relu', lr: 0.1, batch: 16, epochs: 2, seed: 3 };

/** A stand-in worker: answers as scriptWorker.ts does, on a later task, and records what happened to it. */
function standIn(behave: 'answer' | 'fail' | 'silent' = 'answer') {
  const log = { posted: [] as ScriptRequest[], terminated: 0 };
  const worker: ScriptWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(m) {
      log.posted.push(m);
      const sent = structuredClone(m);
      setTimeout(() => {
        if (behave === 'fail') worker.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
        else if (behave === 'answer') worker.onmessage?.({ data: structuredClone(answerScript(sent)) } as MessageEvent<ScriptReply>);
      }, 0);
    },
    terminate: () => void log.terminated++,
  };
  return { worker, log };
}

describe('writing a training script', () => {
  it('a digits run goes to a worker, which writes the very script the page would, and is stopped after', async () => {
    expect(writesOffPage({ data: digits, config })).toBe(true);
    const { worker, log } = standIn();
    const text = await writeTrainingScript({ data: digits, config }, 'pytorch', { spawn: () => worker });
    expect(text).toBe(trainingProgram({ data: digits, config }, 'pytorch'));
    expect(text).toMatch(/^# A training run of one dense layer/);
    expect(log.posted.map((m) => [m.kind, m.flavour])).toEqual([['script', 'pytorch']]);
    expect(log.terminated).toBe(1);
  });

  it('a small run is written in the page: no worker is started', async () => {
    expect(writesOffPage({ data: small, config })).toBe(false);
    const spawn = vi.fn(() => standIn().worker);
    expect(await writeTrainingScript({ data: small, config }, 'numpy', { spawn })).toBe(trainingProgram({ data: small, config }, 'numpy'));
    expect(spawn).not.toHaveBeenCalled();
  });

  it('without workers, or when one fails or cannot start, the page writes the script itself', async () => {
    const want = trainingProgram({ data: digits, config }, 'numpy');
    expect(await writeTrainingScript({ data: digits, config }, 'numpy', { spawn: null })).toBe(want);
    const failing = standIn('fail');
    expect(await writeTrainingScript({ data: digits, config }, 'numpy', { spawn: () => failing.worker })).toBe(want);
    expect(failing.log.terminated).toBe(1);
    const refused = () => {
      throw new Error('Content-Security-Policy: worker-src');
    };
    expect(await writeTrainingScript({ data: digits, config }, 'numpy', { spawn: refused })).toBe(want);
  });

  it('a run that cannot be sent to the worker is written in the page, and the worker stopped', async () => {
    const { worker, log } = standIn();
    worker.postMessage = () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    };
    expect(await writeTrainingScript({ data: digits, config }, 'numpy', { spawn: () => worker })).toBe(trainingProgram({ data: digits, config }, 'numpy'));
    expect(log.terminated).toBe(1);
  });

  it('once aborted, nothing is written: not by a worker, nor by the page after a worker failed, nor at all when aborted first', async () => {
    const failing = standIn('fail');
    const stop = new AbortController();
    let settled = false;
    void writeTrainingScript({ data: digits, config }, 'numpy', { spawn: () => failing.worker, signal: stop.signal }).finally(() => (settled = true));
    // The worker fails on the next task; the page would write the script on the one after: abort in between.
    await new Promise((r) => setTimeout(r, 0));
    stop.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    const spawn = vi.fn(() => standIn().worker);
    const gone = AbortSignal.abort();
    void writeTrainingScript({ data: digits, config }, 'numpy', { spawn, signal: gone }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect([settled, spawn.mock.calls.length]).toEqual([false, 0]);
  });

  it('a script no longer wanted stops its worker', () => {
    const { worker, log } = standIn('silent');
    const stop = new AbortController();
    void writeTrainingScript({ data: digits, config }, 'numpy', { spawn: () => worker, signal: stop.signal });
    expect(log.terminated).toBe(0);
    stop.abort();
    expect(log.terminated).toBe(1);
  });

  it('the worker answers a bad message with an error that names it, and ignores one without a call number', () => {
    expect(answerScript({ kind: 'script', call: 4, run: { data: digits, config }, flavour: 'fortran' })).toMatchObject({ kind: 'error', call: 4, message: expect.stringMatching(/does not understand/) });
    expect(answerScript({ kind: 'script', call: 5, run: { data: digits, config: { ...config, lr: -1 } }, flavour: 'numpy' })).toMatchObject({ kind: 'error', call: 5 });
    expect(answerScript('hello')).toBeNull();
    expect(answerScript(null)).toBeNull();
  });
});
