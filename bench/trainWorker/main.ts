// Trains MNIST 3 epochs in chunks of updates, once in the worker and once in the page, while a 4 ms timer ticks on
// the main thread: the gaps between ticks and the long tasks show how free the page stays. Results in window.__result.
import { digitsData, startRun, updatesPerEpoch, type Dataset, type TrainConfig, type TrainRun } from '../../src/core/index.ts';
import { inPageTrainer, type Trainer } from '../../src/train/trainer.ts';
import { createWorkerTrainer } from '../../src/train/workerTrainer.ts';
import { digitsUrl, loadDigits } from '../../src/train/loadDigits.ts';
import type { FrameProbe } from './probe.ts';

const CHUNK = 25;
const CONFIG: TrainConfig = { convention: 'row', activation: 'identity', lr: 0.1, batch: 32, epochs: 3, seed: 1 };

interface Probe extends FrameProbe {
  run: TrainRun;
}

/** Long tasks (over 50 ms) seen so far; the observer is started in main() (getEntriesByType does not list them). */
const seenLongTasks: PerformanceEntry[] = [];
const longTasks = (): PerformanceEntry[] => seenLongTasks;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probe(trainer: Trainer, data: Dataset, start: () => Promise<TrainRun>): Promise<Probe> {
  const before = longTasks().length;
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 4);
  const t0 = performance.now();
  let run = await start();
  const total = updatesPerEpoch(data, CONFIG) * CONFIG.epochs;
  while (run.updates < total) {
    run = await trainer.updates(data, CONFIG, run, CHUNK);
    await pause(0); // the page gets a turn between chunks, as the app's driver gives it
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  await pause(200); // long-task entries are queued after the tasks end
  const tasks = longTasks().slice(before);
  gaps.sort((a, b) => a - b);
  return { ms, maxGapMs: gaps.at(-1) ?? ms, p99GapMs: gaps[Math.floor(gaps.length * 0.99)] ?? ms, longTasks: tasks.length, longTaskMs: tasks.reduce((s, e) => s + e.duration, 0), run };
}

async function main(): Promise<unknown> {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  new PerformanceObserver((list) => seenLongTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  const t0 = performance.now();
  let progress = 0;
  const { pixels, labels } = await loadDigits(digitsUrl(), () => progress++);
  const loadMs = performance.now() - t0;
  const data = digitsData(pixels, labels, 1);
  const worker = createWorkerTrainer();
  const t1 = performance.now();
  const first = worker.start(data, CONFIG); // sends the dataset: the page's only copy of it
  const postMs = performance.now() - t1;
  await first;
  // The seeded start (its record evaluates all 10,000 digits): in the page it is one task; from the worker, the page
  // only posts the request (the dataset is there already) and, later, reads the reply.
  const t2 = performance.now();
  const asked = worker.start(data, CONFIG);
  const startPostMs = performance.now() - t2;
  await asked;
  const startWorkerMs = performance.now() - t2;
  const t3 = performance.now();
  startRun(data, CONFIG);
  const startInPageMs = performance.now() - t3;
  await pause(200); // its long-task entry comes after it: let it land before the probes count theirs
  const inWorker = await probe(worker, data, () => worker.start(data, CONFIG));
  const inPage = await probe(inPageTrainer(), data, async () => startRun(data, CONFIG));
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, k) => Object.is(v, b[k]));
  const bitIdentical = same(inWorker.run.W.data, inPage.run.W.data) && same(inWorker.run.b, inPage.run.b) && same(inWorker.run.losses, inPage.run.losses) && JSON.stringify(inWorker.run.epochs) === JSON.stringify(inPage.run.epochs);
  const refused = await worker.updates(data, { ...CONFIG, lr: -1 }, inWorker.run, 1).then(
    () => 'resolved',
    (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
  );
  worker.dispose();
  const brief = ({ run, ...p }: Probe) => ({ ...p, testAccuracy: run.epochs.at(-1)?.testAccuracy ?? null });
  return { digits: labels.length, loadMs, progressReports: progress, postMs, startPostMs, startWorkerMs, startInPageMs, inWorker: brief(inWorker), inPage: brief(inPage), bitIdentical, refused, violations };
}

const done = (result: unknown) => {
  (window as unknown as { __result: unknown }).__result = result;
  const out = document.getElementById('out');
  if (out) out.textContent = JSON.stringify(result);
};
main().then(done, (e: unknown) => done({ error: String(e) }));
