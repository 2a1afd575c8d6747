// Which matrices presentation mode's stage shows: the focused cell's when it was focused last, the current
// step's when the player moved last (the store gives both, see store/stage.ts).
import { useState } from 'react';
import type { MatrixName } from '../../core/index.ts';
import { useApp, useSelectors } from '../storeContext.tsx';

/** The stage's matrices, following whichever of the step and the focused cell changed last. */
export function useStage(): readonly MatrixName[] {
  const select = useSelectors();
  const byStep = useApp(select.stepStage);
  const byFocus = useApp(select.focusStage);
  const step = useApp(select.step);
  const focus = useApp((s) => s.focus);
  const [seen, setSeen] = useState({ step, focus, by: byFocus ? 'focus' : 'step' });
  // Adjusted while rendering, as React advises for state that follows a changed value.
  if (seen.step !== step || seen.focus !== focus) {
    const by = seen.focus !== focus && focus !== null ? 'focus' : 'step';
    setSeen({ step, focus, by });
  }
  return seen.by === 'focus' && byFocus ? byFocus : byStep;
}
