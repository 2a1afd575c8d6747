// Benchmark of the step script at training sizes (issue 12): "Explain this update" opens a digits mini-batch as a
// lesson (softmax cross-entropy, N×T = 784×10, the run's learning rate, so the update is the script's last phase),
// and the store builds its script on the main thread. Times `buildScript` at each granularity (the first call of a
// case, and the median of the calls after it) and `snapshotAt` at the script's last step (what the store works out
// at every step). Only the first row's first call is the process's first (code not yet compiled); for another
// case's, run it alone: `--sizes=64x784x10 --conv=row --grain=fine`. Target: under 50 ms (DESIGN.md: no
// main-thread task over 50 ms). Run with `npx tsx bench/script.bench.ts` (see bench/README.md).
//
// Options: --sizes=64x784x10,32x784x10   --runs=9   --conv=row,torch,column   --grain=coarse,fine   --act=identity
import { loadavg } from 'node:os';
import { buildScript, computeLesson, defaultGranularity, lessonGraph, makeLesson, snapshotAt } from '../src/core/index.ts';
import type { Activation, Convention, DerivationContext, Granularity, LessonConfig } from '../src/core/index.ts';

const option = (name: string): string | undefined => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZES = (option('sizes') ?? '64x784x10,32x784x10').split(',').map((s) => s.split('x').map(Number) as [number, number, number]);
const RUNS = Math.max(1, Number(option('runs') ?? 9));
const CONVS = (option('conv') ?? 'row,torch,column').split(',') as Convention[];
const ACT = (option('act') ?? 'identity') as Activation;
const GRAINS = (option('grain') ?? 'coarse,fine').split(',') as Granularity[];
const TARGET_MS = 50;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The lesson Explain this update opens for a batch of the digits (values seeded; the cost depends on the sizes only). */
function lessonOf(convention: Convention, B: number, N: number, T: number): DerivationContext {
  const cfg: LessonConfig = { convention, loss: 'softmax-ce', activation: ACT, lr: 0.1, B, N, T };
  const inputs = makeLesson(cfg, 1);
  return { convention, loss: cfg.loss, activation: ACT, lr: cfg.lr, sizes: { B, N, T }, inputs, outputs: computeLesson(convention, cfg.loss, inputs, ACT, cfg.lr) };
}

/** Wall time and process CPU time (user + system, every thread: the garbage collector's too), ms. */
interface Timing {
  ms: number;
  cpu: number;
}

/** Runs f once: its result and how long it took. */
function timed<T>(f: () => T): [T, Timing] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [out, { ms, cpu: (c.user + c.system) / 1000 }];
}

interface Row {
  label: string;
  grain: Granularity;
  built: boolean;
  steps: number;
  first: Timing;
  median: Timing;
  max: number;
  snapshot: number;
}

const rows: Row[] = [];
for (const [B, N, T] of SIZES)
  for (const conv of CONVS) {
    const ctx = lessonOf(conv, B, N, T);
    const graph = lessonGraph(ctx);
    const opens = defaultGranularity(ctx, graph);
    for (const grain of GRAINS) {
      const build = () => buildScript(ctx, grain, undefined, graph);
      const [script, first] = timed(build);
      const times = Array.from({ length: RUNS }, () => timed(build)[1]);
      const snaps = Array.from({ length: Math.max(3, Math.min(RUNS, 9)) }, () => timed(() => snapshotAt(ctx, script, script.steps.length - 1))[1]);
      const ms = times.map((t) => t.ms);
      const row: Row = {
        label: `(${B}, ${N}, ${T}) ${conv}`,
        grain,
        built: grain === opens,
        steps: script.steps.length,
        first,
        median: { ms: median(ms), cpu: median(times.map((t) => t.cpu)) },
        max: Math.max(...ms),
        snapshot: median(snaps.map((t) => t.ms)),
      };
      rows.push(row);
      console.error(`${row.label} ${grain}: first ${first.ms.toFixed(1)} ms, median ${row.median.ms.toFixed(1)} ms`);
    }
  }

const [l1, l5, l15] = loadavg();
console.log(`buildScript at training sizes (${new Date().toISOString().slice(0, 16).replace('T', ' ')}, Node ${process.version}, load average ${l1.toFixed(1)}, ${l5.toFixed(1)}, ${l15.toFixed(1)}; ${RUNS} timed calls after the first; loss softmax-ce, activation ${ACT}, lr 0.1)\n`);
console.log('| (B, N, T) convention | grain | the store opens it | steps | first call ms (CPU ms) | median ms (CPU ms) | slowest ms | snapshotAt(last step) ms |');
console.log('|---|---|---|---:|---:|---:|---:|---:|');
const both = (t: Timing) => `${t.ms.toFixed(1)} (${t.cpu.toFixed(1)})`;
for (const r of rows)
  console.log(`| ${r.label} | ${r.grain} | ${r.built ? 'yes' : 'no (grain menu)'} | ${r.steps} | ${both(r.first)} | ${both(r.median)} | ${r.max.toFixed(1)} | ${r.snapshot.toFixed(2)} |`);
const over = rows.filter((r) => Math.max(r.first.ms, r.median.ms) >= TARGET_MS);
console.log(over.length ? `\nOver ${TARGET_MS} ms (first call or median): ${over.map((r) => `${r.label} ${r.grain}`).join(', ')}` : `\nEvery case under ${TARGET_MS} ms, first call included.`);
