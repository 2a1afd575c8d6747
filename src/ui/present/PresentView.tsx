// Presentation mode: the app fills the screen in a projector theme, with a stage of the matrices the current step
// or the focused cell involves, large, beside their derivation. The player steps it; the bar above sizes it,
// blanks it, spotlights the explained cell, or puts every matrix on the stage.
import { useRef, useState, type CSSProperties } from 'react';
import { DerivationPanel } from '../derivation/DerivationPanel.tsx';
import { CellEditorsProvider } from '../matrix/cellEditors.tsx';
import { MatrixView } from '../matrix/MatrixView.tsx';
import { Player } from '../player/Player.tsx';
import { StepAnimator } from '../player/StepAnimator.tsx';
import type { useFullscreen } from '../shell/Fullscreen.tsx';
import { Notices } from '../shell/Notices.tsx';
import { TourBar } from '../tour/TourBar.tsx';
import { useApp, useI18n, useSelectors } from '../storeContext.tsx';
import { PresentBar } from './PresentBar.tsx';
import { useStage } from './useStage.ts';
import './present.css';

/** The whole app in presentation mode. */
export function PresentView({ fullscreen }: { fullscreen: ReturnType<typeof useFullscreen> }) {
  const { t } = useI18n();
  const select = useSelectors();
  const stage = useStage();
  const graph = useApp(select.graph);
  const blank = useApp((s) => s.blank);
  const spotlight = useApp((s) => s.spotlight);
  const scale = useApp((s) => s.presentScale);
  const [all, setAll] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const shown = all ? graph.nodes.map((n) => n.node) : stage;
  return (
    <div className={spotlight ? 'present spotlight' : 'present'} style={{ '--ps': scale } as CSSProperties} data-testid="present">
      <div className="present-main" inert={blank}>
        <PresentBar fullscreen={fullscreen} all={all} setAll={setAll} />
        {/* A running tour's caption, stop count and question, for the class. */}
        <TourBar />
        <Notices />
        <CellEditorsProvider>
          <div className="present-body">
            <div className="stage" ref={root}>
              <Player />
              <StepAnimator rootRef={root} />
              <section className={all ? 'stage-grids all' : 'stage-grids'} aria-label={t(all ? 'present.stage.all' : 'present.stage')}>
                {shown.map((m) => (
                  <MatrixView key={m} name={m} />
                ))}
              </section>
            </div>
            <DerivationPanel />
          </div>
        </CellEditorsProvider>
      </div>
      {blank && (
        <div className="present-blank" data-testid="present-blank">
          <p className="sr-only" role="status">
            {t('present.blanked')}
          </p>
        </div>
      )}
    </div>
  );
}
