// What a page load costs, observed from inside the page: first contentful paint, the largest contentful
// paint's candidates, layout shifts, when KaTeX's first formula appeared, and the resources fetched before
// the load event. Shared by bench/load.bench.ts and tests/e2e/load.spec.ts.
import type { Page } from '@playwright/test';

/** One layout shift, with the elements that moved. */
export interface Shift {
  t: number;
  value: number;
  sources: string[];
}

/** What the probe saw. Times are milliseconds from navigation start. */
export interface LoadReport {
  fcp: number | null;
  /** The last largest-contentful-paint candidate: its time, size and element. */
  lcp: { t: number; size: number; element: string } | null;
  /** Layout shifts without recent input. */
  shifts: Shift[];
  /** CLS: the largest session window of shifts (gaps under 1 s, windows up to 5 s). */
  cls: number;
  /** When the first `.katex` element was in the document, if any. */
  katexAt: number | null;
  loadEventStart: number;
  /** Every resource fetched, in order: path, when its request started, its decoded size, and whether it was before load. */
  resources: { path: string; start: number; bytes: number; beforeLoad: boolean }[];
}

/** Installs the observers; run with page.addInitScript before navigating. */
export const PROBE_INIT = `(() => {
  const describe = (el) => {
    if (!el || !el.tagName) return '';
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + cls;
  };
  const probe = { fcp: null, lcp: [], shifts: [], katexAt: null };
  window.__loadProbe = probe;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') probe.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) probe.lcp.push({ t: e.startTime, size: e.size, element: describe(e.element) });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      probe.shifts.push({ t: e.startTime, value: e.value, sources: (e.sources || []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const seen = () => {
    if (probe.katexAt === null && document.querySelector('.katex')) probe.katexAt = performance.now();
    return probe.katexAt !== null;
  };
  const mo = new MutationObserver(() => seen() && mo.disconnect());
  mo.observe(document, { subtree: true, childList: true });
})()`;

/** The largest session window of layout shifts, as Chromium's CLS counts it. */
export function sessionCls(shifts: Shift[]): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.t - last >= 1000 || s.t - first >= 5000) {
      sum = 0;
      first = s.t;
    }
    sum += s.value;
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

/** Reads what the probe saw so far. */
export async function readProbe(page: Page): Promise<LoadReport> {
  const raw = await page.evaluate(() => {
    const probe = (window as unknown as { __loadProbe: { fcp: number | null; lcp: { t: number; size: number; element: string }[]; shifts: Shift[]; katexAt: number | null } }).__loadProbe;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const loadEventStart = nav?.loadEventStart ?? 0;
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      path: new URL(r.name).pathname,
      start: r.startTime,
      bytes: r.decodedBodySize,
      beforeLoad: loadEventStart > 0 && r.startTime < loadEventStart,
    }));
    return { ...probe, loadEventStart, resources };
  });
  return { ...raw, lcp: raw.lcp.at(-1) ?? null, cls: sessionCls(raw.shifts) };
}
