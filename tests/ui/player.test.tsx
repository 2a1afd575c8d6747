// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { Player } from '../../src/ui/player/Player.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { typesetNow } from './typeset.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

/** The English strings, to word core's narration messages as the player should. */
const en = createI18n('en', EN);
const scriptOf = (store: AppStore) => store.select.script(store.getState());

function mockReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (q: string) => ({
    matches: reduce && q.includes('reduce'),
    media: q,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function setup(search = '?step=0') {
  const store = createAppStore(search);
  render(
    <StoreProvider store={store} tex={typesetNow()}>
      <Player />
      <input aria-label="elsewhere" />
    </StoreProvider>,
  );
  return store;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Player', () => {
  it('steps with the arrow keys and presentation-clicker keys anywhere on the page', () => {
    mockReducedMotion(false);
    const store = setup();
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: 'PageDown' }));
    expect(store.getState().step).toBe(2);
    act(() => void fireEvent.keyDown(document.body, { key: 'PageUp' }));
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowLeft' }));
    expect(store.getState().step).toBe(0);
    act(() => void fireEvent.keyDown(document.body, { key: 'End' }));
    expect(store.getState().step).toBe(scriptOf(store).steps.length);
    act(() => void fireEvent.keyDown(document.body, { key: 'Home' }));
    expect(store.getState().step).toBe(0);
  });

  it('leaves keys alone while the learner types elsewhere', () => {
    mockReducedMotion(false);
    const store = setup();
    const input = screen.getByLabelText('elsewhere');
    act(() => void fireEvent.keyDown(input, { key: 'ArrowRight' }));
    act(() => void fireEvent.keyDown(input, { key: ' ' }));
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(false);
  });

  it('plays and pauses with Space, advancing on a timer until the end', () => {
    mockReducedMotion(false);
    vi.useFakeTimers();
    const store = setup();
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    act(() => void vi.advanceTimersByTime(950));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(false);
    act(() => void vi.advanceTimersByTime(5000));
    expect(store.getState().step).toBe(1);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    const n = scriptOf(store).steps.length;
    for (let k = 0; k < n + 2; k++) act(() => void vi.advanceTimersByTime(950));
    expect(store.getState().step).toBe(n);
    expect(store.getState().playing).toBe(false);
  });

  it('never autoplays under reduced motion, but still steps', () => {
    mockReducedMotion(true);
    const store = setup();
    const play = screen.getByRole('button', { name: /Play/ }) as HTMLButtonElement;
    expect(play.disabled).toBe(true);
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().playing).toBe(false);
    expect(store.getState().step).toBe(1); // Space steps instead
    act(() => void fireEvent.click(screen.getByRole('button', { name: /Step forward/ })));
    expect(store.getState().step).toBe(2);
  });

  it('narrates the current step and moves with the scrubber', () => {
    mockReducedMotion(false);
    const store = setup();
    const { steps } = scriptOf(store);
    expect(steps).toHaveLength(13);
    const narration = screen.getByTestId('narration');
    expect(narration.querySelector('.step-count')?.textContent).toBe('Start: nothing computed yet (13 steps)');
    expect(narration.querySelector('.narration-text')?.textContent).toBe('Press → or Play to compute the first value. Step back with ←.');
    act(() => void fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: '1' } }));
    expect(store.getState().step).toBe(1);
    expect(narration.querySelector('.step-count')?.textContent).toBe('Step 1 of 13 · Forward');
    // Core's message for the step, worded by the catalogue, with the cell and its value.
    const text = narration.querySelector('.narration-text')?.textContent;
    expect(text).toBe(en.msg(steps[0].narration.text));
    expect(text).toBe('y[0,0]: multiply sample 0’s inputs by the weights into output 0, add them up, then add bias 0: 0.307.');
    expect(narration.querySelector('.narration-tex .katex')).not.toBeNull();
    expect(narration.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('slider', { name: 'Step' }).getAttribute('aria-valuetext')).toBe('step 1 of 13, Forward');
  });

  it('jumps to a phase: its first step, named in the counter and highlighted', () => {
    mockReducedMotion(false);
    const store = setup();
    const count = () => screen.getByTestId('narration').querySelector('.step-count')?.textContent;
    const current = () => screen.getAllByRole('button', { current: 'step' }).map((b) => b.textContent);
    // The case: Backward showed "Step 7 of 13 · loss", Loss "Step 4 of 13 · forward".
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Backward' })));
    expect(count()).toBe('Step 8 of 13 · Backward');
    expect(current()).toEqual(['Backward']);
    const { steps } = scriptOf(store);
    expect(steps[store.getState().step - 1].phase).toBe('backward');
    expect(screen.getByRole('slider', { name: 'Step' }).getAttribute('aria-valuetext')).toBe('step 8 of 13, Backward');
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Loss' })));
    expect(count()).toBe('Step 5 of 13 · Loss');
    expect(current()).toEqual(['Loss']);
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Forward' })));
    expect(count()).toBe('Step 1 of 13 · Forward');
    expect(current()).toEqual(['Forward']);
  });

  it('jumps to a phase and shows it, at the coarse grain and with an activation; offers no Loss when dL/dy is given', () => {
    mockReducedMotion(false);
    for (const q of ['?step=0&grain=coarse&act=tanh&B=3', '?step=0&act=relu&loss=softmax-ce', '?step=0&loss=upstream&grain=coarse']) {
      const store = setup(q);
      const names = screen.getAllByRole('button').filter((b) => b.closest('[role="group"]')).map((b) => b.textContent);
      expect(names, q).toEqual(q.includes('upstream') ? ['Forward', 'Backward'] : ['Forward', 'Loss', 'Backward']);
      for (const name of names) {
        act(() => void fireEvent.click(screen.getByRole('button', { name: name ?? '' })));
        expect(screen.getByTestId('narration').querySelector('.step-count')?.textContent, q).toMatch(new RegExp(`^Step \\d+ of ${scriptOf(store).steps.length} · ${name}$`));
        expect(screen.getAllByRole('button', { current: 'step' }).map((b) => b.textContent), q).toEqual([name]);
      }
      cleanup();
    }
  });
});

describe('Player with an activation', () => {
  const NAMES = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh' } as const;
  for (const act_ of ['relu', 'sigmoid', 'tanh'] as const) {
    it(`adds the ${act_} steps forward and back, and narrates them by name`, () => {
      mockReducedMotion(false);
      const store = setup(`?act=${act_}&step=0`);
      const { steps } = scriptOf(store);
      // Four z cells, then y and dL/dz a sample at a time: 13 steps without the activation, 17 with it.
      expect(steps).toHaveLength(17);
      expect(screen.getByTestId('narration').querySelector('.step-count')?.textContent).toBe('Start: nothing computed yet (17 steps)');
      const at = (id: string) => {
        const k = steps.findIndex((st) => st.id === id);
        expect(k, id).toBeGreaterThanOrEqual(0);
        act(() => void fireEvent.change(screen.getByRole('slider', { name: 'Step' }), { target: { value: String(k + 1) } }));
        return screen.getByTestId('narration').querySelector('.narration-text')?.textContent;
      };
      expect(at('z-0-1')).toMatch(/^z\[0,1\]: multiply sample 0’s inputs by the weights into output 1, add them up, then add bias 1: [−\d.]+\.$/);
      expect(at('y-1')).toBe(`Sample 1: ${NAMES[act_]} is applied to each of its values of z.`);
      expect(at('dZ-0')).toBe(`Sample 0: back through ${NAMES[act_]}, each dL/dz is dL/dy times the slope of ${NAMES[act_]} at that z.`);
      expect(steps.findIndex((st) => st.id === 'dZ-0')).toBeGreaterThanOrEqual(scriptOf(store).phaseStart.backward);
    });
  }
});

describe('Player, finer points', () => {
  it('narrates the last step when the lesson is complete', () => {
    mockReducedMotion(false);
    const store = setup('');
    const { steps } = scriptOf(store);
    const narration = screen.getByTestId('narration');
    expect(narration.querySelector('.step-count')?.textContent).toBe('Complete: all 13 steps');
    expect(narration.querySelector('.narration-text')?.textContent).toBe(
      `Every value is shown. The last step: ${en.msg(steps[steps.length - 1].narration.text)} Press Home, or the first button of the player, to watch from the start.`,
    );
    expect(narration.querySelector('.narration-text')?.textContent).toContain('Sample 1’s input gradients: its values of dL/dy sent back through the same weights.');
  });

  it('steps with Space under reduced motion instead of resetting to the start', () => {
    mockReducedMotion(true);
    const store = setup('?step=3');
    act(() => void fireEvent.keyDown(document.body, { key: ' ' }));
    expect(store.getState().step).toBe(4);
    expect(store.getState().playing).toBe(false);
  });

  it('leaves arrows to scrollable regions and canvases, but lets the page keys step', () => {
    mockReducedMotion(false);
    const store = setup();
    const region = document.createElement('div');
    region.tabIndex = 0;
    const canvas = document.createElement('canvas');
    canvas.tabIndex = 0;
    document.body.append(region, canvas);
    for (const el of [region, canvas]) {
      act(() => void fireEvent.keyDown(el, { key: 'ArrowRight' }));
      act(() => void fireEvent.keyDown(el, { key: 'End' }));
      act(() => void fireEvent.keyDown(el, { key: ' ' }));
    }
    expect(store.getState().step).toBe(0);
    act(() => void fireEvent.keyDown(canvas, { key: 'PageDown' }));
    expect(store.getState().step).toBe(1);
    region.remove();
    canvas.remove();
  });
});
