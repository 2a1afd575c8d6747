// What the chosen Jacobian would cost to build and to multiply through, at
// the lesson's size and at three realistic layers, beside the shortcut.
import { formatBytes, formatCount, formatPercent, type JacobianCost } from '../../core/index.ts';
import { PRESET_INFO, selectCosts, type JacobianPreset } from '../../store/jacobianSlice.ts';
import { useApp, useAppStore } from '../storeContext.tsx';
import { KIND_TEXT } from './labels.ts';

const SHORTCUT: Record<string, string> = {
  'dY/dW': 'B·N·T',
  'dY/dX': 'B·N·T',
  'dY/db': 'B·T',
};

interface Row {
  label: string;
  note?: string;
  cell: (c: JacobianCost) => string;
  title?: (c: JacobianCost) => string;
}

/** The cost table. */
export function CostPanel() {
  const store = useAppStore();
  const kind = useApp((s) => s.jacobianKind);
  const preset = useApp((s) => s.jacobianPreset);

  const costs = useApp(selectCosts);

  const rows: Row[] = [
    { label: 'B, N, T', cell: (c) => `${formatCount(c.sizes.B)}, ${formatCount(c.sizes.N)}, ${formatCount(c.sizes.T)}` },
    { label: 'shape (rows × columns)', cell: (c) => `${c.shape[0].toLocaleString('en')} × ${c.shape[1].toLocaleString('en')}` },
    { label: 'entries', cell: (c) => formatCount(c.entries), title: (c) => c.entries.toLocaleString('en') },
    { label: 'non-zero entries', cell: (c) => formatCount(c.nnz), title: (c) => c.nnz.toLocaleString('en') },
    { label: 'zeros (sparsity)', cell: (c) => formatPercent(c.sparsity) },
    { label: 'memory as float32', cell: (c) => formatBytes(c.float32), title: (c) => `${c.float32.toLocaleString('en')} bytes` },
    { label: 'memory as float64', cell: (c) => formatBytes(c.float64), title: (c) => `${c.float64.toLocaleString('en')} bytes` },
    { label: 'multiply-adds, g times the full Jacobian', cell: (c) => formatCount(c.macsFull), title: (c) => c.macsFull.toLocaleString('en') },
    { label: `multiply-adds, shortcut formula (${SHORTCUT[kind]})`, cell: (c) => formatCount(c.macsShortcut), title: (c) => c.macsShortcut.toLocaleString('en') },
    { label: 'full ÷ shortcut', cell: (c) => `${formatCount(c.ratio)}×` },
  ];

  const heading = (p: JacobianPreset) => (p === 'teaching' ? `teaching (lesson)` : PRESET_INFO[p].label);
  return (
    <section className="jac-cost" aria-labelledby="jac-cost-h">
      <h3 id="jac-cost-h">What {KIND_TEXT[kind].text} would cost</h3>
      <p className="muted-text">
        Built as a dense matrix and multiplied by the upstream gradient g = ∂L/∂y, against the backward formula that skips the zeros. The
        teaching column follows the lesson's sizes; the highlighted column is the one drawn above.
      </p>
      <div className="jac-cost-wrap" role="region" aria-labelledby="jac-cost-h" tabIndex={0}>
        <table className="jac-cost-table" data-testid="cost-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">figure</span>
              </th>
              {costs.map(({ p }) => (
                <th scope="col" key={p} className={p === preset ? 'shown' : undefined} aria-current={p === preset ? 'true' : undefined} data-preset={p}>
                  <button type="button" className="jac-preset-btn" onClick={() => store.getState().setJacobianPreset(p)} aria-pressed={p === preset}>
                    {heading(p)}
                  </button>
                  <span className="muted-text jac-preset-note">{PRESET_INFO[p].note}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {costs.map(({ p, cost }) => (
                  <td key={p} className={p === preset ? 'shown' : undefined} title={row.title?.(cost)}>
                    {row.cell(cost)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
