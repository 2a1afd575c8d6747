// The whole app in the pseudo-locale (lang=en-XA): every string comes from the
// catalogue, so no English is left on screen or in any accessible name, and
// text about 40% longer than English is never clipped.
import type { Page } from '@playwright/test';
import { axe, expect, openJacobian, test } from './fixtures.ts';

/** Every piece of text a reader meets, outside formulas and identifiers: text nodes and the attributes assistive technology reads. */
function readableText(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    const skip = (el: Element | null) => !!el?.closest('.katex, code, script, style, [data-notation]');
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      if (text.trim() && !skip(n.parentElement)) out.push({ where: describe(n.parentElement!), text });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (skip(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) out.push({ where: `${describe(el)}[${a}]`, text: v });
      }
    }
    return out;
  });
}

/** Words of three or more plain ASCII letters: English the catalogue did not word. */
const english = (text: string) => text.match(/[A-Za-z]{3,}/g) ?? [];

/** Elements whose text does not fit: cut off by overflow, or spilling out of a box that hides it. */
function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      // Visually hidden text (.sr-only) is clipped on purpose: it is read, not seen.
      if (el.closest('.katex, .flow-layer, .sr-only') || !el.textContent?.trim()) continue;
      const cs = getComputedStyle(el);
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      // Scrolling regions are reachable by design (a wide formula scrolls sideways); only hidden overflow loses text.
      if ((hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) || (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) || (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)) {
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 60)}`);
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
}

const STATES = [
  { what: 'the lesson with an activation, mid-lesson, a running sum explained', query: '?lang=en-XA&act=sigmoid&focus=dW:1,0&step=14' },
  { what: 'a loss with class targets, a term hovered', query: '?lang=en-XA&loss=softmax-ce&focus=L:0,0', hoverTerm: true },
  { what: 'the upstream gradient given, with notices', query: '?lang=en-XA&loss=upstream&B=40&conv=foo&focus=dY:0,1' },
  { what: 'the Jacobian of the activation, an entry selected', query: '?lang=en-XA&act=relu&jac=z', jacobianEntry: true },
  { what: 'the Jacobian at the largest preset, down to single entries', query: '?lang=en-XA&jac=x', preset: true },
];

for (const s of STATES) {
  for (const width of [1366, 375]) {
    test(`pseudo-locale at ${width} px, ${s.what}: no English left, nothing clipped`, async ({ page, errors }) => {
      void errors;
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`./${s.query}`);
      await page.waitForSelector('[role="grid"][data-matrix="dX"]');
      await openJacobian(page);
      if (s.hoverTerm) await page.locator('.derivation button[data-term]').first().hover();
      if (s.jacobianEntry) await page.locator('[data-testid="jacobian-table"] td[data-r="1"][data-c="1"]').hover();
      if (s.preset) {
        await page.locator('input[data-choice="jac-size"][value="image-b32"]').check();
        await page.getByTestId('sparsity-canvas').focus();
        await page.keyboard.press('Enter');
        await expect(page.getByTestId('jacobian-explain')).toContainText('∂');
      }
      // Walk the shortcut to its last step so every step's text is on screen.
      await page.getByTestId('walk-next').click();
      await page.getByTestId('walk-next').click();
      await page.getByTestId('walk-next').click();
      // Identifiers (URL parameters and their values, convention names) are set as code and stay as they are, in attributes too.
      const identifiers = new Set(await page.evaluate(() => [...document.querySelectorAll('code')].flatMap((c) => c.textContent?.match(/[A-Za-z]{3,}/g) ?? [])));
      const left = (await readableText(page)).flatMap(({ where, text }) =>
        english(text)
          .filter((w) => !(where.includes('[') && identifiers.has(w)))
          .map((w) => `${where}: “${w}” in “${text.trim().slice(0, 80)}”`),
      );
      expect(left).toEqual([]);
      expect(await clipped(page)).toEqual([]);
      if (width === 1366) await page.screenshot({ path: test.info().outputPath('pseudo-locale.png'), fullPage: true });
    });
  }
}

test('the pseudo-locale passes an axe scan, and its text is longer than English by about 40%', async ({ page, errors }) => {
  void errors;
  await page.goto('./?act=tanh&focus=dZ:0,1');
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
  const en = (await page.locator('.derivation .note').innerText()).length;
  await page.goto('./?lang=en-XA&act=tanh&focus=dZ:0,1');
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
  const xa = (await page.locator('.derivation .note').innerText()).length;
  expect(xa / en).toBeGreaterThan(1.25);
  expect(xa / en).toBeLessThan(1.6);
  expect(await page.locator('.app').getAttribute('lang')).toBe('en-XA');
  expect(await axe(page)).toEqual([]);
});
