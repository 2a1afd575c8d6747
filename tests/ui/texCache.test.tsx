// @vitest-environment jsdom
// KaTeX arrives after the first paint: each app's cache loads it once when asked, formulas show as plain text
// until then and as KaTeX after, and the typesetting of neighbouring cells waits for it.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import katex from 'katex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { Tex } from '../../src/ui/derivation/Tex.tsx';
import { createPrefetcher } from '../../src/ui/derivation/prefetch.ts';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { afterFirstPaint, createTexCache, type Katex } from '../../src/ui/texCache.ts';

afterEach(cleanup);

/** A loader that hands over KaTeX when the test says so. */
function controlled() {
  let give: (k: Katex) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const loader = vi.fn(() => new Promise<Katex>((ok, no) => ((give = ok), (fail = no))));
  return { loader, give: () => give(katex), fail: () => fail(new Error('offline')) };
}

describe('createTexCache', () => {
  it('loads KaTeX once however often it is asked, tells its listeners, then typesets', async () => {
    const { loader, give } = controlled();
    const cache = createTexCache({ loader });
    const heard = vi.fn();
    cache.subscribe(heard);
    expect(cache.ready()).toBe(false);
    expect(cache.render('x^2')).toBe('');
    const a = cache.load();
    const b = cache.load();
    expect(loader).toHaveBeenCalledTimes(1);
    give();
    await Promise.all([a, b]);
    expect(cache.ready()).toBe(true);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(cache.render('x^2')).toContain('class="katex"');
    expect(cache.has('x^2')).toBe(true);
    await cache.load();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('keeps plain text when the load fails, and tries again when asked again', async () => {
    const first = controlled();
    const cache = createTexCache({ loader: first.loader });
    const p = cache.load();
    first.fail();
    await p;
    expect(cache.ready()).toBe(false);
    void cache.load();
    expect(first.loader).toHaveBeenCalledTimes(2);
  });

  it('is one per app: two caches load and remember on their own', async () => {
    const a = controlled();
    const b = controlled();
    const ca = createTexCache({ loader: a.loader });
    const cb = createTexCache({ loader: b.loader });
    const pa = ca.load();
    a.give();
    await pa;
    expect(ca.ready()).toBe(true);
    expect(cb.ready()).toBe(false);
    expect(b.loader).not.toHaveBeenCalled();
  });
});

describe('Tex before and after KaTeX', () => {
  it('shows the formula as plain text, marked as notation, then as KaTeX once loaded after the first paint', async () => {
    const { loader, give } = controlled();
    const cache = createTexCache({ loader });
    render(
      <StoreProvider store={createAppStore('')} tex={cache}>
        <span data-testid="f">
          <Tex tex="\frac{\partial L}{\partial W_{ij}}" />
        </span>
      </StoreProvider>,
    );
    const f = screen.getByTestId('f');
    expect(f.querySelector('.tex-text')?.textContent).toBe('∂L/∂Wᵢⱼ');
    expect(f.querySelector('.tex-text')?.hasAttribute('data-notation')).toBe(true);
    expect(f.querySelector('.katex')).toBeNull();
    // Not during the render: after the next frame has been painted.
    expect(loader).not.toHaveBeenCalled();
    await waitFor(() => expect(loader).toHaveBeenCalledTimes(1));
    await act(async () => give());
    await waitFor(() => expect(f.querySelector('.katex')).not.toBeNull());
    expect(f.querySelector('.tex-text')).toBeNull();
  });
});

describe('the prefetcher', () => {
  it('typesets nothing until KaTeX is in, then the cells around the one explained', async () => {
    const { loader, give } = controlled();
    const cache = createTexCache({ loader });
    const typeset = vi.spyOn(cache, 'render');
    const p = createPrefetcher(createAppStore(''), cache);
    p.around({ m: 'y', r: 0, c: 0 });
    await new Promise((ok) => setTimeout(ok, 200));
    // It neither typesets nor asks for KaTeX itself.
    expect(typeset).not.toHaveBeenCalled();
    expect(loader).not.toHaveBeenCalled();
    const load = cache.load();
    give();
    await load;
    await waitFor(() => expect(typeset).toHaveBeenCalled(), { timeout: 5000 });
    p.stop();
  });
});

describe('afterFirstPaint', () => {
  /** A browser that reports paints: the observer's callback is called by the test, as Chromium does when it reports FCP. */
  function reportingPaints() {
    const entries: { name: string }[] = [];
    const observers: (() => void)[] = [];
    class FakeObserver {
      static supportedEntryTypes = ['paint'];
      constructor(private cb: () => void) {}
      observe() {
        observers.push(this.cb);
      }
      disconnect() {}
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name: string) => entries.filter((e) => e.name === name) as unknown as PerformanceEntryList);
    return {
      report: () => {
        entries.push({ name: 'first-contentful-paint' });
        for (const o of observers) o();
      },
    };
  }
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('waits for the first contentful paint to be reported, not only for a frame after the load event', async () => {
    const paints = reportingPaints();
    const fn = vi.fn();
    afterFirstPaint(fn);
    await new Promise((ok) => setTimeout(ok, 100));
    expect(fn).not.toHaveBeenCalled();
    paints.report();
    await waitFor(() => expect(fn).toHaveBeenCalledTimes(1));
  });

  it('runs anyway when no paint is reported within three seconds, and a cancelled wait never runs', async () => {
    reportingPaints();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const fn = vi.fn(), cancelled = vi.fn();
    afterFirstPaint(fn);
    afterFirstPaint(cancelled)();
    await vi.advanceTimersByTimeAsync(2900);
    expect(fn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
