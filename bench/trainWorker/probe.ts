// What the training bench's page measures of one way of training, shared by the page (main.ts) and the runner
// (../trainWorker.bench.ts): how long it took, the longest and 99th-percentile gap between frames, and long tasks.
export interface FrameProbe {
  ms: number;
  maxGapMs: number;
  p99GapMs: number;
  longTasks: number;
  longTaskMs: number;
}
