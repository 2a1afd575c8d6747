// @vitest-environment jsdom
// The picture of the lesson (issue 13): the Export dialog's Download SVG saves a well-formed, self-contained SVG
// that holds every grid of the lesson under the label and shape badge its grid has on screen, each cell's number as
// the grid shows it, and the derivation the panel shows, as text; in every convention, with and without an
// activation, a target, an update. And the shared button-with-a-status-line says what became of each file.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { lessonPicture } from '../../src/ui/export/lessonPicture.ts';
import { escapeXml, lessonSvg, wrapText } from '../../src/ui/export/lessonSvg.ts';
import { SaveFiles } from '../../src/ui/SaveFile.tsx';
import { StoreProvider } from '../../src/ui/storeContext.tsx';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';
import { texText } from '../../src/ui/texText.ts';
import { stubModalDialogs } from './dialog.ts';
import { blobText, captureDownloads } from './downloads.ts';
import { renderApp } from './renderApp.tsx';

beforeEach(stubModalDialogs);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Parses an SVG document, failing on anything that is not well-formed XML with an <svg> root. */
function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror'), 'well-formed XML').toHaveLength(0);
  expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
  expect(doc.documentElement.localName).toBe('svg');
  return doc;
}

/** What refers outside the document: an href to anything but a fragment, a url() that is not one, an image, a foreignObject, a style sheet. */
function externalRefs(doc: Document): string[] {
  const out: string[] = [];
  for (const el of doc.getElementsByTagName('*')) {
    if (['image', 'foreignObject', 'style', 'script', 'use'].includes(el.localName)) out.push(`<${el.localName}>`);
    for (const a of el.attributes) {
      if (a.localName === 'href' && !a.value.startsWith('#')) out.push(`${a.name}=${a.value}`);
      for (const m of a.value.matchAll(/url\(([^)]*)\)/g)) if (!m[1].trim().startsWith('#')) out.push(`${a.name}=${a.value}`);
      if (a.name === 'style' || a.name === 'class') out.push(`${a.name} (page CSS)`);
    }
  }
  return out;
}

/** The lesson's grids as the page shows them: label, badge and each cell's text, by matrix. */
function screenGrids(): Map<string, { label: string; badge: string; cells: string[] }> {
  const out = new Map<string, { label: string; badge: string; cells: string[] }>();
  for (const g of document.querySelectorAll<HTMLElement>('.lesson [role="grid"][data-matrix]')) {
    const fig = g.closest('figure')!;
    out.set(g.dataset.matrix!, {
      label: fig.querySelector('.matrix-label')!.textContent!,
      badge: fig.querySelector('.badge')!.textContent!,
      cells: [...g.querySelectorAll('[role="gridcell"] .heat-text')].map((c) => c.textContent ?? ''),
    });
  }
  return out;
}

/** The same from the picture. */
function pictureGrids(doc: Document): Map<string, { texts: string[]; cells: string[] }> {
  const out = new Map<string, { texts: string[]; cells: string[] }>();
  for (const g of doc.querySelectorAll('g[data-matrix]')) {
    const texts = [...g.querySelectorAll('text')].map((t) => t.textContent ?? '');
    // Every cell is a rect; a muted one has no number.
    const numbers = new Map([...g.querySelectorAll('text[data-cell]')].map((t) => [t.getAttribute('data-cell'), t.textContent ?? '']));
    const [rows, cols] = [Number(g.getAttribute('data-rows')), Number(g.getAttribute('data-cols'))];
    const cells = Array.from({ length: rows * cols }, (_, k) => numbers.get(`${Math.floor(k / cols)},${k % cols}`) ?? '');
    out.set(g.getAttribute('data-matrix')!, { texts, cells });
  }
  return out;
}

async function downloadSvg(): Promise<{ doc: Document; text: string; file: string }> {
  await screen.findByText(/^The lesson as on screen/, {}, { timeout: 20_000 });
  const part = document.querySelector<HTMLElement>('section.export-picture')!;
  expect(document.getElementById(part.getAttribute('aria-labelledby') ?? '')?.textContent).toBe('Picture');
  const { made, click } = captureDownloads();
  fireEvent.click(within(part).getByRole('button', { name: 'Download SVG' }));
  expect(click).toHaveBeenCalledTimes(1);
  expect(made[0].type).toBe('image/svg+xml');
  const text = await blobText(made[0]);
  const status = within(part).getByRole('status').textContent ?? '';
  return { doc: parseSvg(text), text, file: status.replace(/^Saved as (.*)\.$/, '$1') };
}

// The first test loads the dialog's chunk, which takes a while on a busy machine.
describe('Download SVG, the picture of the lesson', { timeout: 30_000 }, () => {
  const lessons = [
    { q: 'conv=row&focus=dW:1,0', want: ['x', 'W', 'b', 'y', 'target', 'L', 'dY', 'dW', 'db', 'dX'] },
    { q: 'conv=torch&act=sigmoid&focus=dZ:1,0', want: ['x', 'W', 'b', 'z', 'y', 'target', 'L', 'dY', 'dZ', 'dW', 'db', 'dX'] },
    { q: 'conv=column&act=relu&loss=softmax-ce&update=0.1&B=3&focus=L:0,0', want: ['x', 'W', 'b', 'z', 'y', 'target', 'L', 'dY', 'dZ', 'dW', 'db', 'dX', 'Wn', 'bn'] },
    { q: 'conv=row&loss=upstream&focus=x:0,1', want: ['x', 'W', 'b', 'y', 'L', 'dY', 'dW', 'db', 'dX'] },
  ];
  for (const { q, want } of lessons)
    it(`holds every grid as the page shows it, and the derivation: ${q}`, async () => {
      renderApp(`?export=numpy&${q}`);
      const { doc, text, file } = await downloadSvg();
      expect(file).toMatch(/^backprop-(row|torch|column)-[a-z-]+-[a-z]+\.svg$/);
      expect(externalRefs(doc)).toEqual([]);
      const shown = screenGrids();
      const drawn = pictureGrids(doc);
      expect([...drawn.keys()].sort()).toEqual([...want].sort());
      expect([...shown.keys()].sort()).toEqual([...want].sort());
      for (const [m, s] of shown) {
        const d = drawn.get(m)!;
        // The label and the convention's shape badge, as the grid's caption has them ([N×T] in row, [T×N] in torch and column).
        expect(d.texts, `${m}: its label`).toContain(s.label);
        expect(d.texts, `${m}: its badge`).toContain(s.badge);
        expect(d.cells, `${m}: its numbers`).toEqual(s.cells);
      }
      // The derivation, line by line, as the panel writes it before KaTeX.
      const panel = screen.getByTestId('derivation');
      const title = panel.querySelector('.derivation-title')!.textContent!;
      const part = doc.querySelector('g[data-part="derivation"]')!;
      const words = [...part.querySelectorAll('text')].map((t) => t.textContent).join(' ');
      expect(words).toContain(title);
      const general = panel.querySelector('[data-line="general"] annotation')?.textContent;
      if (general) expect(words.replace(/\s+/g, ' ')).toContain(texText(general).replace(/\s+/g, ' '));
      expect(text).toContain('<text');
    });

  it('labels W by the convention: [N×T] in row, [T×N] in torch', async () => {
    renderApp('?export=numpy&conv=row');
    const row = pictureGrids((await downloadSvg()).doc).get('W')!;
    expect(row.texts).toContain('[N×T] = [3×2]');
    cleanup();
    vi.restoreAllMocks();
    renderApp('?export=numpy&conv=torch');
    const torch = pictureGrids((await downloadSvg()).doc).get('W')!;
    expect(torch.texts).toContain('[T×N] = [2×3]');
  });

  it('draws the grids at the player’s step: values not computed yet are empty cells', async () => {
    const store = renderApp('?export=numpy&step=3');
    const { doc } = await downloadSvg();
    const dX = pictureGrids(doc).get('dX')!;
    expect(dX.cells.every((c) => c === '')).toBe(true);
    expect(doc.querySelector('g[data-matrix="dX"] rect[stroke-dasharray]')).not.toBeNull();
    expect([...doc.querySelectorAll('text')].some((t) => /^Step 3 of \d+/.test(t.textContent ?? ''))).toBe(true);
    expect(store.getState().step).toBe(3);
  });
});

describe('lessonSvg', () => {
  const i18n = createI18n('en', EN);
  const pictureOf = (q: string) => {
    const store = createAppStore(q);
    return lessonPicture(store.getState(), store.select, i18n);
  };

  it('is well-formed with text that needs escaping, its size in its attributes', () => {
    const p = pictureOf('?focus=dW:0,1');
    const { svg, width, height } = lessonSvg({ ...p, title: 'a < b & "c" \'d\'', legend: '<script>' });
    const doc = parseSvg(svg);
    expect(doc.querySelector('title')?.textContent).toBe('a < b & "c" \'d\'');
    expect(doc.documentElement.getAttribute('width')).toBe(String(width));
    expect(doc.documentElement.getAttribute('height')).toBe(String(height));
    expect(doc.documentElement.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(externalRefs(doc)).toEqual([]);
    expect(escapeXml('<&>"\'')).toBe('&lt;&amp;&gt;&quot;&apos;');
  });

  it('marks the explained cell and the cells it depends on; stripes the negative ones', () => {
    const p = pictureOf('?focus=dW:1,0');
    const dW = p.passes.flatMap((s) => s.grids).find((g) => g.name === 'dW')!;
    expect(dW.cells[1 * dW.cols + 0].mark).toBe('active');
    const x = p.passes.flatMap((s) => s.grids).find((g) => g.name === 'x')!;
    expect(x.cells.filter((c) => c.mark === 'dep')).toHaveLength(2);
    const doc = parseSvg(lessonSvg(p).svg);
    expect(doc.querySelectorAll('rect[fill="url(#bp-neg)"]').length).toBe(p.passes.flatMap((s) => s.grids).flatMap((g) => g.cells).filter((c) => c.neg).length);
    expect(doc.getElementById('bp-neg')?.localName).toBe('pattern');
  });

  it('leaves out what show= hides: no derivation, no backward pass', () => {
    const p = pictureOf('?focus=dW:1,0&show=forward');
    expect(p.passes.map((s) => s.pass)).toEqual(['forward']);
    expect(p.derivation).toBeNull();
    expect(parseSvg(lessonSvg(p).svg).querySelector('g[data-part="derivation"]')).toBeNull();
  });

  it('grows to hold a formula too long to wrap, and wraps words at spaces only', () => {
    expect(wrapText('one two three four', 60, 10)).toEqual(['one two', 'three four']);
    expect(wrapText('a\u00a0b\u00a0c\u00a0d\u00a0e\u00a0f', 10, 10)).toEqual(['a\u00a0b\u00a0c\u00a0d\u00a0e\u00a0f']);
    const p = pictureOf('?focus=dW:1,0');
    const long = 'x\u00a0=\u00a0'.repeat(200);
    const wide = lessonSvg({ ...p, derivation: { ...p.derivation!, lines: [{ tag: 'rule', text: long }] } });
    expect(wide.width).toBeGreaterThan(lessonSvg(p).width + 1000);
  });
});

describe('SaveFiles: buttons that make a file, and one status line', () => {
  const renderButtons = (actions: Parameters<typeof SaveFiles>[0]['actions']) =>
    render(
      <StoreProvider store={createAppStore('')}>
        <SaveFiles actions={actions} />
      </StoreProvider>,
    );

  it('saves a file made at once within the press, one made later once it is, and says so; a failure says why', async () => {
    const { made, click } = captureDownloads();
    let finish: (b: { blob: Blob; file: string } | null) => void = () => {};
    renderButtons([
      { label: 'Now', failed: 'no', make: () => ({ blob: new Blob(['a']), file: 'a.txt' }) },
      { label: 'Later', failed: 'The browser could not.', make: () => new Promise((resolve) => (finish = resolve)) },
      { label: 'Throws', failed: 'It threw.', make: () => { throw new Error('x'); } },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Now' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Saved as a.txt.');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    await act(async () => finish({ blob: new Blob(['b']), file: 'b.png' }));
    expect(click).toHaveBeenCalledTimes(2);
    expect(made).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Saved as b.png.');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    await act(async () => finish(null));
    expect(screen.getByRole('status').textContent).toBe('The browser could not.');
    fireEvent.click(screen.getByRole('button', { name: 'Throws' }));
    expect(screen.getByRole('status').textContent).toBe('It threw.');
    expect(click).toHaveBeenCalledTimes(2);
  });

  it('lets the last press win: a slow file that finishes after another press is not saved', async () => {
    const { click } = captureDownloads();
    let finish: (b: { blob: Blob; file: string } | null) => void = () => {};
    renderButtons([
      { label: 'Slow', failed: 'no', make: () => new Promise((resolve) => (finish = resolve)) },
      { label: 'Fast', failed: 'no', make: () => ({ blob: new Blob(['a']), file: 'fast.txt' }) },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Slow' }));
    fireEvent.click(screen.getByRole('button', { name: 'Fast' }));
    await act(async () => finish({ blob: new Blob(['b']), file: 'slow.png' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Saved as fast.txt.');
  });
});
