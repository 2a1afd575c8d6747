// The messages between the page and the worker that writes a run's training script, and the worker's side of
// them as a pure function. A digits run's script is 2.5 MB of text whose packing (deflate and base64 of 7.8 MB
// of pixels) takes about 1.5 s: written here, off the page, the page stays free (bench/README.md).
import { isExportFlavour, type ExportFlavour } from '../core/export/flavours.ts';
import { trainingProgram, type TrainScriptRun } from '../core/export/trainScript.ts';
import { errorReply, isObject, type WorkerReply } from './workerProtocol.ts';

/** From the page: write the script of a run in a flavour. */
export interface ScriptRequest {
  kind: 'script';
  call: number;
  run: TrainScriptRun;
  flavour: ExportFlavour;
}

/** To the page: the script's text, or what went wrong. */
export type ScriptReply = { kind: 'script'; call: number; text: string } | Extract<WorkerReply, { kind: 'error' }>;

/** One request answered; never throws (a failure is an error reply, a message without a call number none). */
export function answerScript(message: unknown): ScriptReply | null {
  const m = isObject(message) ? message : {};
  const call = typeof m.call === 'number' ? m.call : -1;
  try {
    if (m.kind !== 'script' || !isObject(m.run) || !isExportFlavour(m.flavour)) throw new Error(`script worker: a message it does not understand (kind ${JSON.stringify(String(m.kind))})`);
    return { kind: 'script', call, text: trainingProgram(m.run as unknown as TrainScriptRun, m.flavour) };
  } catch (err) {
    return call < 0 ? null : errorReply(call, err);
  }
}
