// @vitest-environment jsdom
// The exercise mode's panel in the whole app: a predict exercise's question names its hidden cell, bad input is
// refused with a message and kept as typed, a wrong answer gets a hint (never the answer), and the right one is
// accepted and explained by the derivation panel; the live region says each in turn.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import { EN } from '../../src/ui/strings/en.ts';
import { renderApp } from './renderApp.tsx';

afterEach(cleanup);

/** A button by its text (the role queries compute styles, which jsdom cannot for the app's stylesheets). */
const button = (text: string): HTMLButtonElement => {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent === text || x.getAttribute('aria-label') === text);
  if (!b) throw new Error(`no button ${text}`);
  return b;
};
const panel = () => waitFor(() => expect(document.querySelector('.quiz h2')?.textContent).toBe(EN['quiz.title']));
const valueInput = () => document.querySelector('.quiz-body input') as HTMLInputElement;

const live = () => document.querySelector('[data-quiz-live]')?.textContent ?? '';

describe('the exercise mode', () => {
  it('asks for a hidden value, refuses a non-number, hints after a wrong answer and accepts the right one', async () => {
    const store = renderApp('?quiz=predict&qseed=4&qn=2');
    await panel();
    const ex = store.select.quiz.current(store.getState());
    if (!ex || ex.kind !== 'predict') throw new Error('expected a predict exercise');
    // The question names the cell, and the panel that would give the answer away is gone.
    expect(document.querySelector('.quiz-question')?.textContent).toMatch(/^What is .+\[\d+(,\d+)?\]\? Its cell is hidden/);
    expect(live()).toContain('What is');
    expect(document.querySelector('.derivation')).toBeNull();
    expect(store.select.quiz.hidden(store.getState())[ex.cell.m]).toEqual(new Set([`${ex.cell.r},${ex.cell.c}`]));

    const input = valueInput();
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent ?? input.getAttribute('aria-label')).toMatch(/^Your value for /);
    fireEvent.change(input, { target: { value: 'abc' } });
    fireEvent.click(button(EN['quiz.check']));
    await waitFor(() => expect(document.querySelector('.quiz-feedback')?.textContent).toBe(EN['quiz.problem.notNumber']));
    expect(valueInput().value).toBe('abc');

    fireEvent.change(input, { target: { value: String(ex.answer + 1000) } });
    fireEvent.click(button(EN['quiz.check']));
    await waitFor(() => expect(document.querySelector('[data-quiz-feedback]')?.getAttribute('data-quiz-feedback')).toBe('wrong'));
    expect(live()).toContain(EN['quiz.wrong']);

    fireEvent.click(button(EN['quiz.hint']));
    const hint = await waitFor(() => {
      const li = document.querySelector('.quiz-hints li[data-hint="1"]');
      expect(li).not.toBeNull();
      return li as HTMLElement;
    });
    expect(hint.textContent).toContain('Hint 1 of 3');
    expect(hint.textContent).toMatch(/Start from the cells .+ is made from/);
    expect(store.getState().linked.length).toBeGreaterThan(0);

    fireEvent.change(input, { target: { value: String(ex.answer) } });
    fireEvent.click(button(EN['quiz.check']));
    await waitFor(() => expect(document.querySelector('[data-quiz-feedback]')?.getAttribute('data-quiz-feedback')).toBe('correct'));
    expect(document.querySelector('.quiz-feedback')?.textContent).toMatch(/^Right, with one hint\.|^Right/);
    // Solved: the cell shows again, and the derivation panel explains it.
    expect(store.select.quiz.hidden(store.getState())).toEqual({});
    expect(store.getState().focus).toEqual(ex.cell);
    await waitFor(() => expect(document.querySelector('.derivation')).not.toBeNull());
    expect(document.querySelector('[data-quiz-score]')?.getAttribute('data-quiz-score')).toBe('1,0,1');
  });

  it('keeps what was typed when moving to the next exercise and back, and leaves the mode from its button', async () => {
    const store = renderApp('?quiz=predict,shape&qseed=2&qn=3');
    await panel();
    const first = document.querySelector('.quiz-body input') as HTMLInputElement;
    fireEvent.change(first, { target: { value: '0.5' } });
    fireEvent.click(button(EN['quiz.next']));
    await waitFor(() => expect(document.querySelector('[data-quiz-index]')?.getAttribute('data-quiz-index')).toBe('1'));
    fireEvent.click(button(EN['quiz.prev']));
    await waitFor(() => expect(document.querySelector('[data-quiz-index]')?.getAttribute('data-quiz-index')).toBe('0'));
    expect((document.querySelector('.quiz-body input') as HTMLInputElement).value).toBe('0.5');
    fireEvent.click(button(EN['quiz.close']));
    await waitFor(() => expect(document.querySelector('.quiz')).toBeNull());
    expect(store.getState().quiz).toBeNull();
    expect(button(EN['quiz.open.label'])).toBeTruthy();
  });
});
