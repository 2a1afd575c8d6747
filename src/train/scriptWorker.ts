// The entry of the worker that writes training scripts (scriptProtocol.ts holds the handling). Started by
// scriptWriter.ts as a module worker, one per script, and stopped once it has answered.
import { answerScript } from './scriptProtocol.ts';

/** The parts of a dedicated worker's global scope this uses. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => {
  const reply = answerScript(e.data);
  if (reply !== null) scope.postMessage(reply);
};
