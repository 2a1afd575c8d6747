// The trainer that runs updates in a Web Worker, so a long run on the digits leaves the page free. Each dataset
// is sent once (the worker keeps the last few); each call sends the run, the configuration and the count, and the
// worker answers with the run after them, bit-identical to trainUpdates in the page (the same core code runs).
import type { Dataset, TrainRun } from '../core/index.ts';
import type { Trainer } from './trainer.ts';
import { replyError, type WorkerReply, type WorkerRequest } from './workerProtocol.ts';

/** The parts of a Worker the trainer (and the script writer, with its own messages) uses: a stand-in can run the protocol in tests. */
export interface WorkerLike<Request = WorkerRequest, Reply = WorkerReply> {
  postMessage(message: Request): void;
  onmessage: ((e: MessageEvent<Reply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
  terminate(): void;
}

/** Datasets the worker keeps at once; sending another drops the one sent longest ago. */
export const WORKER_DATASETS = 2;

/** The module worker of src/train/worker.ts, bundled by Vite from its URL (a same-origin script: CSP worker-src 'self'). */
export const spawnTrainingWorker = (): WorkerLike => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' });

interface Pending {
  resolve: (run: TrainRun) => void;
  reject: (err: Error) => void;
}

/** A trainer on its own worker (started now, stopped by dispose): its starts (startRun, about 0.4 s on MNIST) and updates run there. Calls are answered in order. */
export function createWorkerTrainer(spawn: () => WorkerLike = spawnTrainingWorker): Trainer {
  let worker: WorkerLike | null = null;
  let failure: Error | null = null;
  let nextId = 1;
  const ids = new WeakMap<Dataset, number>();
  const kept: number[] = [];
  const pending = new Map<number, Pending>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const stop = (err: Error) => {
    failure = err;
    worker?.terminate();
    worker = null;
    failAll(err);
  };
  try {
    worker = spawn();
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
  }
  if (worker !== null) {
    worker.onmessage = (e) => {
      const reply = e.data;
      const p = pending.get(reply.call);
      if (p === undefined) return;
      pending.delete(reply.call);
      if (reply.kind === 'run') p.resolve(reply.run);
      else p.reject(replyError(reply));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      stop(new Error(`training worker failed: ${e.message || 'it could not be started or threw outside a call'}`));
    };
    worker.onmessageerror = () => failAll(new Error('training worker: a reply could not be read (structured clone failed)'));
  }

  /** The id the worker keeps `data` under, sending it first when it does not have it. */
  const datasetId = (w: WorkerLike, data: Dataset): number => {
    const known = ids.get(data);
    if (known !== undefined && kept.includes(known)) return known;
    const id = nextId++;
    w.postMessage({ kind: 'dataset', id, data });
    ids.set(data, id);
    kept.push(id);
    while (kept.length > WORKER_DATASETS) w.postMessage({ kind: 'drop', id: kept.shift() as number });
    return id;
  };

  /** Sends a call (after its dataset, when the worker lacks it) and waits for its reply. */
  const ask = (data: Dataset, request: (call: number, datasetId: number) => WorkerRequest): Promise<TrainRun> => {
    const w = worker;
    if (w === null) return Promise.reject(failure ?? new Error('training worker: disposed'));
    return new Promise<TrainRun>((resolve, reject) => {
      const call = nextId++;
      try {
        const id = datasetId(w, data);
        pending.set(call, { resolve, reject });
        w.postMessage(request(call, id));
      } catch (err) {
        pending.delete(call);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  };

  return {
    start: (data, config) => ask(data, (call, id) => ({ kind: 'start', call, datasetId: id, config })),
    updates: (data, config, run, count) => ask(data, (call, id) => ({ kind: 'updates', call, datasetId: id, config, run, count })),
    dispose() {
      if (worker !== null) stop(new Error('training worker: disposed'));
    },
  };
}
