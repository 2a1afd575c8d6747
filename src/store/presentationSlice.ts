// The presentation slice: whether the app is projected (present=1), how large
// it is drawn, and the two layers an instructor lays over it: a blanked
// screen and a spotlight on the explained cell. Fullscreen is the browser's,
// not the store's: the view asks the document.
import type { StateCreator } from 'zustand/vanilla';
import type { AppState, PresentationSlice } from './state.ts';

/** The scales the two buttons and the + and − keys step through; 1 is the size the mode is measured at. */
export const PRESENT_SCALES: readonly number[] = [0.7, 0.8, 0.9, 1, 1.15, 1.3, 1.5];

/** Creates the presentation slice, on or off as the link says. */
export function createPresentationSlice(start: { present: boolean }): StateCreator<AppState, [], [], PresentationSlice> {
  return (set, get) => {
    const scaleBy = (d: number) => {
      const k = PRESENT_SCALES.indexOf(get().presentScale);
      const next = PRESENT_SCALES[Math.max(0, Math.min(PRESENT_SCALES.length - 1, (k < 0 ? PRESENT_SCALES.indexOf(1) : k) + d))];
      if (next !== get().presentScale) set({ presentScale: next });
    };
    return {
      present: start.present,
      presentScale: 1,
      blank: false,
      spotlight: false,
      // Leaving the mode takes its layers with it, so coming back starts clean.
      setPresent: (on) => {
        if (on === get().present) return;
        set(on ? { present: true } : { present: false, blank: false, spotlight: false });
      },
      togglePresent: () => get().setPresent(!get().present),
      setPresentScale: (v) => set({ presentScale: PRESENT_SCALES.includes(v) ? v : 1 }),
      scaleUp: () => scaleBy(1),
      scaleDown: () => scaleBy(-1),
      toggleBlank: () => {
        if (get().present) set({ blank: !get().blank });
      },
      toggleSpotlight: () => {
        if (get().present) set({ spotlight: !get().spotlight });
      },
      topLayer: () => {
        const s = get();
        return !s.present ? null : s.spotlight ? 'spotlight' : s.blank ? 'blank' : 'present';
      },
      leaveLayer: () => {
        const layer = get().topLayer();
        if (layer === 'spotlight') set({ spotlight: false });
        else if (layer === 'blank') set({ blank: false });
        else get().setPresent(false);
      },
    };
  };
}
