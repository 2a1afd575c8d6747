// What the chosen Jacobian would cost to build and to multiply through, at
// the lesson's size and at three realistic layers, beside the shortcut.
import { useId } from 'react';
import { JACOBIAN_SPECS, type JacobianCost } from '../../core/index.ts';
import type { JacobianPreset } from '../../store/store.ts';
import type { MessageKey } from '../strings/en.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { kindName } from './labels.ts';

interface Row {
  label: MessageKey;
  cell: (c: JacobianCost) => string;
  title?: (c: JacobianCost) => string;
}

/** The cost table. */
export function CostPanel() {
  const store = useAppStore();
  const select = useSelectors();
  const { t, fmt, count, bytes, percent } = useI18n();
  const kind = useApp((s) => s.jacobianKind);
  const act = useApp((s) => s.config.activation);
  const preset = useApp((s) => s.jacobianPreset);
  const costs = useApp(select.costs);
  const h = useId();
  const int = fmt.integer;

  const rows: Row[] = [
    { label: 'cost.sizes', cell: (c) => `${count(c.sizes.B)}, ${count(c.sizes.N)}, ${count(c.sizes.T)}` },
    { label: 'cost.shape', cell: (c) => `${int(c.shape[0])} × ${int(c.shape[1])}` },
    { label: 'cost.entries', cell: (c) => count(c.entries), title: (c) => int(c.entries) },
    { label: 'cost.nnz', cell: (c) => count(c.nnz), title: (c) => int(c.nnz) },
    { label: 'cost.sparsity', cell: (c) => percent(c.sparsity) },
    { label: 'cost.float32', cell: (c) => bytes(c.float32), title: (c) => t('cost.bytesExact', { n: int(c.float32) }) },
    { label: 'cost.float64', cell: (c) => bytes(c.float64), title: (c) => t('cost.bytesExact', { n: int(c.float64) }) },
    { label: 'cost.macsFull', cell: (c) => count(c.macsFull), title: (c) => int(c.macsFull) },
    { label: 'cost.macsShortcut', cell: (c) => count(c.macsShortcut), title: (c) => int(c.macsShortcut) },
    { label: 'cost.ratio', cell: (c) => t('cost.times', { n: count(c.ratio) }) },
  ];

  return (
    <section className="jac-cost" aria-labelledby={h}>
      <h3 id={h}>{t('cost.title', { name: kindName(kind, act).text })}</h3>
      <p className="muted-text">{t('cost.intro')}</p>
      <div className="jac-cost-wrap" role="region" aria-labelledby={h} tabIndex={0}>
        <table className="jac-cost-table" data-testid="cost-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('cost.figure')}</span>
              </th>
              {costs.map(({ p }) => (
                <th scope="col" key={p} className={p === preset ? 'shown' : undefined} aria-current={p === preset ? 'true' : undefined} data-preset={p}>
                  <button type="button" className="jac-preset-btn" onClick={() => store.getState().setJacobianPreset(p as JacobianPreset)} aria-pressed={p === preset}>
                    {p === 'teaching' ? t('cost.teaching') : t(`jac.preset.${p}`)}
                  </button>
                  <span className="muted-text jac-preset-note">{t(`jac.preset.${p}.note`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label === 'cost.macsShortcut' ? t(row.label, { formula: JACOBIAN_SPECS[kind].shortcutCount }) : t(row.label)}</th>
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
