// The scrubber's phase markers: a tick where each phase starts, named when the name fits before the next tick. A
// name that does not fit (a one-step loss phase on a phone) is hidden rather than run into its neighbour; the phase
// buttons and the slider's value name every phase for everyone, so the markers stay hidden from screen readers.
import { useLayoutEffect, useRef, useState } from 'react';
import type { Phase } from '../../core/index.ts';

export interface MarkersProps {
  phases: readonly Phase[];
  /** The step each phase starts at. */
  start: Readonly<Record<Phase, number>>;
  /** Steps in all. */
  n: number;
  name: (p: Phase) => string;
}

const pct = (f: number) => `${f * 100}%`;

/** The markers under the scrubber, each as wide as its phase. */
export function Markers({ phases, start, n, name }: MarkersProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [cramped, setCramped] = useState('');
  const names = phases.map(name).join('|');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const over = [...el.querySelectorAll<HTMLElement>('.marker')].filter((m) => m.scrollWidth > m.clientWidth).map((m) => m.dataset.phase);
      setCramped(over.join(' '));
    };
    if (typeof ResizeObserver === 'undefined') return measure();
    // Measured when the browser lays the markers out anyway (a resize observation comes after layout, and on
    // observing), never here: reading their widths now would force a layout of the whole page before the browser's
    // own, which at 12×12×12 doubled the cost of every new lesson.
    const ro = new ResizeObserver(measure);
    for (const m of el.querySelectorAll('.marker')) ro.observe(m);
    return () => ro.disconnect();
  }, [names, n, start]);
  const hidden = new Set(cramped.split(' '));
  return (
    <div className="markers" aria-hidden="true" ref={ref}>
      {phases.map((p, k) => {
        const from = start[p] / Math.max(1, n);
        const to = k + 1 < phases.length ? start[phases[k + 1]] / Math.max(1, n) : 1;
        return (
          <span key={p} data-phase={p} className={`marker marker-${p}${hidden.has(p) ? ' cramped' : ''}`} style={{ left: pct(from), width: pct(to - from) }}>
            <span className="marker-name">{name(p)}</span>
          </span>
        );
      })}
    </div>
  );
}
