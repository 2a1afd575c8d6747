// What the Jacobian view shows: which Jacobian, how matrices are flattened, and at what size.
import { CONVENTION_INFO, type JacobianKind, type Linearisation } from '../../core/index.ts';
import { JACOBIAN_PRESETS, PRESET_INFO } from '../../store/jacobianSlice.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useAppStore } from '../storeContext.tsx';
import { KIND_TEXT } from './labels.ts';

const KINDS: readonly JacobianKind[] = ['dY/dW', 'dY/dX', 'dY/db'];
const LINS: readonly Linearisation[] = ['row-major', 'column-major'];
const LIN_NOTE: Record<Linearisation, string> = {
  'row-major': 'row after row, as NumPy and PyTorch store them',
  'column-major': 'column after column, as Fortran, MATLAB and the vec operator do',
};

/** The three choices of the Jacobian view, as radio groups. */
export function JacobianControls() {
  const store = useAppStore();
  const kind = useApp((s) => s.jacobianKind);
  const lin = useApp((s) => s.linearisation);
  const preset = useApp((s) => s.jacobianPreset);
  const conv = useApp((s) => s.config.convention);
  const B = useApp((s) => s.config.B);
  const N = useApp((s) => s.config.N);
  const T = useApp((s) => s.config.T);
  return (
    <form className="jac-controls" aria-label="Jacobian view settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field jac-choice">
        <legend>Jacobian</legend>
        {KINDS.map((k) => (
          <label key={k} className={k === kind ? 'seg on' : 'seg'}>
            <input type="radio" name="jac-kind" value={k} checked={k === kind} onChange={() => store.getState().setJacobianKind(k)} />
            <span className="sr-only">{KIND_TEXT[k].text}</span>
            <Tex tex={KIND_TEXT[k].tex} />
          </label>
        ))}
      </fieldset>
      <fieldset className="field jac-choice">
        <legend>Flatten matrices</legend>
        {LINS.map((l) => (
          <label key={l} className={l === lin ? 'seg on' : 'seg'} title={LIN_NOTE[l]}>
            <input type="radio" name="jac-lin" value={l} checked={l === lin} onChange={() => store.getState().setLinearisation(l)} />
            {l}
          </label>
        ))}
      </fieldset>
      <fieldset className="field jac-choice">
        <legend>Size</legend>
        {JACOBIAN_PRESETS.map((p) => (
          <label key={p} className={p === preset ? 'seg on' : 'seg'}>
            <input type="radio" name="jac-size" value={p} checked={p === preset} onChange={() => store.getState().setJacobianPreset(p)} />
            {PRESET_INFO[p].label}
            {p === 'teaching' && <span className="muted-text"> (B={B}, N={N}, T={T})</span>}
          </label>
        ))}
      </fieldset>
      <p className="jac-conv muted-text">
        Convention <strong>{conv}</strong>, <Tex tex={CONVENTION_INFO[conv].forwardTex} />, from the lesson settings. Matrices are read {LIN_NOTE[lin]}.
      </p>
    </form>
  );
}
