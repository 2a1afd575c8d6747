// The floor of the app's stack for bench/load.bench.ts: the same libraries (React, zustand, d3-scale,
// d3-selection with d3-transition, KaTeX with its CSS), doing the least the app does on its first
// screen: one heatmap grid of numbers from a store, and one typeset formula. Nothing is split or deferred.
import 'katex/dist/katex.min.css';
import './floor.css';
import katex from 'katex';
import { scaleDiverging } from 'd3-scale';
import { interpolateRgbBasis } from 'd3-interpolate';
import { select } from 'd3-selection';
import 'd3-transition';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { createStore, useStore } from 'zustand';

interface FloorState {
  rows: number[][];
}

/** One grid of numbers, coloured by value, drawn by React; d3 fades its colours in. */
function Grid({ store }: { store: ReturnType<typeof makeStore> }) {
  const rows = useStore(store, (s) => s.rows);
  const ref = useRef<HTMLTableElement>(null);
  const scale = scaleDiverging(interpolateRgbBasis(['#5e3c99', '#f7f7f7', '#e66101'])).domain([-2, 0, 2]);
  useEffect(() => {
    if (!ref.current) return;
    select(ref.current)
      .selectAll<HTMLTableCellElement, number>('td')
      .data(rows.flat())
      .transition()
      .duration(200)
      .style('background-color', (v) => scale(v));
  });
  return (
    <table ref={ref} className="grid">
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c} style={{ backgroundColor: scale(v) }}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const makeStore = () => createStore<FloorState>(() => ({ rows: [[1.9, -0.7, 0.8], [-1.5, -1, -1.2]] }));

function Floor() {
  const store = useRef(makeStore()).current;
  return (
    <main>
      <h1>Backprop through a dense layer</h1>
      <p dangerouslySetInnerHTML={{ __html: katex.renderToString('Y = XW + b', { throwOnError: false }) }} />
      <Grid store={store} />
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<Floor />);
