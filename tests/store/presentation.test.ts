// Presentation mode in the store: present=1 in the link, the scale, the blank
// screen and the spotlight as layers Escape leaves one by one, and the stage
// of matrices the current step or the focused cell involves.
import { describe, expect, it } from 'vitest';
import { PRESENT_SCALES } from '../../src/store/presentationSlice.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';
import { syncUrl } from '../../src/store/urlSync.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const english = createI18n('en', EN);

describe('present= in the link', () => {
  it('opens the mode with present=1 (and its other flag words), and says nothing without it', () => {
    for (const q of ['present=1', 'present=true', 'present=yes', 'present']) expect(createAppStore(q).getState().present, q).toBe(true);
    for (const q of ['', 'present=0', 'present=no']) {
      const { state, notices } = decodeUrl(q);
      expect(notices).toEqual([]);
      expect(state.present ?? false, q).toBe(false);
      expect(createAppStore(q).getState().present).toBe(false);
    }
  });

  it('names a bad value and leaves the mode off', () => {
    const { state, notices } = decodeUrl('present=maybe');
    expect(state.present ?? false).toBe(false);
    expect(notices.map((n) => [n.param, english.msg(n.message)])).toEqual([['present', 'present=“maybe” is neither 1 nor 0; left off.']]);
  });

  it('is written while the mode is on, and round-trips', () => {
    const store = createAppStore('focus=dW:1,0');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toBe('focus=dW:1,0');
    store.getState().setPresent(true);
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toBe('focus=dW:1,0&present=1');
    expect(createAppStore(q).getState().present).toBe(true);
  });

  it('keeps the address bar in step', () => {
    const store = createAppStore('');
    const urls: string[] = [];
    const stop = syncUrl(store, { location: { pathname: '/app', hash: '' }, history: { replaceState: (_d, _u, url) => void urls.push(url) } });
    store.getState().setPresent(true);
    store.getState().toggleBlank();
    store.getState().scaleUp();
    store.getState().setPresent(false);
    stop();
    // Blank and scale are not part of the link.
    expect(urls).toEqual(['/app', '/app?present=1', '/app']);
  });
});

describe('the presentation slice', () => {
  it('steps the scale through its list, stopping at each end', () => {
    const s = createAppStore('present=1');
    expect(s.getState().presentScale).toBe(1);
    s.getState().scaleUp();
    expect(s.getState().presentScale).toBe(PRESENT_SCALES[PRESENT_SCALES.indexOf(1) + 1]);
    for (let k = 0; k < 20; k++) s.getState().scaleUp();
    expect(s.getState().presentScale).toBe(PRESENT_SCALES.at(-1));
    for (let k = 0; k < 20; k++) s.getState().scaleDown();
    expect(s.getState().presentScale).toBe(PRESENT_SCALES[0]);
    s.getState().setPresentScale(7);
    expect(s.getState().presentScale).toBe(1);
  });

  it('blanks and spotlights only while presenting', () => {
    const s = createAppStore('');
    s.getState().toggleBlank();
    s.getState().toggleSpotlight();
    expect(s.getState()).toMatchObject({ blank: false, spotlight: false });
    s.getState().togglePresent();
    s.getState().toggleBlank();
    expect(s.getState().blank).toBe(true);
    s.getState().toggleBlank();
    expect(s.getState().blank).toBe(false);
  });

  it('leaves the spotlight, then the blank screen, then the mode, one layer at a time', () => {
    const s = createAppStore('present=1');
    s.getState().toggleBlank();
    s.getState().toggleSpotlight();
    const seen: (string | null)[] = [];
    for (let k = 0; k < 4; k++) {
      seen.push(s.getState().topLayer());
      s.getState().leaveLayer();
    }
    expect(seen).toEqual(['spotlight', 'blank', 'present', null]);
    expect(s.getState()).toMatchObject({ present: false, blank: false, spotlight: false });
  });

  it('takes its layers with it when the mode is left', () => {
    const s = createAppStore('present=1');
    s.getState().toggleBlank();
    s.getState().toggleSpotlight();
    s.getState().setPresent(false);
    s.getState().setPresent(true);
    expect(s.getState()).toMatchObject({ present: true, blank: false, spotlight: false });
  });

  it('gives two apps on one page a mode each', () => {
    const a = createAppStore('present=1');
    const b = createAppStore('');
    a.getState().toggleBlank();
    a.getState().scaleUp();
    expect(b.getState()).toMatchObject({ present: false, blank: false, presentScale: 1 });
  });
});

describe('the stage', () => {
  it('shows what the current step reads and writes', () => {
    const s = createAppStore('step=1');
    // Row convention, fine grain: the first step writes y[0,0] from x, W and b.
    expect(s.select.stepStage(s.getState())).toEqual(['x', 'W', 'b', 'y']);
    s.getState().setStep(0);
    expect(s.select.stepStage(s.getState())).toEqual(['x', 'W', 'b', 'y']);
    s.getState().setStep(6);
    expect(s.select.stepStage(s.getState())).toEqual(['y', 'target', 'dY']);
  });

  it('shows the last step’s matrices once the lesson is complete: dL/dx from dL/dy and W', () => {
    const s = createAppStore('');
    expect(s.select.stepStage(s.getState())).toEqual(['W', 'dY', 'dX']);
    expect(s.select.focusStage(s.getState())).toBeNull();
  });

  it('shows the focused cell and the cells it depends on, but not the hovered one', () => {
    const s = createAppStore('focus=dW:1,0');
    expect(s.select.focusStage(s.getState())).toEqual(['x', 'dY', 'dW']);
    s.getState().setHover({ m: 'b', r: 0, c: 0 });
    expect(s.select.focusStage(s.getState())).toEqual(['x', 'dY', 'dW']);
    s.getState().setFocus({ m: 'x', r: 0, c: 1 });
    expect(s.select.focusStage(s.getState())).toEqual(['x', 'y']);
  });
});
