// The pictures (issue 13) in a real browser: the Export dialog's Download SVG saves the lesson on screen as a
// well-formed SVG with no external reference, whose text holds every grid's numbers as the grids show them and the
// focused cell's derivation; Download PNG (2x) saves the same picture at twice its CSS pixels, not blank and in the
// grids' colours; the training view's loss curve saves as a PNG at twice its size on screen; axe finds nothing.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { axe, expect, test } from './fixtures.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's signature checked, and its width and height from the IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

/** Clicks a button and returns what it downloaded. */
async function download(page: Page, click: () => Promise<void>): Promise<{ file: string; bytes: Buffer; d: Download }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { file: d.suggestedFilename(), bytes: await readFile(await d.path()), d };
}

/** The pixels of a PNG as the browser decodes them: how many are not the page's white or near it, and how many of each colour given. */
function pngPixels(page: Page, png: Buffer, colours: string[]) {
  return page.evaluate(
    async ([b64, want]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = canvas.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
      const hex = (k: number) => `#${[data[k], data[k + 1], data[k + 2]].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      const counts: Record<string, number> = Object.fromEntries(want.map((c) => [c, 0]));
      let inked = 0;
      const seen = new Set<string>();
      for (let k = 0; k < data.length; k += 4) {
        const c = hex(k);
        if (c in counts) counts[c]++;
        if (data[k] + data[k + 1] + data[k + 2] < 3 * 235) inked++;
        if (seen.size < 1000) seen.add(c);
      }
      return { inked: inked / (data.length / 4), colours: seen.size, counts };
    },
    [png.toString('base64'), colours] as const,
  );
}

/** What an SVG holds, parsed by the browser: whether it is well-formed, what it refers to outside itself, its size, its grids' numbers, its words. */
function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const external: string[] = [];
    for (const el of doc.getElementsByTagName('*')) {
      if (['image', 'foreignObject', 'style', 'script', 'use', 'link', 'iframe'].includes(el.localName)) external.push(`<${el.localName}>`);
      for (const a of el.attributes) {
        if (a.localName === 'href' && !a.value.startsWith('#')) external.push(`${a.name}="${a.value}"`);
        if (/url\(\s*['"]?(?!#)/.test(a.value) || /@import/.test(a.value)) external.push(`${a.name}="${a.value}"`);
        if (a.name === 'class' || a.name === 'style') external.push(`${a.name} relies on page CSS`);
      }
    }
    const grids: Record<string, string[]> = {};
    const labels: Record<string, string[]> = {};
    for (const g of doc.querySelectorAll('g[data-matrix]')) {
      const m = g.getAttribute('data-matrix')!;
      grids[m] = [...g.querySelectorAll('text[data-cell]')].map((t) => t.textContent ?? '');
      labels[m] = [...g.querySelectorAll('text:not([data-cell])')].map((t) => t.textContent ?? '');
    }
    const derivation = [...doc.querySelectorAll('g[data-part="derivation"] text')].map((t) => t.textContent ?? '').join(' ');
    return {
      wellFormed: doc.getElementsByTagName('parsererror').length === 0 && root.localName === 'svg' && root.namespaceURI === 'http://www.w3.org/2000/svg',
      external,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      grids,
      labels,
      derivation,
    };
  }, svg);
}

/** The lesson's grids on screen: each cell's text, its label and badge, and the heat colours painted. */
function screenGrids(page: Page) {
  return page.evaluate(() => {
    const grids: Record<string, string[]> = {};
    const captions: Record<string, string[]> = {};
    const colours = new Set<string>();
    for (const g of document.querySelectorAll<HTMLElement>('.lesson [role="grid"][data-matrix]')) {
      const m = g.dataset.matrix!;
      grids[m] = [...g.querySelectorAll<HTMLElement>('[role="gridcell"]')].filter((c) => !c.classList.contains('muted')).map((c) => c.querySelector('.heat-text')?.textContent ?? '');
      const fig = g.closest('figure')!;
      captions[m] = [fig.querySelector('.matrix-label')!.textContent!, fig.querySelector('.badge')!.textContent!];
      for (const c of g.querySelectorAll<HTMLElement>('[role="gridcell"]:not(.muted)')) {
        const [r, gr, b] = getComputedStyle(c).backgroundColor.match(/\d+/g)!.map(Number);
        colours.add(`#${[r, gr, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
      }
    }
    return { grids, captions, colours: [...colours] };
  });
}

test('Download SVG and PNG (2x) save the lesson on screen: its grids’ numbers as text, the derivation, no external reference; axe finds nothing', async ({ page, errors }) => {
  void errors;
  await page.goto('./?conv=torch&act=sigmoid&B=3');
  await page.locator('.lesson [data-matrix="dW"] [role="gridcell"][data-r="1"][data-c="0"]').focus();
  const panel = page.getByTestId('derivation');
  await expect(panel.locator('.derivation-title')).toHaveText(/^dL\/dW\[1,0\] = /);
  const title = await panel.locator('.derivation-title').textContent();
  await page.getByRole('button', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Take this lesson with you: Python' });
  const part = dialog.getByRole('region', { name: 'Picture' });
  await expect(part).toBeVisible();
  await expect(part).toContainText('backprop-torch-mse-sigmoid.svg');

  // The SVG.
  const svg = await download(page, () => part.getByRole('button', { name: 'Download SVG' }).click());
  expect(svg.file).toBe('backprop-torch-mse-sigmoid.svg');
  await expect(part.getByRole('status')).toHaveText('Saved as backprop-torch-mse-sigmoid.svg.');
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
  const read = await readSvg(page, text);
  expect(read.wellFormed).toBe(true);
  expect(read.external).toEqual([]);
  expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  const shown = await screenGrids(page);
  expect(Object.keys(read.grids).sort()).toEqual(['L', 'W', 'b', 'dW', 'dX', 'dY', 'dZ', 'db', 'target', 'x', 'y', 'z']);
  expect(Object.keys(shown.grids).sort()).toEqual(Object.keys(read.grids).sort());
  for (const [m, cells] of Object.entries(shown.grids)) {
    expect(read.grids[m], `${m}'s numbers, as its grid shows them`).toEqual(cells);
    for (const words of shown.captions[m]) expect(read.labels[m], `${m}'s label and badge`).toContain(words);
  }
  // PyTorch's W is [T×N]; dL/dW has W's shape.
  expect(read.labels.W).toContain('[T×N] = [2×3]');
  expect(read.labels.dW).toContain('[T×N] = [2×3]');
  expect(read.derivation).toContain(title);
  expect(read.derivation).toContain('The whole matrix at once');
  expect(read.derivation).toContain('= −');

  // The same picture drawn by Chromium from the file alone, to look at: every cell's colour is there.
  const view = await page.context().newPage();
  await view.setViewportSize({ width: read.width, height: read.height });
  await view.goto(`data:image/svg+xml;base64,${svg.bytes.toString('base64')}`);
  const drawn = await view.screenshot();
  const seen = await pngPixels(page, drawn, shown.colours);
  await test.info().attach('lesson.svg drawn by Chromium', { body: drawn, contentType: 'image/png' });
  await view.close();
  for (const c of shown.colours) expect(seen.counts[c], `the heat colour ${c} is drawn`).toBeGreaterThan(50);

  // The PNG: twice the SVG's CSS pixels each way, inked, in the grids' colours.
  const png = await download(page, () => part.getByRole('button', { name: 'Download PNG (2x)' }).click());
  expect(png.file).toBe('backprop-torch-mse-sigmoid.png');
  await expect(part.getByRole('status')).toHaveText('Saved as backprop-torch-mse-sigmoid.png.');
  expect(pngSize(png.bytes)).toEqual([2 * read.width, 2 * read.height]);
  await test.info().attach('lesson.png', { body: png.bytes, contentType: 'image/png' });
  const pixels = await pngPixels(page, png.bytes, shown.colours);
  expect(pixels.inked).toBeGreaterThan(0.05);
  expect(pixels.colours).toBeGreaterThan(50);
  for (const c of shown.colours) expect(pixels.counts[c], `the heat colour ${c} is in the PNG`).toBeGreaterThan(4 * 50);

  // Both buttons are reached by the keyboard, and the dialog passes axe.
  await part.getByRole('button', { name: 'Download SVG' }).focus();
  await page.keyboard.press('Tab');
  await expect(part.getByRole('button', { name: 'Download PNG (2x)' })).toBeFocused();
  expect(await axe(page, { include: '.export-dialog' })).toEqual([]);
});

test('the loss curve saves as a PNG at twice its size on screen, drawn in the curve’s colours', async ({ page, errors }) => {
  void errors;
  await page.goto('./?train=iris&batch=10');
  await page.waitForSelector('[data-metric="epoch"]');
  for (let k = 0; k < 5; k++) await page.getByRole('button', { name: /^One update/ }).click();
  const curve = page.getByTestId('loss-curve');
  await expect(curve).toContainText('5 updates');
  const box = (await curve.locator('svg').boundingBox())!;
  const button = curve.getByRole('button', { name: 'Download PNG of the loss curve (2x)' });
  const png = await download(page, () => button.click());
  expect(png.file).toBe('backprop-train-iris-row-identity-loss.png');
  await expect(curve.getByRole('status')).toHaveText('Saved as backprop-train-iris-row-identity-loss.png.');
  expect(pngSize(png.bytes)).toEqual([2 * Math.round(box.width), 2 * Math.round(box.height)]);
  await test.info().attach('loss-curve.png', { body: png.bytes, contentType: 'image/png' });
  // The line in the app's accent blue, the accuracy in the heat scale's orange-brown, axes' text in grey.
  const pixels = await pngPixels(page, png.bytes, ['#1b4f9c', '#b35806']);
  expect(pixels.inked).toBeGreaterThan(0.01);
  expect(pixels.counts['#1b4f9c']).toBeGreaterThan(100);
  expect(pixels.counts['#b35806']).toBeGreaterThan(100);
  expect(await axe(page, { include: '.loss-curve' })).toEqual([]);
});
