// The training worker's entry: keeps the protocol's state between messages and posts each reply
// (src/train/workerProtocol.ts holds the handling). Started by workerTrainer.ts as a module worker.
import { handle, initialWorkerState } from './workerProtocol.ts';

/** The parts of a dedicated worker's global scope this uses. */
interface WorkerScope {
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
}

/** Answers the page's messages, one at a time, in the order they came. */
function serve(scope: WorkerScope): void {
  let state = initialWorkerState();
  scope.onmessage = (e) => {
    const out = handle(state, e.data);
    state = out.state;
    if (out.reply !== null) scope.postMessage(out.reply);
  };
}

serve(self as unknown as WorkerScope);
