// Typeset LaTeX, remembered: hovering back and forth over cells re-renders
// nothing. One cache per app, least recently used entries forgotten first.
// KaTeX itself (its code, CSS and fonts) is loaded by the cache when asked,
// after the first paint: until then formulas are shown as plain text.
import type { KatexOptions } from 'katex';

/** The part of KaTeX the cache uses. */
export interface Katex {
  renderToString(tex: string, options?: KatexOptions): string;
}

/** A KaTeX cache. */
export interface TexCache {
  /** True once KaTeX is loaded and formulas can be typeset. */
  ready(): boolean;
  /** Loads KaTeX, once per cache; resolves when it is ready (a failed load may be tried again). */
  load(): Promise<void>;
  /** Calls `listener` when KaTeX becomes ready; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** KaTeX's HTML for a formula, with MathML for assistive technology unless `mathml` is false; never throws. Needs ready(). */
  render(tex: string, display?: boolean, mathml?: boolean): string;
  /** True when a formula is already typeset. */
  has(tex: string, display?: boolean, mathml?: boolean): boolean;
}

/** How a cache gets KaTeX: already in hand (tests, tools), or a loader to call when asked. */
export interface TexCacheOptions {
  katex?: Katex;
  loader?: () => Promise<Katex>;
  max?: number;
}

/** The fonts the first screen's formulas use, fetched before the first formula is typeset so none is drawn twice. */
const FIRST_FONTS = ['1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1', '1em KaTeX_Size2'];
/** How long to wait for those fonts before typesetting anyway. */
const FONT_WAIT_MS = 3000;

/** KaTeX's code and CSS as a chunk of their own, then its first fonts. */
async function loadKatex(): Promise<Katex> {
  const katex = (await import('./katexModule.ts')).katex;
  if (typeof document !== 'undefined' && document.fonts) {
    const fonts = Promise.all(FIRST_FONTS.map((f) => document.fonts.load(f))).catch(() => []);
    await Promise.race([fonts, new Promise((ok) => setTimeout(ok, FONT_WAIT_MS))]);
  }
  return katex;
}

/** What KaTeX may write beyond plain mathematics: data attributes, nothing that links, loads or runs. */
const TRUST: KatexOptions['trust'] = (c) => c.command === '\\htmlData';

/** Makes a cache holding at most `max` typeset formulas. */
export function createTexCache({ katex: given, loader = loadKatex, max = 3000 }: TexCacheOptions = {}): TexCache {
  let katex: Katex | null = given ?? null;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  // Least recently used first: a Map keeps insertion order, and a hit moves its entry to the end.
  const cache = new Map<string, string>();
  const keyOf = (tex: string, display: boolean, mathml: boolean) => (display ? 'D' : 'I') + (mathml ? 'M' : 'H') + tex;
  return {
    ready: () => katex !== null,
    load: () => {
      if (katex) return Promise.resolve();
      loading ??= loader().then(
        (k) => {
          katex = k;
          for (const l of [...listeners]) l();
        },
        () => {
          // Formulas stay in plain text; the next call tries again.
          loading = null;
        },
      );
      return loading;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    render: (tex, display = false, mathml = true) => {
      if (!katex) return '';
      const k = keyOf(tex, display, mathml);
      let html = cache.get(k);
      if (html === undefined) {
        // \htmlData alone is trusted: the linked notations mark their parts with it (core/tokens.ts), as data-part attributes.
        html = katex.renderToString(tex, { throwOnError: false, displayMode: display, output: mathml ? 'htmlAndMathml' : 'html', strict: 'ignore', trust: TRUST });
        if (cache.size >= max) {
          // Forget the least recently used tenth.
          let n = Math.max(1, Math.floor(max / 10));
          for (const old of cache.keys()) {
            cache.delete(old);
            if (--n <= 0) break;
          }
        }
      } else cache.delete(k);
      cache.set(k, html);
      return html;
    },
    has: (tex, display = false, mathml = true) => cache.has(keyOf(tex, display, mathml)),
  };
}

/** How long to wait for the browser to report the first contentful paint, where it reports paints at all. */
const FCP_WAIT_MS = 3000;

/**
 * Runs `fn` after the page's load event and its first contentful paint; returns a cancel function. A frame after
 * the load event is not enough on a loaded machine: the paint of that frame can be reported a hundred
 * milliseconds later, so where the browser reports paints, `fn` waits for the report (at most FCP_WAIT_MS).
 */
export function afterFirstPaint(fn: () => void): () => void {
  if (typeof window === 'undefined' || typeof requestAnimationFrame !== 'function') {
    fn();
    return () => {};
  }
  let frame = 0;
  let timer = 0;
  let observer: PerformanceObserver | null = null;
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, 0);
  };
  const painted = () => typeof performance.getEntriesByName === 'function' && performance.getEntriesByName('first-contentful-paint').length > 0;
  const go = () => {
    // The frame callback runs just before a paint; the task after it runs once that paint is done.
    frame = requestAnimationFrame(() => {
      const reports = typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
      if (!reports || painted()) return run();
      observer = new PerformanceObserver(() => painted() && run());
      observer.observe({ type: 'paint', buffered: true });
      timer = window.setTimeout(run, FCP_WAIT_MS);
    });
  };
  if (document.readyState === 'complete') go();
  else window.addEventListener('load', go, { once: true });
  return () => {
    done = true;
    window.removeEventListener('load', go);
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
    observer?.disconnect();
  };
}
