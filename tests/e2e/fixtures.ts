// Shared e2e set-up: every test fails on a console error, an uncaught exception, or a prerendered page that could
// not be hydrated; and a page the app is on is used only once the app is live.
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Resolves once the page's app is live: the default lesson is prerendered into index.html (build/prerender.ts), so
 * its grids are there before the app has hydrated them, and a test must not act on them before. Pages without the
 * app (an embedding host's) resolve at once.
 */
export async function appLive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return !root || root.hasAttribute('data-live');
  });
}

export const test = base.extend<{ errors: string[] }>({
  page: async ({ page }, use) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const r = await goto(...args);
      await appLive(page);
      return r;
    };
    page.reload = async (...args) => {
      const r = await reload(...args);
      await appLive(page);
      return r;
    };
    await use(page);
  },
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || (m.type() === 'warning' && m.text().includes('prerendered page was drawn anew'))) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await use(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});
export { expect };

/** The heatmap grids: axe must be able to check every cell of them, so an "incomplete" result there fails too. */
export const GRIDS = '[role="grid"], [role="gridcell"], .jac-mini';

/**
 * Runs axe-core with the WCAG 2.2 AA tags, within scope, and returns the violations, and the checks axe could not
 * finish on a grid (such as a colour contrast it could not measure because something covers the cells).
 */
export async function axe(page: Page, scope: { include?: string; exclude?: string } = {}) {
  // Scan the page as it settles: KaTeX arrives after the first paint and replaces every plain-text formula.
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('.tex-text').length), { message: 'KaTeX typesets the formulas before axe scans', timeout: 15_000 })
    .toBe(0);
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (scope.include) builder = builder.include(scope.include);
  if (scope.exclude) builder = builder.exclude(scope.exclude);
  const r = await builder.analyze();
  const violations = r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  const unsure = r.incomplete.flatMap((v) => v.nodes.map((n) => ({ id: v.id, target: n.target.join(' '), why: n.any[0]?.message ?? '' })));
  const onGrid = await page.evaluate(
    ([targets, grids]) => targets.map((t) => Boolean(document.querySelector(t)?.closest(grids))),
    [unsure.map((u) => u.target), GRIDS] as const,
  );
  const blind = unsure.filter((_, k) => onGrid[k]);
  const byId = [...new Set(blind.map((u) => u.id))].map((id) => {
    const nodes = blind.filter((u) => u.id === id);
    return `incomplete on the grids, ${id} (${nodes.length}): ${nodes[0].why} ${nodes.slice(0, 3).map((n) => n.target).join(' | ')}`;
  });
  // And axe did measure the contrast of every number the grids show: none was skipped.
  const measured = [...r.passes, ...r.violations].filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
  const skipped = await page.evaluate(
    ([targets, grids, sc]) => {
      const seen = new Set(targets.map((t) => document.querySelector(t)));
      const shown = [...document.querySelectorAll(`:is(${grids}) .heat-text`)].filter((el) => el.textContent?.trim());
      const inScope = shown.filter((el) => (!sc.include || el.closest(sc.include)) && !(sc.exclude && el.closest(sc.exclude)));
      return inScope.filter((el) => !seen.has(el)).map((el) => el.closest('[data-matrix], [data-testid]')?.getAttribute('data-matrix') ?? el.textContent);
    },
    [measured, GRIDS, scope] as const,
  );
  const notMeasured = skipped.length ? [`contrast not measured on ${skipped.length} grid numbers: ${skipped.slice(0, 5).join(', ')}`] : [];
  return [...violations, ...byId, ...notMeasured];
}

/**
 * Brings the Jacobian view in: it is a chunk of its own, loaded when it comes near the screen (JacobianSlot.tsx),
 * so scroll its placeholder into view and wait for the view.
 */
export async function openJacobian(page: Page) {
  await page.waitForSelector('[data-testid="jacobian-view"], [data-testid="jacobian-pending"]', { state: 'attached' });
  await page.evaluate(() => document.querySelector('[data-testid="jacobian-pending"]')?.scrollIntoView());
  await expect(page.getByTestId('jacobian-view')).toBeAttached();
}
