// The app's frame: header, controls, notices, the lesson and the derivation
// panel. Embedded (embed=1), a compact header, the grids first and the
// controls after them; show= leaves sections out.
import { lazy, Suspense, type ReactNode } from 'react';
import { shows } from '../../store/frame.ts';
import { Controls, CopyLink } from './Controls.tsx';
import { EmbedHeader } from './EmbedHeader.tsx';
import { ShareButton } from './ShareDialog.tsx';
import { LessonView } from './LessonView.tsx';
import { Notices } from './Notices.tsx';
import { DerivationPanel } from '../derivation/DerivationPanel.tsx';
import { CellEditorsProvider } from '../matrix/cellEditors.tsx';
import { JacobianSlot } from '../jacobian/JacobianSlot.tsx';
import { usePlayerKeysInside } from '../player/Player.tsx';
import { PresentButton } from '../present/PresentButton.tsx';
import { PresentView } from '../present/PresentView.tsx';
import { usePresentKeys } from '../present/usePresentKeys.ts';
import { useFullscreen } from './Fullscreen.tsx';
import { ExportButton, ExportDialog } from '../export/ExportDialog.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { QuizButton } from '../quiz/QuizButton.tsx';
import { TourBar } from '../tour/TourBar.tsx';
import { TourMenu } from '../tour/TourMenu.tsx';

// Training and an explained update are their own chunks, loaded when opened.
const TrainView = lazy(() => import('../train/TrainView.tsx'));
const ExplainedUpdate = lazy(() => import('../train/ExplainedUpdate.tsx'));
// So is the tour authoring panel, loaded when it opens.
const TourAuthor = lazy(() => import('../tour/TourAuthor.tsx').then((m) => ({ default: m.TourAuthor })));
// So is the exercise mode's panel.
const QuizPanel = lazy(() => import('../quiz/QuizPanel.tsx'));

/** Opens the training view. */
function TrainButton() {
  const { t } = useI18n();
  const store = useAppStore();
  return (
    <button type="button" className="train-open" aria-label={t('train.open.label')} onClick={() => store.getState().openTraining(store.getState().train?.dataset ?? 'regression')}>
      {t('train.open')}
    </button>
  );
}

/** The whole app. */
export function App() {
  const { t, locale } = useI18n();
  const onKeyDown = usePlayerKeysInside();
  const frame = useApp((s) => s.frame);
  const controls = shows(frame, 'controls') && <Controls />;
  // Presentation mode's keys are heard before the grids', and in every mode (P turns it on).
  const fullscreen = useFullscreen();
  const onKeyDownCapture = usePresentKeys(fullscreen);
  const present = useApp((s) => s.present);
  const training = useApp((s) => s.trainShown && s.train !== null);
  const explained = useApp((s) => s.explained !== null);
  if (present) {
    return (
      <div className="app presenting" lang={locale} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture}>
        <PresentView fullscreen={fullscreen} />
      </div>
    );
  }
  return (
    // Keys bubbling up from inside the app reach the player when it shares the page (see usePlayerKeysInside).
    <div className={frame.embed ? 'app embedded' : 'app'} lang={locale} onKeyDown={onKeyDown} onKeyDownCapture={onKeyDownCapture}>
      {frame.embed ? (
        <EmbedHeader />
      ) : (
        <header className="top">
          <h1>{t('app.title')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
          <CopyLink />
          <ShareButton />
          <ExportButton />
          <TourMenu />
          <PresentButton />
          {!training && <TrainButton />}
          {!training && <QuizButton />}
        </header>
      )}
      {training ? (
        <>
          <Notices />
          <Suspense fallback={null}>
            <TrainView />
          </Suspense>
        </>
      ) : (
        <LessonParts controls={controls} explained={explained} />
      )}
      <ExportDialog />
    </div>
  );
}

/** The lesson: its controls, notices, tours, grids and derivation, the Jacobian view and the legend. */
function LessonParts({ controls, explained }: { controls: ReactNode; explained: boolean }) {
  const { t } = useI18n();
  const frame = useApp((s) => s.frame);
  const authoring = useApp((s) => s.authoring);
  const select = useSelectors();
  // While an exercise is being answered, the derivation panel would give its answer away.
  const asking = useApp(select.quiz.asking);
  const quiz = useApp((s) => s.quiz !== null);
  return (
    <>
      {!frame.embed && controls}
      {explained && (
        <Suspense fallback={null}>
          <ExplainedUpdate />
        </Suspense>
      )}
      <Notices />
      {authoring && (
        <Suspense fallback={null}>
          <TourAuthor />
        </Suspense>
      )}
      {quiz && (
        <Suspense fallback={null}>
          <QuizPanel />
        </Suspense>
      )}
      <TourBar />
      <main className={shows(frame, 'derivation') && !asking ? 'workspace' : 'workspace no-derivation'}>
        <CellEditorsProvider>
          <LessonView />
          {shows(frame, 'derivation') && !asking && <DerivationPanel />}
        </CellEditorsProvider>
      </main>
      {frame.embed && controls}
      {shows(frame, 'jacobian') && <JacobianSlot />}
      {!frame.embed && (
        <footer className="legend">
          <p>{t('app.legend')}</p>
        </footer>
      )}
    </>
  );
}
