// The Jacobian view's heading and opening paragraph: shown at once, while the
// rest of the view (a chunk of its own) loads, and kept by the view itself.
import { JACOBIAN_SPECS } from '../../core/index.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useI18n } from '../storeContext.tsx';
import { kindName } from './labels.ts';

/** The heading (with the id the section is labelled by) and the paragraph under it. */
export function JacobianIntro({ headingId }: { headingId: string }) {
  const { t } = useI18n();
  const kind = useApp((s) => s.jacobianKind);
  const act = useApp((s) => s.config.activation);
  const name = kindName(kind, act);
  const grad = JACOBIAN_SPECS[kind].gradient;
  return (
    <>
      <h2 id={headingId}>{t('jac.title')}</h2>
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
    </>
  );
}
