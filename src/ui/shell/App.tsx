// The app's frame: header, controls, notices, the lesson and the derivation panel.
import { Controls, CopyLink } from './Controls.tsx';
import { LessonView } from './LessonView.tsx';
import { Notices } from './Notices.tsx';
import { DerivationPanel } from '../derivation/DerivationPanel.tsx';
import { JacobianSection } from '../jacobian/JacobianSection.tsx';
import { usePlayerKeysInside } from '../player/Player.tsx';
import { useI18n } from '../storeContext.tsx';

/** The whole app. */
export function App() {
  const { t, locale } = useI18n();
  const onKeyDown = usePlayerKeysInside();
  return (
    // Keys bubbling up from inside the app reach the player when it shares the page (see usePlayerKeysInside).
    <div className="app" lang={locale} onKeyDown={onKeyDown}>
      <header className="top">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <CopyLink />
      </header>
      <Controls />
      <Notices />
      <main className="workspace">
        <LessonView />
        <DerivationPanel />
      </main>
      <JacobianSection />
      <footer className="legend">
        <p>{t('app.legend')}</p>
      </footer>
    </div>
  );
}
