// The Jacobian view: the full derivative of y by W, x or b, entry by entry at
// the teaching size and as a zoomable sparsity pattern at any size, what it
// would cost to build, and the shortcut emerging from the product through it.
import { Tex } from '../derivation/Tex.tsx';
import { useApp } from '../storeContext.tsx';
import { CostPanel } from './CostPanel.tsx';
import { EntryExplain } from './EntryExplain.tsx';
import { EntryTable } from './EntryTable.tsx';
import { JacobianControls } from './JacobianControls.tsx';
import { PARAM_NAME } from './labels.ts';
import { ShortcutWalk } from './ShortcutWalk.tsx';
import { SparsityView } from './SparsityView.tsx';

/** The whole Jacobian section, mounted below the lesson. */
export function JacobianSection() {
  const teaching = useApp((s) => s.jacobianPreset === 'teaching');
  const kind = useApp((s) => s.jacobianKind);
  const p = PARAM_NAME[kind];
  const column = { 'dY/dW': 'every weight', 'dY/dX': 'every input value', 'dY/db': 'every bias' }[kind];
  const sparse = {
    'dY/dW': 'Each output only ever touches the weights that lead into it',
    'dY/dX': "Each output only ever touches its own sample's inputs",
    'dY/db': 'Each output only ever touches its own bias',
  }[kind];
  return (
    <section className="jacobian" aria-labelledby="jac-h" data-testid="jacobian-view">
      <h2 id="jac-h">The full Jacobian, and why nobody builds it</h2>
      <p className="jac-intro">
        The backward pass needs <Tex tex={`\\partial L/\\partial ${p}`} />. The chain rule writes it as the row vector{' '}
        <Tex tex="\partial L/\partial y" /> times the Jacobian <Tex tex={`\\partial y/\\partial ${p}`} />: a matrix with one row for every
        element of y and one column for {column}. {sparse}, so most entries are 0, and the matrix grows with the product of the sizes. The
        compact formulas of the backward pass are that product with the zeros left out.
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
