// What the Jacobian view shows: which Jacobian, how matrices are flattened, and at what size.
import { useId } from 'react';
import { layerTex, type Linearisation } from '../../core/index.ts';
import { JACOBIAN_PRESETS } from '../../store/selectors.ts';
import { Tex } from '../derivation/Tex.tsx';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { kindName } from './labels.ts';

const LINS: readonly Linearisation[] = ['row-major', 'column-major'];

/** The three choices of the Jacobian view, as radio groups. */
export function JacobianControls() {
  const store = useAppStore();
  const select = useSelectors();
  const { t } = useI18n();
  const kind = useApp((s) => s.jacobianKind);
  const kinds = useApp(select.jacobianKinds);
  const lin = useApp((s) => s.linearisation);
  const preset = useApp((s) => s.jacobianPreset);
  const conv = useApp((s) => s.config.convention);
  const act = useApp((s) => s.config.activation);
  const B = useApp((s) => s.config.B);
  const N = useApp((s) => s.config.N);
  const T = useApp((s) => s.config.T);
  const group = useId();
  return (
    <form className="jac-controls" aria-label={t('jac.controls')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field jac-choice">
        <legend>{t('jac.kind')}</legend>
        {kinds.map((k) => {
          const name = kindName(k, act);
          return (
            <label key={k} className={k === kind ? 'seg on' : 'seg'}>
              <input type="radio" name={`${group}-kind`} data-choice="jac-kind" value={k} checked={k === kind} onChange={() => store.getState().setJacobianKind(k)} />
              <span className="sr-only">{name.text}</span>
              <Tex tex={name.tex} />
            </label>
          );
        })}
      </fieldset>
      <fieldset className="field jac-choice">
        <legend>{t('jac.flatten')}</legend>
        {LINS.map((l) => (
          <label key={l} className={l === lin ? 'seg on' : 'seg'} title={t(`jac.lin.${l}.note`)}>
            <input type="radio" name={`${group}-lin`} data-choice="jac-lin" value={l} checked={l === lin} onChange={() => store.getState().setLinearisation(l)} />
            {t(`jac.lin.${l}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field jac-choice">
        <legend>{t('jac.size')}</legend>
        {JACOBIAN_PRESETS.map((p) => (
          <label key={p} className={p === preset ? 'seg on' : 'seg'}>
            <input type="radio" name={`${group}-size`} data-choice="jac-size" value={p} checked={p === preset} onChange={() => store.getState().setJacobianPreset(p)} />
            {t(`jac.preset.${p}`)}
            {p === 'teaching' && <span className="muted-text"> {t('jac.preset.sizes', { B, N, T })}</span>}
          </label>
        ))}
      </fieldset>
      <p className="jac-conv muted-text">
        <Rich m={{ key: 'jac.convention', params: { conv: { code: conv }, rule: { tex: layerTex(conv, act) }, how: t(`jac.lin.${lin}.note`) } }} />
      </p>
    </form>
  );
}
