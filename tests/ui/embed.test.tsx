// @vitest-environment jsdom
// Embed mode as the learner sees it: the compact header and its full-app
// link, only the sections show= names, and a locked lesson's controls.
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderApp } from './renderApp.tsx';

afterEach(cleanup);
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});

const mount = renderApp;

describe('embed mode', () => {
  it('has a compact header naming the lesson, with a link to the same lesson in the full app', () => {
    const store = mount('?conv=torch&B=3&loss=sum&embed=1&lock=1&show=forward,derivation');
    expect(document.querySelector('.top')).toBeNull();
    const header = document.querySelector('.embed-top')!;
    expect(header.textContent).toContain('torch convention · B=3, N=3, T=2 · sum of y · none');
    const link = screen.getByRole('link', { name: /Open the full app/ });
    expect(link.getAttribute('href')).toBe('./?conv=torch&B=3&loss=sum');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    act(() => store.getState().setFocus({ m: 'y', r: 0, c: 1 }));
    expect(screen.getByRole('link', { name: /Open the full app/ }).getAttribute('href')).toBe('./?conv=torch&B=3&loss=sum&focus=y:0,1');
  });

  it('shows only the sections show= names', () => {
    mount('?embed=1&show=forward,derivation');
    expect(document.querySelector('.pass.forward')).not.toBeNull();
    expect(document.querySelector('.pass.backward')).toBeNull();
    expect(document.querySelector('.player')).toBeNull();
    expect(document.querySelector('form.controls')).toBeNull();
    expect(document.querySelector('.derivation')).not.toBeNull();
    expect(document.querySelector('[data-testid="jacobian-view"], [data-testid="jacobian-pending"]')).toBeNull();
  });

  it('puts the grids before the controls, and a locked lesson’s controls take no change', () => {
    mount('?embed=1&lock=1');
    const lesson = document.querySelector('.lesson')!;
    const controls = document.querySelector('form.controls')!;
    expect(lesson.compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(controls.querySelector<HTMLFieldSetElement>('fieldset.controls-lock')!.disabled).toBe(true);
    expect(screen.getByText(/Read-only lesson/)).toBeTruthy();
    const x = document.querySelector<HTMLElement>('[role="grid"][data-matrix="x"] [data-r="0"][data-c="0"]')!;
    expect(x.getAttribute('aria-readonly')).toBe('true');
  });

  it('is the full app without embed=1, with the share button', () => {
    mount('');
    expect(document.querySelector('.top h1')).not.toBeNull();
    expect(document.querySelector('.embed-top')).toBeNull();
    expect(screen.getByRole('button', { name: 'Share or embed' })).toBeTruthy();
  });
});
