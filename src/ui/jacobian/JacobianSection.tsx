// The Jacobian view: the full derivative of the layer's output by W, x or b
// (or of y by z through an activation), entry by entry at the teaching size
// and as a zoomable sparsity pattern at any size, what it would cost to
// build, and the shortcut emerging from the product through it.
import { useId } from 'react';
import { JACOBIAN_SPECS } from '../../core/index.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useI18n } from '../storeContext.tsx';
import { CostPanel } from './CostPanel.tsx';
import { EntryExplain } from './EntryExplain.tsx';
import { EntryTable } from './EntryTable.tsx';
import { JacobianControls } from './JacobianControls.tsx';
import { kindName } from './labels.ts';
import { ShortcutWalk } from './ShortcutWalk.tsx';
import { SparsityView } from './SparsityView.tsx';

/** The whole Jacobian section, mounted below the lesson. */
export function JacobianSection() {
  const { t } = useI18n();
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const kind = useApp((s) => s.jacobianKind);
  const act = useApp((s) => s.config.activation);
  const name = kindName(kind, act);
  const grad = JACOBIAN_SPECS[kind].gradient;
  const h = useId();
  return (
    <section className="jacobian" aria-labelledby={h} data-testid="jacobian-view">
      <h2 id={h}>{t('jac.title')}</h2>
      <p className="jac-intro">
        <Rich
          m={{
            key: 'jac.intro',
            params: {
              dLdp: { tex: `\\partial L/\\partial ${name.by}` },
              dLdy: { tex: `\\partial L/\\partial ${name.of}` },
              dydp: { tex: `\\partial ${name.of}/\\partial ${name.by}` },
              of: name.of,
              column: { key: `jac.column.${grad}` },
              sparse: { key: `jac.sparse.${grad}` },
            },
          }}
        />
      </p>
      <JacobianControls />
      <div className="jac-body">
        <div className="jac-main">
          {teaching ? <EntryTable /> : null}
          <SparsityView />
        </div>
        <EntryExplain />
      </div>
      <CostPanel />
      <ShortcutWalk />
    </section>
  );
}
