// Writes a run's training script where it keeps the page free: in a worker of its own for a large run (the
// digits: about 1.5 s of packing), in the page for a small one, where a worker would cost more than it saves.
// When a worker cannot be had or fails, the script is written in the page instead: slower, but written.
import type { ExportFlavour } from '../core/export/flavours.ts';
import { trainingProgram, type TrainScriptRun } from '../core/export/trainScript.ts';
import type { ScriptReply, ScriptRequest } from './scriptProtocol.ts';
import { WORKER_ENTRIES } from './trainer.ts';
import { replyError } from './workerProtocol.ts';
import type { WorkerLike } from './workerTrainer.ts';

/** The parts of a Worker the writer uses (a stand-in runs the protocol in tests). */
export type ScriptWorkerLike = WorkerLike<ScriptRequest, ScriptReply>;

/** The module worker of scriptWorker.ts, bundled by Vite from its URL (same origin: CSP worker-src 'self'). */
export const spawnScriptWorker = (): ScriptWorkerLike => new Worker(new URL('./scriptWorker.ts', import.meta.url), { type: 'module', name: 'training-script' });

/** Whether a run is large enough to be written off the page: as large as the runs the driver trains in a worker. */
export const writesOffPage = (run: TrainScriptRun): boolean => run.data.n * run.data.features >= WORKER_ENTRIES;

/** Where the writer may start a worker: nowhere when the page has none (jsdom, an old browser). */
const defaultSpawn = (): (() => ScriptWorkerLike) | null => (typeof Worker === 'function' ? spawnScriptWorker : null);

/** In the page, after the current task, so that the caller has shown that it is writing; not at all once aborted (the promise then never settles). */
const inPage = (run: TrainScriptRun, flavour: ExportFlavour, signal?: AbortSignal) =>
  new Promise<string>((resolve, reject) =>
    setTimeout(() => {
      if (signal?.aborted) return;
      try {
        resolve(trainingProgram(run, flavour));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }, 0),
  );

/**
 * The script of a run in a flavour. `signal` stops a worker no longer wanted (the flavour or the run changed,
 * or the panel closed); the promise then never settles.
 */
export function writeTrainingScript(run: TrainScriptRun, flavour: ExportFlavour, opts: { spawn?: (() => ScriptWorkerLike) | null; signal?: AbortSignal } = {}): Promise<string> {
  const spawn = opts.spawn === undefined ? defaultSpawn() : opts.spawn;
  const { signal } = opts;
  if (signal?.aborted) return new Promise<string>(() => {});
  if (!writesOffPage(run) || spawn === null) return inPage(run, flavour, signal);
  let worker: ScriptWorkerLike;
  try {
    worker = spawn();
  } catch {
    return inPage(run, flavour, signal);
  }
  return new Promise<string>((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', done);
    };
    signal?.addEventListener('abort', done);
    worker.onmessage = (e) => {
      done();
      if (e.data.kind === 'script') resolve(e.data.text);
      else reject(replyError(e.data));
    };
    // A worker that cannot start (or dies) leaves the page to write the script.
    const fallBack = () => {
      done();
      inPage(run, flavour, signal).then(resolve, reject);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fallBack();
    };
    worker.onmessageerror = fallBack;
    // A run that cannot be sent (it does not clone) is written here instead.
    try {
      worker.postMessage({ kind: 'script', call: 1, run, flavour });
    } catch {
      fallBack();
    }
  });
}
