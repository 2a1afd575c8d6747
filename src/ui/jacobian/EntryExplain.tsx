// The entry being pointed at, written with Kronecker deltas and its numbers.
import { useMemo } from 'react';
import { explainEntry } from '../../core/index.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';
import { kindName } from './labels.ts';

/** The explanation panel beside the Jacobian. */
export function EntryExplain() {
  const select = useSelectors();
  const { t, msg, fmt, cellName } = useI18n();
  const J = useApp(select.jacobian);
  const ctx = useApp(select.ctx);
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const r = useApp((s) => s.jacobianEntry?.r ?? -1);
  const c = useApp((s) => s.jacobianEntry?.c ?? -1);
  const e = useMemo(() => {
    if (r < 0 || c < 0 || r >= J.rows || c >= J.cols) return null;
    return explainEntry(J, r, c, teaching ? { x: ctx.inputs.x, W: ctx.inputs.W, z: ctx.outputs.z } : undefined, fmt);
  }, [J, r, c, teaching, ctx, fmt]);
  const name = kindName(J.kind, J.activation);

  return (
    <aside className="jac-explain" aria-label={t('jac.explain.label')} data-testid="jacobian-explain">
      {e ? (
        <>
          <h3 className="jac-explain-title">
            ∂{cellName(e.yCell)}/∂{cellName(e.paramCell)} ={' '}
            <span data-testid="jacobian-entry-value">{e.value === null ? (e.valueCell ? cellName(e.valueCell) : '') : fmt.text(e.value, 6)}</span>
          </h3>
          <p className="jac-where muted-text">{t('jac.explain.where', { r: fmt.integer(r), c: fmt.integer(c), row: cellName(e.yCell), col: cellName(e.paramCell) })}</p>
          <p className="note">{msg(e.note)}</p>
          <ol className="lines">
            <li className="line">
              <span className="line-tag">{t('jac.line.from')}</span>
              <Tex tex={e.forward} />
            </li>
            <li className="line">
              <span className="line-tag">{t('derivation.line.rule')}</span>
              <Tex tex={e.general} />
            </li>
            <li className="line">
              <span className="line-tag">{t('jac.line.entry')}</span>
              <Tex tex={e.indexed} />
            </li>
            <li className="line" data-line="numeric">
              <span className="line-tag">{t('derivation.line.numbers')}</span>
              <Tex tex={e.numeric} />
            </li>
          </ol>
          <p className="muted-text jac-delta-note">
            <Tex tex="\delta_{ab}" /> {t('jac.delta')}
          </p>
        </>
      ) : (
        <>
          <h3 className="jac-explain-title">{t('jac.explain.empty', { name: name.text })}</h3>
          <p className="hint muted-text">{teaching ? t('jac.explain.hintTeaching') : t('jac.explain.hintPreset')}</p>
        </>
      )}
    </aside>
  );
}
