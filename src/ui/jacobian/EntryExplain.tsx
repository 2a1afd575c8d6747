// The entry being pointed at, written with Kronecker deltas and its numbers.
import { useMemo } from 'react';
import { explainEntry, formatNumber } from '../../core/index.ts';
import { selectJacobian } from '../../store/jacobianSlice.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp } from '../storeContext.tsx';
import { KIND_TEXT, cellName } from './labels.ts';

/** The explanation panel beside the Jacobian. */
export function EntryExplain() {
  const J = useApp(selectJacobian);
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const inputs = useApp((s) => s.inputs);
  const r = useApp((s) => s.jacobianEntry?.r ?? -1);
  const c = useApp((s) => s.jacobianEntry?.c ?? -1);
  const e = useMemo(() => {
    if (r < 0 || c < 0 || r >= J.rows || c >= J.cols) return null;
    return explainEntry(J, r, c, teaching ? { x: inputs.x, W: inputs.W } : undefined);
  }, [J, r, c, teaching, inputs]);

  return (
    <aside className="jac-explain" aria-label="The entry being explained" data-testid="jacobian-explain">
      {e ? (
        <>
          <h3 className="jac-explain-title">
            {e.title} = <span data-testid="jacobian-entry-value">{e.value === null ? e.label : formatNumber(e.value, 6)}</span>
          </h3>
          <p className="jac-where muted-text">
            Row {r.toLocaleString('en')} is {cellName(e.yCell)}; column {c.toLocaleString('en')} is {cellName(e.paramCell)}.
          </p>
          <p className="note">{e.note}</p>
          <ol className="lines">
            <li className="line">
              <span className="line-tag">from</span>
              <Tex tex={e.forward} />
            </li>
            <li className="line">
              <span className="line-tag">rule</span>
              <Tex tex={e.general} />
            </li>
            <li className="line">
              <span className="line-tag">this entry</span>
              <Tex tex={e.indexed} />
            </li>
            <li className="line" data-line="numeric">
              <span className="line-tag">numbers</span>
              <Tex tex={e.numeric} />
            </li>
          </ol>
          <p className="muted-text jac-delta-note">
            <Tex tex="\delta_{ab}" /> is 1 when a = b and 0 otherwise, so it keeps one term of the sum and zeroes the rest.
          </p>
        </>
      ) : (
        <>
          <h3 className="jac-explain-title">One entry of {KIND_TEXT[J.kind].text}</h3>
          <p className="hint muted-text">
            {teaching
              ? 'Point at an entry of the table or the pattern, or move through the table with the arrow keys, to see what it is and where it comes from. Its y cell and parameter cell are outlined in the lesson above.'
              : 'Zoom into the pattern until single entries show, then point at one to see what it is.'}
          </p>
        </>
      )}
    </aside>
  );
}
