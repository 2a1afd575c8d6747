// Every entry of the Jacobian at the teaching size, as an ARIA grid: rows are
// y elements, columns parameter elements, both in the chosen linearisation.
// Pointing at an entry or reaching it with the arrow keys explains it and
// outlines its y cell and parameter cell in the lesson.
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { explainEntry, type EntryExplanation } from '../../core/index.ts';
import { heatScale } from '../matrix/colour.ts';
import { gridMove } from '../matrix/gridKeys.ts';
import type { I18n } from '../strings/i18n.ts';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { kindName } from './labels.ts';

/** Above these, the entries are left to the zoomable pattern below. */
export const TABLE_MAX = { rows: 48, cols: 48, entries: 1200 };

/** What a structurally non-zero entry is, in a few characters: x[0,2], W[2,1], 1, or the slope at z[0,1]. */
export function entryLabel(e: EntryExplanation, i18n: I18n): string {
  if (!e.structural) return '0';
  if (!e.valueCell) return '1';
  return e.valueCell.m === 'z' ? i18n.t('jac.entry.slope', { cell: i18n.cellName(e.valueCell) }) : i18n.cellName(e.valueCell);
}

interface EntryCell {
  value: number;
  text: string;
  structural: boolean;
  label: string;
  title: string;
  bg: string;
  fg: string;
}

const Entry = memo(function Entry({ r, c, e, tabbable, active, zeroText, thatIs }: { r: number; c: number; e: EntryCell; tabbable: boolean; active: boolean; zeroText: string; thatIs: string }) {
  const cls = ['jac-entry', e.structural ? 'nz' : 'zero'];
  if (e.value < 0) cls.push('neg');
  if (active) cls.push('active');
  // The cell's name is its own text: the sr-only parts say which entry it is and what the value is made of.
  return (
    <td
      role="gridcell"
      data-r={r}
      data-c={c}
      data-value={String(e.value)}
      aria-selected={active}
      tabIndex={tabbable ? 0 : -1}
      className={cls.join(' ')}
      style={e.structural ? { background: e.bg, color: e.fg } : undefined}
    >
      <span className="sr-only">{e.title} = </span>
      <span className="jac-v heat-text">{e.text}</span>
      {e.structural && e.label !== '1' && (
        <span className="jac-sym heat-text">
          <span className="sr-only">{thatIs}</span>
          {e.label}
        </span>
      )}
      {!e.structural && <span className="sr-only">{zeroText}</span>}
    </td>
  );
});

/** The teaching-size Jacobian, entry by entry. */
export function EntryTable() {
  const store = useAppStore();
  const select = useSelectors();
  const i18n = useI18n();
  const { t, fmt, cellName } = i18n;
  const J = useApp(select.jacobian);
  const ctx = useApp(select.ctx);
  const activeR = useApp((s) => s.jacobianEntry?.r ?? -1);
  const activeC = useApp((s) => s.jacobianEntry?.c ?? -1);
  const ref = useRef<HTMLTableElement>(null);
  const [pos, setPos] = useState({ r: 0, c: 0 });
  const fits = J.rows <= TABLE_MAX.rows && J.cols <= TABLE_MAX.cols && J.entries <= TABLE_MAX.entries;
  const name = kindName(J.kind, J.activation);

  const cells = useMemo(() => {
    if (!fits) return null;
    const values = { x: ctx.inputs.x, W: ctx.inputs.W, z: ctx.outputs.z };
    const raw: number[] = [];
    for (let r = 0; r < J.rows; r++) for (let c = 0; c < J.cols; c++) raw.push(J.entry(r, c));
    const colour = heatScale(raw);
    const out: EntryCell[] = [];
    for (let r = 0; r < J.rows; r++)
      for (let c = 0; c < J.cols; c++) {
        const e = explainEntry(J, r, c, values, fmt);
        const v = e.value ?? 0;
        const { bg, fg } = colour(v);
        out.push({ value: v, text: fmt.text(v, 3), structural: e.structural, label: entryLabel(e, i18n), title: `∂${cellName(e.yCell)}/∂${cellName(e.paramCell)}`, bg, fg });
      }
    return out;
  }, [J, fits, ctx, fmt, i18n, cellName]);

  const rowNames = useMemo(() => Array.from({ length: fits ? J.rows : 0 }, (_, r) => cellName(J.rowCell(r))), [J, fits, cellName]);
  const colNames = useMemo(() => Array.from({ length: fits ? J.cols : 0 }, (_, c) => cellName(J.colCell(c))), [J, fits, cellName]);

  const rp = Math.min(pos.r, J.rows - 1), cp = Math.min(pos.c, J.cols - 1);
  const point = useCallback((e: { r: number; c: number } | null) => store.getState().setJacobianEntry(e), [store]);

  const focusCell = (r: number, c: number) => {
    setPos({ r, c });
    ref.current?.querySelector<HTMLElement>(`td[data-r="${r}"][data-c="${c}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const to = gridMove(e.key, e.ctrlKey, { r: rp, c: cp }, J.rows, J.cols, true);
    if (!to) return;
    e.preventDefault();
    focusCell(to.r, to.c);
  };
  const cellOf = (t: EventTarget | null): { r: number; c: number } | null => {
    const el = (t as HTMLElement | null)?.closest?.('td[data-r]') as HTMLElement | null;
    if (!el || !ref.current?.contains(el)) return null;
    return { r: Number(el.dataset.r), c: Number(el.dataset.c) };
  };

  if (!fits || !cells) {
    return (
      <p className="jac-note">{t('jac.table.tooBig', { B: J.sizes.B, N: J.sizes.N, T: J.sizes.T, n: J.entries })}</p>
    );
  }

  return (
    <div className="jac-table-wrap">
      <table
        ref={ref}
        role="grid"
        className="jac-table"
        data-testid="jacobian-table"
        aria-label={t('jac.table.label', { name: name.text, rows: J.rows, cols: J.cols, of: name.of, by: name.by, order: t(`jac.lin.${J.linearisation}`) })}
        aria-rowcount={J.rows + 1}
        aria-colcount={J.cols + 1}
        onKeyDown={onKeyDown}
        onMouseOver={(e) => {
          const cell = cellOf(e.target);
          if (cell) point(cell);
        }}
        // Leaving with the pointer goes back to the entry the keyboard is on, if the table has focus.
        onMouseLeave={() => point(ref.current?.contains(document.activeElement) ? { r: rp, c: cp } : null)}
        onFocus={(e) => {
          const cell = cellOf(e.target);
          if (cell) {
            setPos(cell);
            point(cell);
          }
        }}
        onBlur={(e) => {
          if (!ref.current?.contains(e.relatedTarget as Node | null)) point(null);
        }}
      >
        <thead>
          <tr>
            <th scope="col" className="jac-corner">
              <span className="sr-only">{t('jac.table.corner', { of: name.of, by: name.by })}</span>
              <span aria-hidden="true">
                {name.of} \ {name.by}
              </span>
            </th>
            {colNames.map((n, c) => (
              <th scope="col" key={c} className={c === activeC ? 'on' : undefined}>
                <span className="jac-idx" aria-hidden="true">
                  {c}
                </span>
                {n}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowNames.map((n, r) => (
            <tr key={r}>
              <th scope="row" className={r === activeR ? 'on' : undefined}>
                <span className="jac-idx" aria-hidden="true">
                  {r}
                </span>
                {n}
              </th>
              {colNames.map((_, c) => (
                <Entry
                  key={c}
                  r={r}
                  c={c}
                  e={cells[r * J.cols + c]}
                  tabbable={r === rp && c === cp}
                  active={r === activeR && c === activeC}
                  zeroText={t('jac.table.zero')}
                  thatIs={t('jac.table.thatIs')}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
