// The gates the built app keeps, served as in production (vite preview sends the build's policy as a header):
// a scripted visit through every part of the page causes no Content-Security-Policy violation and sends no request
// off the page's origin, and every number on a heat colour reaches WCAG AA contrast with the colour painted behind it.
import type { Page } from '@playwright/test';
import { CSP } from '../../build/csp.ts';
import { contrastRatio } from '../../src/ui/matrix/colour.ts';
import { expect, test } from './fixtures.ts';

const ready = (page: Page) => page.waitForSelector('[role="grid"][data-matrix="dX"]');
const cell = (page: Page, m: string, r: number, c: number) => page.locator(`.lesson [role="grid"][data-matrix="${m}"] [data-r="${r}"][data-c="${c}"]`);

/** Scrolls down to the Jacobian view, which loads when it nears the screen, and waits for it. */
async function reachJacobian(page: Page) {
  // The placeholder is replaced by the view as it arrives: scroll to whichever is there.
  await page.waitForSelector('[data-testid="jacobian-view"], [data-testid="jacobian-pending"]', { state: 'attached' });
  await page.evaluate(() => document.querySelector('[data-testid="jacobian-view"], [data-testid="jacobian-pending"]')?.scrollIntoView());
  await expect(page.getByTestId('jacobian-view')).toBeVisible();
}

/** Every value of the radio group data-choice=name now on the page. */
const choices = (page: Page, name: string) => page.locator(`input[data-choice="${name}"]`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
const choose = (page: Page, name: string, value: string) => page.locator(`input[data-choice="${name}"][value="${value}"]`).check();

/** Points at the last cell of every lesson grid, each explained in turn. */
async function hoverGrids(page: Page) {
  for (const grid of await page.locator('.lesson [role="grid"][data-matrix]').all()) await grid.locator('[role="gridcell"]').last().hover();
}

/** A learner's visit: load, hover, play, edit, every control of the lesson, and every state of the Jacobian view. */
async function visit(page: Page) {
  await page.goto('./?step=0');
  await ready(page);
  // Play with motion: the player's tokens and counters are drawn.
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(page.getByTestId('narration')).toContainText('Step 3 of', { timeout: 10_000 });
  await page.getByRole('button', { name: /^Pause/ }).click();
  await page.getByRole('button', { name: /^Step forward/ }).click();
  await page.getByRole('button', { name: /^Jump to end/ }).click();
  await hoverGrids(page);
  // Edit: Enter opens a cell's editor, and so does a double click.
  await cell(page, 'W', 0, 0).focus();
  await page.keyboard.press('Enter');
  await cell(page, 'W', 0, 0).locator('input').fill('0.5');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'W', 0, 0)).toHaveAttribute('data-value', '0.5');
  await cell(page, 'x', 0, 0).dblclick();
  await cell(page, 'x', 0, 0).locator('input').fill('-2');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'x', 0, 0)).toHaveAttribute('data-value', '-2');
  // Every convention, loss and activation, each explained at a cell.
  for (const conv of await choices(page, 'conv')) {
    await choose(page, 'conv', conv);
    await hoverGrids(page);
  }
  const loss = page.getByLabel('loss', { exact: true });
  for (const value of await loss.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
    await loss.selectOption(value);
    await hoverGrids(page);
  }
  const act = page.getByLabel('activation', { exact: true });
  for (const value of await act.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
    await act.selectOption(value);
    await hoverGrids(page);
  }
  await page.getByRole('button', { name: 'Randomise' }).click();
  // The Jacobian view: every kind, order and size, the entries, the pattern's zoom and the walkthrough.
  await reachJacobian(page);
  for (const kind of await choices(page, 'jac-kind')) {
    await choose(page, 'jac-kind', kind);
    await page.locator('[data-testid="jacobian-table"] td[data-r="0"][data-c="0"]').hover();
  }
  for (const lin of await choices(page, 'jac-lin')) await choose(page, 'jac-lin', lin);
  for (const size of await choices(page, 'jac-size')) {
    await choose(page, 'jac-size', size);
    await expect(page.getByTestId('sparsity-canvas')).toHaveAttribute('data-draws', /\d+/);
  }
  await choose(page, 'jac-size', 'teaching');
  const canvas = page.getByTestId('sparsity-canvas');
  await canvas.focus();
  await page.keyboard.press('+');
  await page.keyboard.press('Enter');
  await page.keyboard.press('0');
  await page.getByTestId('walk-play').click();
  await expect(page.getByTestId('walk-verdict')).toBeVisible({ timeout: 15_000 });
  await page.locator('[data-testid="walk-final"] td').first().hover();
  // The pseudo-locale, loaded afresh on an explained cell, and a term of its derivation pointed at.
  await page.goto('./?lang=en-XA&act=sigmoid&focus=dZ:0,1');
  await ready(page);
  await page.locator('.derivation button[data-term]').first().hover();
  await expect(page.locator('.lesson [role="gridcell"].term').first()).toBeVisible();
  await hoverGrids(page);
}

test('a scripted visit (load, hover, play, edit, every control and view): 0 CSP violations, 0 foreign requests', async ({ page, errors, baseURL }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  // Violations are reported from the first byte of every document the visit loads.
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
    window.addEventListener('securitypolicyviolation', (e) => report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`), true);
  });
  const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
  const own: string[] = [];
  const foreign: string[] = [];
  page.context().on('request', (r) => {
    const u = new URL(r.url());
    // data: and blob: URLs never leave the page (the policy says which of them may be used).
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    // Chromium fetches /favicon.svg again on each replaceState: the browser's own doing, allowed (it is same-origin).
    (u.origin === origin ? own : foreign).push(r.url());
  });
  page.on('websocket', (ws) => foreign.push(ws.url()));
  // The build ships the policy in its page, and the server sends the same policy as a header.
  const first = await page.goto('./');
  expect(first?.headers()['content-security-policy']).toBe(CSP);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', CSP);
  await visit(page);
  expect(violations).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy/i.test(e)), 'what the console said the policy refused').toEqual([]);
  expect(foreign).toEqual([]);
  expect(own.filter((u) => new URL(u).pathname.includes('/assets/')).length, 'the app came from its own origin').toBeGreaterThan(0);
  const figure = `${violations.length} CSP violations; ${own.length} requests, all same-origin (${foreign.length} foreign)`;
  console.log(`gates: ${figure}`);
  test.info().annotations.push({ type: 'requests', description: figure });
});

interface PaintedText {
  where: string;
  text: string;
  fg: string;
  bg: string | null;
  why: string;
}

/**
 * Every number drawn in a heat cell (lesson grids, Jacobian entries, walkthrough matrices), with its text colour and
 * the colour actually behind it: the nearest opaque background up its ancestors, or why there is none to measure
 * (a background image such as a stripe, or a translucent colour, under the text).
 */
function readPainted(page: Page): Promise<PaintedText[]> {
  return page.evaluate(() => {
    const opaque = (c: string) => !/rgba?\(.*,\s*(0|0?\.\d+)\)$/.test(c) && c !== 'transparent';
    const out: PaintedText[] = [];
    for (const cellEl of document.querySelectorAll<HTMLElement>('[role="grid"] [role="gridcell"], .jac-mini td')) {
      const where = cellEl.getAttribute('aria-label') ?? `${cellEl.closest('[data-testid]')?.getAttribute('data-testid')} ${cellEl.dataset.r},${cellEl.dataset.c}`;
      const walker = document.createTreeWalker(cellEl, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.closest('.sr-only')) continue;
        let bg: string | null = null;
        let why = '';
        for (let e: HTMLElement | null = el; e && !bg && !why; e = e.parentElement) {
          const cs = getComputedStyle(e);
          if (cs.backgroundImage !== 'none') why = `a background image on ${e.className}`;
          else if (opaque(cs.backgroundColor)) bg = cs.backgroundColor;
          else if (cs.backgroundColor !== 'rgba(0, 0, 0, 0)') why = `a translucent background on ${e.className}`;
        }
        out.push({ where, text: n.textContent.trim(), fg: getComputedStyle(el).color, bg, why });
      }
    }
    return out;
  });
}

const AA = 4.5;
const LESSONS = [
  './?loss=softmax-ce',
  './?conv=torch&act=sigmoid&B=3&N=4&T=3&seed=11',
  './?conv=column&act=tanh&loss=sum&B=4&N=2&T=3&seed=5',
  './?loss=upstream&act=relu&seed=-3&step=9',
  './?conv=torch&loss=mse&B=5&N=3&T=4&seed=2024&jac=x',
];

test(`every number on a heat colour, in the grids and the Jacobian view of ${LESSONS.length} lessons: 0 below ${AA}:1`, async ({ page, errors }) => {
  void errors;
  test.setTimeout(120_000);
  let worst = Infinity;
  let measured = 0;
  for (const url of LESSONS) {
    await page.goto(url);
    await ready(page);
    // The walkthrough's matrices too, once its steps have appeared.
    await reachJacobian(page);
    const walk = page.getByTestId('shortcut-walk');
    await walk.scrollIntoViewIfNeeded();
    for (let k = 0; k < 3; k++) await page.getByTestId('walk-next').click();
    await expect(page.getByTestId('walk-verdict')).toBeVisible();
    await walk.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    const painted = await readPainted(page);
    expect(painted.filter((p) => p.where.startsWith('jacobian-table')).length, `${url}: Jacobian entries read`).toBeGreaterThan(0);
    expect(painted.filter((p) => p.where.startsWith('walk-')).length, `${url}: walkthrough numbers read`).toBeGreaterThan(0);
    expect(painted.length, `${url}: numbers read`).toBeGreaterThan(30);
    const unmeasurable = painted.filter((p) => !p.bg).map((p) => `${url} ${p.where} "${p.text}": ${p.why}`);
    expect(unmeasurable, 'text on a background whose colour is not one solid colour').toEqual([]);
    const low = painted
      .map((p) => ({ ...p, ratio: contrastRatio(p.fg, p.bg ?? p.fg) }))
      .filter((p) => {
        worst = Math.min(worst, p.ratio);
        return p.ratio < AA;
      })
      .map((p) => `${url} ${p.where} "${p.text}": ${p.fg} on ${p.bg}, ${p.ratio.toFixed(2)}:1`);
    expect(low).toEqual([]);
    measured += painted.length;
  }
  const figure = `${measured} numbers on heat colours measured, the lowest at ${worst.toFixed(2)}:1`;
  console.log(`gates: ${figure}`);
  test.info().annotations.push({ type: 'contrast', description: figure });
});
