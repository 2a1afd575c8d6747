// The computation, left to right: the forward row, then the backward row
// below it, and with a learning rate the update row (W⁺, b⁺) below that, each
// drawn from the lesson's graph with the operation named before the grids it
// computes.
import { Fragment, useId, useRef } from 'react';
import { LOSSES, layerTex, updateTex, type NodeRule } from '../../core/index.ts';
import { shows } from '../../store/frame.ts';
import { Player } from '../player/Player.tsx';
import { StepAnimator } from '../player/StepAnimator.tsx';
import { MatrixView } from '../matrix/MatrixView.tsx';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';
import { arrowBefore, passNodes } from './passes.ts';

const Arrow = ({ label }: { label: string }) => (
  <div className="arrow" aria-hidden="true">
    <span className="arrow-label">{label}</span>→
  </div>
);

/** The grids of one row, with an arrow before the first node of each operation after the first grid. */
function Row({ nodes }: { nodes: readonly NodeRule[] }) {
  const { t } = useI18n();
  return (
    <div className="pass-row">
      {nodes.map((n, k) => {
        const grid = n.node === 'L' ? <LossBox /> : <MatrixView name={n.node} />;
        // An arrow wraps to the next line with the grid it points at, never alone at the end of a line.
        const op = arrowBefore(nodes, k);
        return op ? (
          <div className="pass-step" key={n.node}>
            <Arrow label={t(`op.${op}`)} />
            {grid}
          </div>
        ) : (
          <Fragment key={n.node}>{grid}</Fragment>
        );
      })}
    </div>
  );
}

/** The loss and its formula. */
function LossBox() {
  const { t, fmt } = useI18n();
  const select = useSelectors();
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const L = useApp((s) => select.ctx(s).outputs.L);
  const formula = LOSSES[loss].tex(conv);
  return (
    <div className="loss-box">
      <MatrixView name="L" />
      {formula ? (
        <p className="muted-text loss-formula">
          <Tex tex={formula} />
          <span className="sr-only">{t('lesson.lossValue', { value: fmt.text(L, 6) })}</span>
        </p>
      ) : (
        <p className="muted-text">{t('lesson.lossGiven')}</p>
      )}
    </div>
  );
}

/** Every matrix of the lesson. */
export function LessonView() {
  const { t, fmt } = useI18n();
  const select = useSelectors();
  const conv = useApp((s) => s.config.convention);
  const act = useApp((s) => s.config.activation);
  const lr = useApp((s) => s.config.lr);
  const graph = useApp(select.graph);
  const { forward, backward, update } = passNodes(graph);
  const root = useRef<HTMLDivElement>(null);
  const fwd = useId();
  const bwd = useId();
  const upd = useId();
  const frame = useApp((s) => s.frame);
  return (
    <div className="lesson" ref={root}>
      {shows(frame, 'player') && <Player />}
      <StepAnimator rootRef={root} />
      {shows(frame, 'forward') && (
        <section className="pass forward" aria-labelledby={fwd}>
          <h2 id={fwd}>
            {t('lesson.forward')} <Tex tex={layerTex(conv, act)} />
          </h2>
          <Row nodes={forward} />
        </section>
      )}
      {shows(frame, 'backward') && (
        <section className="pass backward" aria-labelledby={bwd}>
          <h2 id={bwd}>{t('lesson.backward')}</h2>
          <Row nodes={backward} />
        </section>
      )}
      {/* The update belongs to the backward pass's section of show=: it is shown with it. */}
      {shows(frame, 'backward') && update.length > 0 && lr !== undefined && (
        <section className="pass update" aria-labelledby={upd}>
          <h2 id={upd}>
            {t('lesson.update')} <Tex tex={updateTex(lr, fmt)} />
          </h2>
          <Row nodes={update} />
        </section>
      )}
    </div>
  );
}
