// @vitest-environment jsdom
// The default lesson prerendered into index.html must be the page the app then hydrates: the same elements, classes,
// numbers and plain-text formulas, kept (not drawn anew) and made live, with no mismatch reported.
import { act, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../src/ui/mount.tsx';
import { prerender } from '../../src/ui/prerender.tsx';

/** Ids made by useId differ between a server and a client render (and so do names and labels built from them). */
const USE_ID = /_[rR]_[0-9A-Za-z]*_/g;

function normalised(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  // A server marks the chosen option `selected`; a client sets the list's value. The choice itself is compared.
  const chosen = [...root.querySelectorAll('select')].map((s) => s.value);
  copy.querySelectorAll('select').forEach((s, k) => s.setAttribute('data-chosen', chosen[k] ?? ''));
  copy.querySelectorAll('option[selected]').forEach((o) => o.removeAttribute('selected'));
  for (const el of copy.querySelectorAll('*')) {
    // Inline styles as the browser reads them, not as each renderer spaced them.
    if (el instanceof HTMLElement && el.hasAttribute('style')) el.setAttribute('style', el.style.cssText);
    // Attributes in one order: the server writes them as props come, the client as it sets them.
    const attrs = [...el.attributes].map((a) => [a.name, a.value.replace(USE_ID, '#')] as const).sort(([p], [q]) => (p < q ? -1 : 1));
    for (const [name] of attrs) el.removeAttribute(name);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  // The server's text separators (empty comments) are not part of the page.
  return copy.innerHTML.replace(/<!--.*?-->/g, '');
}

/** The first difference between two long strings, with some context, rather than two pages of markup. */
function firstDifference(a: string, b: string): [string, string] {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return [a.slice(Math.max(0, k - 120), k + 120), b.slice(Math.max(0, k - 120), k + 120)];
}

// A browser has IntersectionObserver (the Jacobian view waits for it to come near the screen); jsdom does not.
class NoIntersections {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
beforeEach(() => vi.stubGlobal('IntersectionObserver', NoIntersections));

const unmounts: (() => void)[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const u of unmounts.splice(0)) act(() => u());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function mounted(el: Element, hydrate: boolean) {
  document.body.append(el);
  let app: ReturnType<typeof mountApp> | null = null;
  act(() => {
    app = mountApp(el, { search: '', hydrate });
  });
  unmounts.push(() => app?.unmount());
  return app as unknown as ReturnType<typeof mountApp>;
}

describe('the prerendered default lesson', () => {
  it('is the markup the app draws when it mounts afresh with no query string', () => {
    const stat = document.createElement('div');
    stat.innerHTML = prerender();
    const live = document.createElement('div');
    mounted(live, false);
    expect(live.querySelector('[data-matrix="x"] [role="gridcell"]')).not.toBeNull();
    const [want, got] = firstDifference(normalised(stat), normalised(live));
    expect(got).toBe(want);
  });

  it('is hydrated in place: its elements are kept and made live, and nothing is reported', () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const el = document.createElement('div');
    el.innerHTML = prerender();
    const cell = el.querySelector<HTMLElement>('[data-matrix="dW"] [role="gridcell"]')!;
    const hint = el.querySelector('.hint');
    const app = mounted(el, true);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(el.hasAttribute('data-live')).toBe(true);
    // The very elements the build wrote, now answering the learner.
    expect(cell.isConnected).toBe(true);
    expect(hint?.isConnected).toBe(true);
    act(() => void fireEvent.focus(cell));
    expect(app.store.getState().focus).toEqual({ m: 'dW', r: 0, c: 0 });
    expect(el.querySelector('[data-testid="derivation"]')?.textContent).toContain('dW');
  });

  it('reports a page that differs from its markup as a warning, and draws it anew', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const el = document.createElement('div');
    el.innerHTML = prerender().replace('>1.9<', '>4.2<');
    mounted(el, true);
    expect(warn.mock.calls.some((c) => String(c[0]).includes('prerendered page was drawn anew'))).toBe(true);
    expect(el.querySelector('[data-matrix="x"] [role="gridcell"]')?.textContent).toBe('1.9');
  });

  it('holds every number of the default lesson and its plain-text formulas, and no KaTeX', () => {
    const stat = document.createElement('div');
    stat.innerHTML = prerender();
    for (const m of ['x', 'W', 'b', 'y', 'L', 'target', 'dY', 'dW', 'db', 'dX']) {
      const cells = stat.querySelectorAll(`[data-matrix="${m}"] [role="gridcell"]`);
      expect(cells.length, m).toBeGreaterThan(0);
      for (const c of cells) expect(c.textContent, m).toMatch(/[0-9]/);
    }
    expect(stat.querySelector('.katex')).toBeNull();
    expect(stat.querySelector('.loss-formula')?.textContent).toContain('Σ');
  });
});
