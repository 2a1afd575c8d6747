// @vitest-environment jsdom
// The idle-time typesetting of neighbouring cells outlives the lesson it was queued for: a cell the new lesson
// no longer has is skipped, never derived (found by the UI fuzz: an uncaught error after choosing 'upstream'
// with the target explained).
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { createPrefetcher } from '../../src/ui/derivation/prefetch.ts';
import { createTexCache } from '../../src/ui/texCache.ts';

describe('the prefetcher after the lesson changes', () => {
  it('skips queued cells of a matrix the lesson no longer shows', async () => {
    const cache = createTexCache({ loader: () => Promise.resolve(katex) });
    await cache.load();
    const typeset = vi.spyOn(cache, 'render');
    const store = createAppStore('?conv=torch&B=4&N=2&T=3&act=relu&seed=-405&focus=target:1,2');
    const p = createPrefetcher(store, cache);
    p.around({ m: 'target', r: 1, c: 2 });
    // Before the idle work runs, the loss becomes one with no target.
    store.getState().setLoss('upstream');
    expect(store.select.graph(store.getState()).rule('target')).toBeFalsy();
    // Deriving one of them would throw in the idle callback, an error Vitest fails the run on.
    await new Promise((ok) => setTimeout(ok, 300));
    expect(typeset).not.toHaveBeenCalled();
    // And it still works for the new lesson.
    p.around({ m: 'y', r: 1, c: 1 });
    await vi.waitFor(() => expect(typeset).toHaveBeenCalled(), { timeout: 5000 });
    p.stop();
  });
});
