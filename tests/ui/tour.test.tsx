// @vitest-environment jsdom
// The tour's views: the caption bar reads "stop i of n" with the caption's maths typeset and asks a stop's question
// before its answer; the page keys step the tour while one runs and the player otherwise, never scrolling; the menu
// lists the built-in tours, whose every stop opens without a notice and whose words hold no stray placeholder;
// the authoring panel adds the view as a stop and undoes.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lessonStateOf } from '../../src/embed/lessonState.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import type { Tour } from '../../src/tour/format.ts';
import { Player } from '../../src/ui/player/Player.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { EN, type MessageKey } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { BUILTIN_TOURS, builtinTour, stopKeys, tourTitleKey } from '../../src/ui/tour/builtins.ts';
import { showStop, startTour } from '../../src/ui/tour/play.ts';
import { TourAuthor } from '../../src/ui/tour/TourAuthor.tsx';
import { TourBar } from '../../src/ui/tour/TourBar.tsx';
import { TourMenu } from '../../src/ui/tour/TourMenu.tsx';
import { typesetNow } from './typeset.ts';

const en = createI18n('en', EN);
const TOUR: Tour = {
  title: 'Small',
  stops: [
    { state: { step: '0', grain: 'fine' }, caption: 'Start with $y = xW + b$.' },
    { state: { step: '1', grain: 'fine', focus: 'y:0,0' }, caption: 'One output.', question: 'Which inputs does it read?' },
    { state: { conv: 'torch' }, caption: 'Another lesson.' },
  ],
};

function setup(search = '') {
  vi.stubGlobal('matchMedia', (q: string) => ({ matches: q.includes('reduce'), media: q, addEventListener: () => {}, removeEventListener: () => {} }));
  const store = createAppStore(search);
  render(
    <StoreProvider store={store} tex={typesetNow()}>
      <TourMenu />
      <TourAuthor />
      <TourBar />
      <Player />
    </StoreProvider>,
  );
  return store;
}

const press = (key: string) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  act(() => void window.dispatchEvent(e));
  return e;
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the caption bar', () => {
  it('shows "stop i of n", the caption with its maths typeset, and the question before its answer', () => {
    const store = setup();
    act(() => startTour(store, TOUR));
    const bar = screen.getByRole('region', { name: 'Tour' });
    expect(within(bar).getByText('stop 1 of 3')).toBeTruthy();
    expect(bar.querySelector('.tour-text .katex')).not.toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: 'Next stop' }));
    expect(within(bar).getByText('stop 2 of 3')).toBeTruthy();
    expect(bar.textContent).toContain('Question for the class: Which inputs does it read?');
    expect(bar.textContent).toContain('Next shows the answer.');
    expect(bar.textContent).not.toContain('One output.');
    // The focus is the answer: held back until the next press.
    expect(store.getState().focus).toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: 'Show the answer' }));
    expect(bar.textContent).toContain('One output.');
    expect(store.getState().focus).toEqual({ m: 'y', r: 0, c: 0 });
    fireEvent.click(within(bar).getByRole('button', { name: 'Next stop' }));
    expect(store.getState().config.convention).toBe('torch');
    expect((within(bar).getByRole('button', { name: 'Next stop' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(bar).getByRole('button', { name: 'End the tour' }));
    expect(screen.queryByRole('region', { name: 'Tour' })).toBeNull();
    expect(store.getState().config.convention).toBe('torch');
  });

  it('PageDown, →, Space step the tour and PageUp, ← go back, each with preventDefault; with no tour they step the player', () => {
    const store = setup();
    act(() => startTour(store, TOUR));
    expect(press('PageDown').defaultPrevented).toBe(true);
    expect(store.getState().tourIndex).toBe(1);
    expect(press(' ').defaultPrevented).toBe(true);
    expect(store.getState().revealed).toBe(true);
    expect(press('ArrowRight').defaultPrevented).toBe(true);
    expect(store.getState().tourIndex).toBe(2);
    expect(press('PageUp').defaultPrevented).toBe(true);
    expect([store.getState().tourIndex, store.getState().revealed]).toEqual([1, true]);
    press('ArrowLeft');
    expect(store.getState().tourIndex).toBe(0);
    // At the first stop, back is still the tour's: the clicker must not move the player underneath.
    const step = store.getState().step;
    expect(press('PageUp').defaultPrevented).toBe(true);
    expect(store.getState().step).toBe(step);
    act(() => store.getState().setTourAt(null, 0, true));
    press('PageDown');
    expect(store.getState().step).toBe(step + 1);
  });

  it('walks the player one step at a time to a stop several steps on, at the player\'s pace', () => {
    vi.useFakeTimers();
    const store = setup();
    vi.stubGlobal('matchMedia', (q: string) => ({ matches: false, media: q, addEventListener: () => {}, removeEventListener: () => {} }));
    const far: Tour = { title: 'Far', stops: [TOUR.stops[0], { state: { step: '4', grain: 'fine' }, caption: 'Four steps on.' }] };
    act(() => startTour(store, far));
    act(() => showStop(store, far, 1, true));
    expect([store.getState().step, store.getState().tourWalk]).toEqual([1, 4]);
    act(() => void vi.advanceTimersByTime(900));
    expect(store.getState().step).toBe(2);
    act(() => void vi.advanceTimersByTime(900));
    act(() => void vi.advanceTimersByTime(900));
    expect([store.getState().step, store.getState().tourWalk]).toEqual([4, null]);
    vi.useRealTimers();
  });

  it('a stop that differs only in step and focus moves the player (no lesson rebuilt); another lesson is opened fresh', () => {
    const store = setup();
    act(() => startTour(store, TOUR));
    const inputs = store.getState().inputs;
    act(() => showStop(store, TOUR, 1, true));
    expect(store.getState().inputs).toBe(inputs);
    expect(store.getState().step).toBe(1);
    act(() => showStop(store, TOUR, 2, true));
    expect(store.getState().inputs).not.toBe(inputs);
  });
});

describe('the Tours menu and the built-in tours', () => {
  it('lists the five built-in tours and starts one at its first stop', () => {
    const store = setup();
    expect(screen.getAllByRole('button').filter((b) => b.dataset.tour).map((b) => b.dataset.tour)).toEqual([...BUILTIN_TOURS]);
    fireEvent.click(screen.getByRole('button', { name: en.t(tourTitleKey('batches')) }));
    expect(store.getState().tour?.title).toBe(en.t(tourTitleKey('batches')));
    expect(screen.getByText('stop 1 of 5')).toBeTruthy();
  });

  it.each(BUILTIN_TOURS)('every stop of "%s" opens with no notice, at the cell and step it names', (id) => {
    const tour = builtinTour(id, (k) => en.t(k));
    expect(tour.stops.length).toBeGreaterThanOrEqual(5);
    const store = createAppStore();
    tour.stops.forEach((stop, k) => {
      showStop(store, tour, k, true);
      // A walk of several steps through the player is finished by the bar (useTourWalk): finish it here.
      const walk = store.getState().tourWalk;
      if (walk !== null) store.getState().setStep(walk);
      expect(store.getState().notices, `${id} stop ${k + 1}`).toEqual([]);
      const want = lessonStateOf(store);
      for (const p of ['focus', 'step']) if (p in stop.state) expect(want[p], `${id} stop ${k + 1} ${p}`).toBe(stop.state[p]);
    });
  });

  it('closes when a click lands outside it, and on Escape with focus back on its button', () => {
    setup();
    const menu = document.querySelector<HTMLDetailsElement>('.tour-menu')!;
    const summary = menu.querySelector('summary')!;
    fireEvent.click(summary);
    act(() => {
      menu.open = true;
      menu.dispatchEvent(new Event('toggle'));
    });
    expect(menu.open).toBe(true);
    // A click inside keeps it open; one outside closes it.
    fireEvent.pointerDown(menu.querySelector('button')!);
    expect(menu.open).toBe(true);
    fireEvent.pointerDown(document.body);
    expect(menu.open).toBe(false);
    act(() => {
      menu.open = true;
      menu.dispatchEvent(new Event('toggle'));
    });
    menu.querySelector<HTMLButtonElement>('button')!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('their words hold no placeholder the catalogue would swallow (TeX braces around a bare word)', () => {
    for (const id of BUILTIN_TOURS) {
      for (const key of [tourTitleKey(id), ...stopKeys(id).flatMap((k) => [k.caption, ...(k.question ? [k.question] : [])])] as MessageKey[]) {
        expect(EN[key], key).toBeTruthy();
        expect(en.t(key), key).toBe(EN[key]);
      }
    }
  });
});

describe('the authoring panel', () => {
  const open = (store: AppStore) => act(() => store.getState().setAuthoring(true));

  it('adds this view as a stop, edits its caption and question, and undoes', () => {
    const store = setup('B=1');
    open(store);
    const panel = screen.getByRole('region', { name: 'Make a tour' });
    expect(panel.textContent).toContain('No stops yet');
    fireEvent.click(within(panel).getByRole('button', { name: 'Add this view as a stop' }));
    fireEvent.change(within(panel).getByLabelText('Caption (maths between $ signs)'), { target: { value: 'See $x$' } });
    expect(panel.querySelector('.tour-stop-preview .katex')).not.toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Duplicate stop 1' }));
    expect(within(panel).getAllByRole('listitem').length).toBe(2);
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete stop 1' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Undo' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Undo' }));
    expect(within(panel).getAllByRole('listitem').length).toBe(1);
    expect(JSON.parse(JSON.stringify(store.getState().draft.stops))).toEqual([{ state: { B: '1' }, caption: 'See $x$' }]);
    fireEvent.click(within(panel).getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('region', { name: 'Tour' }).textContent).toContain('stop 1 of 1');
  });
});
