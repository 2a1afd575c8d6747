// For seed 002's generated data: the learned W and b beside W_true and b_true, and how far apart they are.
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';

/** The learned weights beside the true ones. */
export function TruthTable() {
  const select = useSelectors();
  const { t, fmt } = useI18n();
  const gap = useApp(select.train.truth);
  if (!gap) return null;
  const rows = [
    ...gap.W.flatMap((row, i) => row.map((w, j) => ({ key: `W${i}${j}`, name: t('train.truth.entry', { i, j }), learned: w, truth: gap.trueW[i][j], gap: gap.gapW[i][j] }))),
    ...gap.b.map((v, j) => ({ key: `b${j}`, name: t('train.truth.bias', { j }), learned: v, truth: gap.trueB[j], gap: gap.gapB[j] })),
  ];
  return (
    <figure className="truth" data-testid="truth">
      <figcaption>
        <strong>{t('train.truth.title')}</strong> {t('train.truth.caption', { maxW: fmt.text(gap.maxW, 3), maxB: fmt.text(gap.maxB, 3) })}
      </figcaption>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('train.truth.learned')}</th>
            <th scope="col">{t('train.truth.true')}</th>
            <th scope="col">|Δ|</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <code>{r.name}</code>
              </th>
              <td data-value={r.learned}>{fmt.text(r.learned, 4)}</td>
              <td>{fmt.text(r.truth, 4)}</td>
              <td data-gap={r.gap}>{fmt.text(r.gap, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
