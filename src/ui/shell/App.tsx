// The app's frame: header, controls, notices, the lesson and the derivation panel.
import { Controls } from './Controls.tsx';
import { LessonView } from './LessonView.tsx';
import { Notices } from './Notices.tsx';
import { DerivationPanel } from '../derivation/DerivationPanel.tsx';
import { JacobianSection } from '../jacobian/JacobianSection.tsx';

/** The whole page. */
export function App() {
  return (
    <div className="app">
      <header className="top">
        <h1>Backprop through a dense layer</h1>
        <p className="tagline">
          Every number of the forward and backward pass. Point at any of them, or reach it with the keyboard, to see how it is made.
        </p>
      </header>
      <Controls />
      <Notices />
      <main className="workspace">
        <LessonView />
        <DerivationPanel />
      </main>
      <JacobianSection />
      <footer className="legend">
        <p>
          Colour runs from purple (negative) through white (zero) to orange (positive); negative cells are also striped and carry a minus sign.
          Outlined cells feed the number being explained. Indices count from 0, as in NumPy and PyTorch.
        </p>
      </footer>
    </div>
  );
}
