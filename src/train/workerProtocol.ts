// The messages between the page and the training worker, and the worker's side of them as a pure function:
// handle(state, message) → { state, reply }. The worker entry (worker.ts) only keeps the state and posts the
// reply; tests run the same function with every message structured-cloned, as postMessage does.
import { startRun, trainUpdates, ValidationError, type Dataset, type Msg, type TrainConfig, type TrainRun } from '../core/index.ts';

/** From the page: keep a dataset under an id, forget one, start a run (its epoch-0 record evaluates every sample), or run updates. */
export type WorkerRequest =
  | { kind: 'dataset'; id: number; data: Dataset }
  | { kind: 'drop'; id: number }
  | { kind: 'start'; call: number; datasetId: number; config: TrainConfig }
  | { kind: 'updates'; call: number; datasetId: number; config: TrainConfig; run: TrainRun; count: number };

/** To the page, for a `start` or `updates` request: the run after them, or what went wrong (a ValidationError's parts kept). */
export type WorkerReply =
  | { kind: 'run'; call: number; run: TrainRun }
  | { kind: 'error'; call: number; name: string; message: string; field: string | null; userMessage: Msg | null };

/** What the worker keeps between messages: the datasets it was sent, by id. */
export interface WorkerState {
  datasets: ReadonlyMap<number, Dataset>;
}

export const initialWorkerState = (): WorkerState => ({ datasets: new Map() });

/** The reply for a failed call, from whatever was thrown. */
export function errorReply(call: number, err: unknown): Extract<WorkerReply, { kind: 'error' }> {
  if (err instanceof ValidationError) return { kind: 'error', call, name: err.name, message: err.message, field: err.field, userMessage: err.userMessage };
  if (err instanceof Error) return { kind: 'error', call, name: err.name, message: err.message, field: null, userMessage: null };
  return { kind: 'error', call, name: 'Error', message: `training worker: ${String(err)}`, field: null, userMessage: null };
}

/** The error a rejected call gives the page: a ValidationError again when it was one, so its learner's message survives. */
export function replyError(reply: Extract<WorkerReply, { kind: 'error' }>): Error {
  if (reply.name === 'ValidationError') return new ValidationError(reply.field ?? 'training', reply.message, reply.userMessage);
  const e = new Error(reply.message);
  e.name = reply.name;
  return e;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** One message handled: the new state and the reply to post, if any. Never throws; a failure is an error reply. */
export function handle(state: WorkerState, message: unknown): { state: WorkerState; reply: WorkerReply | null } {
  const m = isObject(message) ? (message as Partial<WorkerRequest>) : {};
  const call = typeof (m as { call?: unknown }).call === 'number' ? (m as { call: number }).call : -1;
  try {
    if (m.kind === 'dataset' && typeof m.id === 'number' && isObject(m.data)) {
      const datasets = new Map(state.datasets);
      datasets.set(m.id, m.data);
      return { state: { datasets }, reply: null };
    }
    if (m.kind === 'drop' && typeof m.id === 'number') {
      const datasets = new Map(state.datasets);
      datasets.delete(m.id);
      return { state: { datasets }, reply: null };
    }
    if (m.kind === 'start' || m.kind === 'updates') {
      const r = m as Extract<WorkerRequest, { kind: 'start' | 'updates' }>;
      const data = state.datasets.get(r.datasetId);
      if (data === undefined) throw new Error(`training worker: no dataset ${String(r.datasetId)} (it was never sent, or was dropped)`);
      const run = r.kind === 'start' ? startRun(data, r.config) : trainUpdates(r.run, data, r.config, r.count);
      return { state, reply: { kind: 'run', call, run } };
    }
    throw new Error(`training worker: a message it does not understand (kind ${JSON.stringify(String(m.kind))})`);
  } catch (err) {
    return { state, reply: call >= 0 ? errorReply(call, err) : null };
  }
}
