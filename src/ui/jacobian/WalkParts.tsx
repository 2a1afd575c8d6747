// The four steps of the shortcut walkthrough: g as a row vector, g·J entry by
// entry, g·J re-rolled into the parameter's shape, and the comparison with
// the lesson's gradient.
import { useMemo } from 'react';
import { JACOBIAN_SPECS, type ShortcutWalkthrough } from '../../core/index.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';
import { MiniMatrix } from './MiniMatrix.tsx';

/** Above this many entries the product is listed column by column instead of drawn whole. */
const GRID_MAX = { entries: 720, cols: 36 };

type Point = (cell: { r: number; c: number } | null) => void;

/** Step 1: g, the upstream gradient flattened. */
export function WalkVector({ w }: { w: ShortcutWalkthrough }) {
  const { t, fmt, cellName, label } = useI18n();
  return (
    <>
      <p>{t('walk.vector.text', { g: label(w.upstream), order: t(`jac.lin.${w.linearisation}`), n: w.rows })}</p>
      <ol className="jac-vector" aria-label={t('walk.vector.label')}>
        {Array.from(w.g, (v, r) => (
          <li key={r} data-value={String(v)}>
            <span className="jac-tag">{cellName(w.gCells[r])}</span>
            {fmt.text(v, 3)}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Step 2: every column of g·J, with the products that meet a non-zero. */
export function WalkProduct({ w, animate }: { w: ShortcutWalkthrough; animate: boolean }) {
  const { t, fmt, cellName } = useI18n();
  const f = (v: number) => fmt.text(v, 3);
  const skipped = w.macs.full - w.macs.nonZero;
  const summary = <p>{t('walk.product.text', { rows: w.rows, full: w.macs.full, nonZero: w.macs.nonZero, skipped })}</p>;
  if (w.rows * w.cols > GRID_MAX.entries || w.cols > GRID_MAX.cols) {
    const shown = w.columns.slice(0, 8);
    return (
      <>
        {summary}
        <ul className="jac-sums">
          {shown.map((col) => (
            <li key={col.c}>
              {cellName(col.cell)} = {col.terms.map((x) => `${f(x.g)}·${f(x.j)}`).join(' + ')} = {f(col.value)}
            </li>
          ))}
          {w.columns.length > shown.length && <li>{t('walk.product.more', { n: w.columns.length - shown.length })}</li>}
        </ul>
      </>
    );
  }
  // Which (row, column) pairs contribute, for the grid.
  const contrib = new Map<number, number>();
  for (const col of w.columns) for (const x of col.terms) contrib.set(x.r * w.cols + col.c, x.product);
  return (
    <>
      {summary}
      <div className="jac-product-wrap" role="region" aria-label={t('walk.product.label')} tabIndex={0}>
        <table className="jac-product" data-testid="walk-product">
          <thead>
            <tr>
              <th scope="col">g</th>
              {w.columns.map((col) => (
                <th scope="col" key={col.c}>
                  {cellName(col.cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from(w.g, (g, r) => (
              <tr key={r}>
                <th scope="row" title={cellName(w.gCells[r])}>
                  {f(g)}
                </th>
                {w.columns.map((col) => {
                  const p = contrib.get(r * w.cols + col.c);
                  return p === undefined ? (
                    <td key={col.c} className="zero">
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">0</span>
                    </td>
                  ) : (
                    <td key={col.c} className={animate ? 'nz jac-pop' : 'nz'} style={animate ? { animationDelay: `${Math.round((col.c * 1500) / w.cols)}ms` } : undefined}>
                      {f(p)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Σ</th>
              {w.columns.map((col) => (
                <td key={col.c} data-value={String(col.value)} className={animate ? 'jac-pop' : undefined} style={animate ? { animationDelay: '1600ms' } : undefined}>
                  {f(col.value)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

/** Step 3: g·J read back into the parameter's shape. */
export function WalkRolled({ w, onPoint }: { w: ShortcutWalkthrough; onPoint: Point }) {
  const { t, cellName, label } = useI18n();
  return (
    <>
      <p>{t('walk.rolled.text', { n: w.cols, order: t(`jac.lin.${w.linearisation}`), param: label(w.target) })}</p>
      <MiniMatrix
        rows={w.rolled.rows}
        cols={w.rolled.cols}
        values={w.rolled.data}
        caption={t('walk.rolled.caption', { rows: w.rolled.rows, cols: w.rolled.cols })}
        name={(r, c) => cellName({ m: w.target, r, c })}
        tag={(r, c) => String(w.linearisation === 'row-major' ? r * w.rolled.cols + c : c * w.rolled.rows + r)}
        testId="walk-rolled"
        onPoint={onPoint}
      />
    </>
  );
}

/** Step 4: the same numbers as the lesson's gradient by the shortcut. */
export function WalkCompare({ w, onPoint }: { w: ShortcutWalkthrough; onPoint: Point }) {
  const { t, fmt, cellName, label } = useI18n();
  const select = useSelectors();
  const ctx = useApp(select.ctx);
  const graph = useApp(select.graph);
  const rule = useMemo(() => {
    const r = graph.rule(JACOBIAN_SPECS[w.kind].gradient);
    return r?.role === 'computed' ? (r.matrixForm(ctx)?.rule ?? '') : '';
  }, [graph, ctx, w.kind]);
  const name = (r: number, c: number) => cellName({ m: w.target, r, c });
  const diff = w.maxAbsDiff === 0 ? '0' : fmt.text(w.maxAbsDiff, 2);
  return (
    <>
      <div className="jac-compare">
        <MiniMatrix rows={w.rolled.rows} cols={w.rolled.cols} values={w.rolled.data} caption={t('walk.compare.full')} name={name} testId="walk-final" onPoint={onPoint} />
        <span className="jac-eq" aria-hidden="true">
          {w.agrees ? '=' : '≠'}
        </span>
        <MiniMatrix rows={w.shortcut.rows} cols={w.shortcut.cols} values={w.shortcut.data} caption={t('walk.compare.shortcut')} name={name} testId="walk-shortcut" onPoint={onPoint} />
      </div>
      <p className={w.agrees ? 'jac-verdict ok' : 'jac-verdict bad'} role="status" data-testid="walk-verdict" data-agrees={String(w.agrees)}>
        {w.agrees ? t('walk.compare.same', { param: label(w.target), diff }) : t('walk.compare.differ', { param: label(w.target), diff })}
      </p>
      <p>
        <Rich m={{ key: 'walk.compare.shortcutNote', params: { rule: { tex: rule }, macs: w.macs.shortcut, entries: w.rows * w.cols } }} />
      </p>
    </>
  );
}
