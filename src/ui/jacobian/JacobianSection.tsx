// The Jacobian view: the full derivative of the layer's output by W, x or b
// (or of y by z through an activation), entry by entry at the teaching size
// and as a zoomable sparsity pattern at every size, what it would cost to
// build, and the shortcut emerging from the product through it.
import { useId } from 'react';
import { useApp, withStrings } from '../storeContext.tsx';
import { CostPanel } from './CostPanel.tsx';
import { EntryExplain } from './EntryExplain.tsx';
import { EntryTable } from './EntryTable.tsx';
import { JacobianControls } from './JacobianControls.tsx';
import { JacobianIntro } from './JacobianIntro.tsx';
import { ShortcutWalk } from './ShortcutWalk.tsx';
import { SparsityView } from './SparsityView.tsx';
import { jacobian } from '../strings/en/lazy/jacobian.ts';

/** The whole Jacobian section, mounted below the lesson. */
function JacobianSectionView() {
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const h = useId();
  return (
    <section className="jacobian" aria-labelledby={h} data-testid="jacobian-view">
      <JacobianIntro headingId={h} />
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

/** The Jacobian section, with its part of the catalogue. */
export const JacobianSection = withStrings([jacobian], JacobianSectionView);
