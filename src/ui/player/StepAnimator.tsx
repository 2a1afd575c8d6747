// Animates a step forward: a token travels from the cells the step reads to
// the cells it writes, and written values count up from their previous sums.
// Driven by a store subscription and DOM refs, not a store update per frame.
// Does nothing under reduced motion: the step simply shows its final state.
// The layer the animation draws in is in the page only while a step animates: idle, it covers no cell
// (assistive technology and axe read the grids themselves, not an empty layer over them).
import { useEffect, type RefObject } from 'react';
import { type CellBlock, type CellRef, type NumberFormat, type Step, blockCells, stepWrites } from '../../core/index.ts';
import { useAppStore } from '../storeContext.tsx';
import { prefersReducedMotion } from './reducedMotion.ts';
import { STEP_MS } from './Player.tsx';

const MAX_COUNTERS = 48;

const cellEl = (root: HTMLElement, c: CellRef) =>
  root.querySelector<HTMLElement>(`[data-matrix="${c.m}"] [data-r="${c.r}"][data-c="${c.c}"]`);

/** Whether a matrix is drawn as a grid of cells (a heatmap past 12 × 12 has none to animate). */
const gridded = (root: HTMLElement, m: string) => root.querySelector(`[role="grid"][data-matrix="${m}"]`) !== null;

/** The bounding box of some cells, relative to root; the cells of heatmaps are skipped. */
function boxOf(root: HTMLElement, cells: readonly CellRef[]): DOMRect | null {
  const base = root.getBoundingClientRect();
  let l = Infinity, t = Infinity, r = -Infinity, b = -Infinity;
  const grids = new Map<string, boolean>();
  for (const c of cells) {
    if (!grids.has(c.m)) grids.set(c.m, gridded(root, c.m));
    if (!grids.get(c.m)) continue;
    const el = cellEl(root, c);
    if (!el) continue;
    const q = el.getBoundingClientRect();
    l = Math.min(l, q.left);
    t = Math.min(t, q.top);
    r = Math.max(r, q.right);
    b = Math.max(b, q.bottom);
  }
  if (l === Infinity) return null;
  return new DOMRect(l - base.left, t - base.top, r - l, b - t);
}

const centre = (r: DOMRect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** Plays one step's animation inside layer, adding the layer to root until it ends; returns a function that cancels it. */
function animateStep(root: HTMLElement, layer: HTMLElement, step: Step, duration: number, fmt: NumberFormat): () => void {
  // Read every position and colour first, then write: interleaving would force a layout per element.
  // A heatmap's step (past 12 × 12) has no cells to animate; a grid's block is small enough to expand.
  const target = gridded(root, step.writes.m) ? boxOf(root, blockCells([step.writes])) : null;
  if (!target) return () => {};
  const to = centre(target);
  const byMatrix = new Map<string, CellBlock[]>();
  for (const b of step.reads) {
    const list = byMatrix.get(b.m);
    if (list) list.push(b);
    else byMatrix.set(b.m, [b]);
  }
  // The blocks of a grid are expanded to its cells (12 × 12 at most); a heatmap's are not looked at.
  const sources = [...byMatrix]
    .filter(([m]) => gridded(root, m))
    .map(([, blocks]) => boxOf(root, blockCells(blocks)))
    .filter((b): b is DOMRect => b !== null);
  const base = root.getBoundingClientRect();
  const ghosts = stepWrites(step, MAX_COUNTERS).flatMap((w) => {
    const cell = cellEl(root, w.cell);
    if (!cell) return [];
    const q = cell.getBoundingClientRect();
    const cs = getComputedStyle(cell);
    return [{ w, left: q.left - base.left, top: q.top - base.top, width: q.width, height: q.height, bg: cs.backgroundColor, fg: cs.color }];
  });

  const cleanups: (() => void)[] = [() => layer.remove()];
  // The layer leaves the page when the last token has arrived and the counters have stopped.
  let running = sources.length + (ghosts.length > 0 ? 1 : 0);
  const settle = () => {
    if (--running === 0) layer.remove();
  };
  if (running === 0) return () => {};
  root.appendChild(layer);
  // One token per matrix the step reads, each leaving from that matrix's read cells.
  for (const src of sources) {
    const from = centre(src);
    const token = document.createElement('div');
    token.className = 'flow-token';
    layer.appendChild(token);
    const anim = token.animate(
      [
        { transform: `translate(${from.x}px, ${from.y}px) scale(1)`, opacity: 0.9 },
        { transform: `translate(${to.x}px, ${to.y}px) scale(0.6)`, opacity: 0.4 },
      ],
      { duration: duration * 0.6, easing: 'ease-in-out', fill: 'forwards' },
    );
    anim.onfinish = () => {
      token.remove();
      settle();
    };
    cleanups.push(() => {
      anim.cancel();
      token.remove();
    });
  }
  // Counters over the written cells, counting from the old value to the new one.
  const fragment = document.createDocumentFragment();
  const counters = ghosts.map((g) => {
    const el = document.createElement('div');
    el.className = 'count-ghost';
    Object.assign(el.style, { left: `${g.left}px`, top: `${g.top}px`, width: `${g.width}px`, height: `${g.height}px`, background: g.bg, color: g.fg });
    el.textContent = fmt.text(g.w.from, 3);
    fragment.appendChild(el);
    return { el, from: g.w.from, to: g.w.value, last: '' };
  });
  layer.appendChild(fragment);
  const t0 = performance.now();
  const delay = duration * 0.45;
  let raf = 0;
  const tick = (now: number) => {
    const t = Math.min(1, Math.max(0, (now - t0 - delay) / (duration - delay)));
    const e = t * (2 - t);
    for (const c of counters) {
      const text = fmt.text(c.from + (c.to - c.from) * e, 3);
      if (text !== c.last) c.el.textContent = c.last = text;
    }
    if (t < 1) raf = requestAnimationFrame(tick);
    else {
      for (const c of counters) c.el.remove();
      settle();
    }
  };
  if (counters.length > 0) raf = requestAnimationFrame(tick);
  cleanups.push(() => {
    cancelAnimationFrame(raf);
    for (const c of counters) c.el.remove();
  });
  return () => cleanups.forEach((f) => f());
}

/** Watches the step and animates each single step forward inside the element rootRef points to. */
export function StepAnimator({ rootRef }: { rootRef: RefObject<HTMLElement | null> }) {
  const store = useAppStore();
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const layer = document.createElement('div');
    layer.className = 'flow-layer';
    layer.setAttribute('aria-hidden', 'true');
    const sel = store.select;
    let prevStep = sel.step(store.getState());
    let prevScript = sel.script(store.getState());
    let cancel: (() => void) | null = null;
    const unsubscribe = store.subscribe((s) => {
      const k = sel.step(s);
      const script = sel.script(s);
      if (k === prevStep && script === prevScript) return;
      const forward = script === prevScript && k === prevStep + 1;
      prevStep = k;
      prevScript = script;
      cancel?.();
      cancel = null;
      if (!forward || prefersReducedMotion() || k > script.steps.length) return;
      const step = script.steps[k - 1];
      const fmt = sel.fmt(s);
      // Wait a frame so React has drawn the step's cells before measuring them.
      const raf = requestAnimationFrame(() => {
        cancel = animateStep(root, layer, step, (STEP_MS * 0.8) / s.speed, fmt);
      });
      cancel = () => cancelAnimationFrame(raf);
    });
    return () => {
      unsubscribe();
      cancel?.();
      layer.remove();
    };
  }, [store, rootRef]);
  return null;
}
