// Forced colours (Windows high contrast): fraction bars and the hat of ŷ are drawn, the heat colours and the stripes of
// negative cells stay, and the explained cell and the cells it depends on are marked in different styles.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
});

/** Waits for the lesson and for KaTeX to have typeset the loss (and the panel, when a cell is explained). */
async function open(page: Page, q: string) {
  await page.goto(q);
  await page.waitForSelector('[role="grid"][data-matrix="dX"]');
  await expect(page.locator('.loss-formula .katex')).toBeVisible();
  if (q.includes('focus=')) await expect(page.locator('.derivation [data-line="general"] .katex').first()).toBeVisible();
}

/** A system colour as the page resolves it, e.g. 'CanvasText' → 'rgb(0, 0, 0)'. */
const systemColour = (page: Page, name: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = name;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, name);

/**
 * The share of pixels inside an element's box that are ink, told from the page's background (Canvas) on a
 * screenshot: a fraction bar a backplate paints over, or a letter under a covered accent, has none. With `row`, the
 * share in the inkiest row of pixels (a one-pixel bar falls in one of the two rows its box straddles).
 */
async function ink(page: Page, el: Locator, row = false): Promise<number> {
  const b = (await el.boundingBox())!;
  const x = Math.floor(b.x), y = Math.floor(b.y);
  const clip = { x, y, width: Math.max(1, Math.ceil(b.x + b.width) - x), height: Math.max(1, Math.ceil(b.y + b.height) - y) };
  const png = (await page.screenshot({ clip })).toString('base64');
  const canvas = await systemColour(page, 'Canvas');
  // Decoded in a blank page of its own, free of the app's Content-Security-Policy.
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ({ png, canvas, row }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const bg = canvas.match(/\d+/g)!.map(Number);
        const rows = Array.from({ length: c.height }, () => 0);
        for (let k = 0; k < d.length; k += 4) if (Math.abs(d[k] - bg[0]) + Math.abs(d[k + 1] - bg[1]) + Math.abs(d[k + 2] - bg[2]) > 150) rows[Math.floor(k / 4 / c.width)]++;
        return row ? Math.max(...rows) / c.width : rows.reduce((a, n) => a + n, 0) / (c.width * c.height);
      },
      { png, canvas, row },
    );
  } finally {
    await blank.close();
  }
}

test('fraction bars and the hat of ŷ are drawn, in the system’s text colour', async ({ page, errors }) => {
  void errors;
  await open(page, './?focus=dW:1,0');
  const bars = page.locator('.loss-formula .frac-line, .derivation .frac-line');
  expect(await bars.count()).toBeGreaterThan(2);
  const text = await systemColour(page, 'CanvasText');
  for (const bar of await bars.all()) {
    const s = await bar.evaluate((e) => ({ width: getComputedStyle(e).borderBottomWidth, style: getComputedStyle(e).borderBottomStyle, colour: getComputedStyle(e).borderBottomColor }));
    expect(s).toEqual({ width: expect.stringMatching(/^[1-9]/), style: 'solid', colour: text });
    // And on screen: nearly all of the bar is ink (a backplate over it leaves a third to two thirds).
    expect(await ink(page, bar, true)).toBeGreaterThan(0.85);
  }
  // Accents keep their base letter on screen: ŷ in the loss, while the loss is written with one.
  const bases = page.locator('.loss-formula :is(.katex-accent, .accent) .vlist > span:first-child > .mord');
  const hats = await page.locator('.loss-formula annotation').evaluateAll((a) => a.reduce((n, e) => n + e.textContent!.split('\\hat').length - 1, 0));
  expect(await bases.count()).toBe(hats);
  for (const base of await bases.all()) expect(await ink(page, base)).toBeGreaterThan(0.15);
});

test('the heat colours stay, with their own text colours, and negative cells keep their stripes', async ({ page, errors }) => {
  void errors;
  await open(page, './');
  const cells = await page.locator('.lesson [role="grid"] [role="gridcell"]:not(.muted)').evaluateAll((els) =>
    els.map((e) => {
      const el = e as HTMLElement;
      const s = getComputedStyle(el);
      return { value: Number(el.dataset.value), bg: s.backgroundColor, authoredBg: el.style.backgroundColor, fg: s.color, authoredFg: el.style.color, stripes: s.backgroundImage };
    }),
  );
  expect(cells.length).toBeGreaterThan(20);
  // Forced colours would paint every cell Canvas, with CanvasText on it.
  for (const c of cells) expect([c.bg, c.fg]).toEqual([c.authoredBg, c.authoredFg]);
  expect(new Set(cells.map((c) => c.bg)).size).toBeGreaterThan(10);
  // The sign is told by more than colour: a minus sign in the number, and stripes.
  for (const c of cells.filter((c) => c.value < 0)) expect(c.stripes).toContain('repeating-linear-gradient');
});

test('the explained cell and the cells it depends on are marked in different styles, in system colours', async ({ page, errors }) => {
  void errors;
  await open(page, './?focus=dW:1,0');
  const mark = (el: Locator) => el.evaluate((e) => ({ style: getComputedStyle(e).outlineStyle, width: getComputedStyle(e).outlineWidth, colour: getComputedStyle(e).outlineColor }));
  const active = await mark(page.locator('[data-matrix="dW"] .cell.active'));
  const deps = page.locator('.lesson .cell.dep');
  expect(await deps.count()).toBe(4);
  const dep = await mark(deps.first());
  expect(active.style === dep.style && active.width === dep.width, `${JSON.stringify(active)} vs ${JSON.stringify(dep)}`).toBe(false);
  expect(active.style).toBe('solid');
  expect(dep.style).toBe('dashed');
  expect(active.colour).toBe(await systemColour(page, 'Highlight'));
  expect(dep.colour).toBe(await systemColour(page, 'CanvasText'));
  await page.screenshot({ path: test.info().outputPath('forced-colours.png') });
});
