// The computation, left to right: the forward row, then the backward row below it.
import { useRef } from 'react';
import { CONVENTION_INFO, formatNumber, LOSS_SPECS } from '../../core/index.ts';
import { Player } from '../player/Player.tsx';
import { StepAnimator } from '../player/StepAnimator.tsx';
import { MatrixView } from '../matrix/MatrixView.tsx';
import { Tex } from '../derivation/Tex.tsx';
import { useApp } from '../storeContext.tsx';

const Arrow = ({ label }: { label: string }) => (
  <div className="arrow" aria-hidden="true">
    <span className="arrow-label">{label}</span>→
  </div>
);

/** Every matrix of the lesson. */
export function LessonView() {
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const L = useApp((s) => s.outputs.L);
  const info = CONVENTION_INFO[conv];
  const root = useRef<HTMLDivElement>(null);
  return (
    <div className="lesson" ref={root}>
      <Player />
      <StepAnimator rootRef={root} />
      <section className="pass forward" aria-labelledby="fwd-h">
        <h2 id="fwd-h">
          Forward pass <Tex tex={info.forwardTex} />
        </h2>
        <div className="pass-row">
          <MatrixView name="x" />
          <MatrixView name="W" />
          <MatrixView name="b" />
          <Arrow label="forward" />
          <MatrixView name="y" />
          {loss !== 'sum' && loss !== 'upstream' && <MatrixView name="target" />}
          <Arrow label="loss" />
          <div className="loss-box">
            <MatrixView name="L" />
            {loss !== 'upstream' ? (
              <p className="muted-text loss-formula">
                <Tex tex={LOSS_SPECS[loss].tex(conv)} />
                <span className="sr-only">Loss value {formatNumber(L, 6)}</span>
              </p>
            ) : (
              <p className="muted-text">dL/dy is typed in below.</p>
            )}
          </div>
        </div>
      </section>
      <section className="pass backward" aria-labelledby="bwd-h">
        <h2 id="bwd-h">Backward pass</h2>
        <div className="pass-row">
          <MatrixView name="dY" />
          <Arrow label="backward" />
          <MatrixView name="dW" />
          <MatrixView name="db" />
          <MatrixView name="dX" />
        </div>
      </section>
    </div>
  );
}
