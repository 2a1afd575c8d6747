// Typesets, in idle time, the derivations of the cells around the one
// explained, so that moving the pointer or an arrow key one cell on finds
// their formulas ready and only the DOM is left to build. One prefetcher per
// panel; its queue lives in the prefetcher. It starts once KaTeX has loaded.
import { deriveAtStep, inShape, type CellRef } from '../../core/index.ts';
import type { AppStore } from '../../store/store.ts';
import type { TexCache } from '../texCache.ts';
import { type Formula, formulasOf } from './assemble.ts';

interface Deadline {
  timeRemaining(): number;
}

const NEIGHBOURS: readonly [number, number][] = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
];

/** Queues typesetting around cells; stop() cancels what is queued. */
export interface Prefetcher {
  around(cell: CellRef): void;
  stop(): void;
}

/** A prefetcher for one store and KaTeX cache. */
export function createPrefetcher(store: AppStore, tex: TexCache): Prefetcher {
  let cells: CellRef[] = [];
  let formulas: Formula[] = [];
  let handle: number | null = null;
  let stopped = false;
  // Until KaTeX has loaded there is nothing to typeset: wait for it, once.
  let unwait: (() => void) | null = null;

  const whenIdle = (fn: (d: Deadline) => void): number =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn) : window.setTimeout(() => fn({ timeRemaining: () => 8 }), 50);
  const cancel = (h: number) => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(h) : window.clearTimeout(h));

  const work = (deadline: Deadline) => {
    handle = null;
    if (stopped) return;
    // At most a 4 ms slice, and only while the idle period lasts: a hover arriving meanwhile waits no longer than that.
    const stop = performance.now() + 4;
    while (performance.now() < stop && deadline.timeRemaining() > 4) {
      const f = formulas.pop();
      if (f) {
        tex.render(f[0], f[1], f[2]);
        continue;
      }
      const cell = cells.shift();
      if (!cell) return;
      const s = store.getState();
      const sel = store.select;
      const ctx = sel.ctx(s);
      // The lesson may have changed since the cell was queued: skip cells it no longer has (a target under 'upstream').
      if (!inShape(ctx, cell) || !sel.graph(s).rule(cell.m)) continue;
      const fmt = sel.fmt(s);
      formulas = formulasOf(deriveAtStep(ctx, sel.script(s), sel.step(s), cell, fmt, sel.graph(s)), fmt).filter((x) => !tex.has(x[0], x[1], x[2]));
    }
    schedule();
  };
  const schedule = () => {
    if (stopped || handle !== null || unwait || (cells.length === 0 && formulas.length === 0)) return;
    if (!tex.ready()) {
      unwait = tex.subscribe(() => {
        unwait?.();
        unwait = null;
        schedule();
      });
      return;
    }
    handle = whenIdle(work);
  };
  return {
    around: (cell) => {
      formulas = [];
      cells = NEIGHBOURS.map(([dr, dc]) => ({ m: cell.m, r: cell.r + dr, c: cell.c + dc })).filter((c) => c.r >= 0 && c.c >= 0);
      schedule();
    },
    stop: () => {
      stopped = true;
      unwait?.();
      unwait = null;
      if (handle !== null) cancel(handle);
      handle = null;
      cells = [];
      formulas = [];
    },
  };
}
