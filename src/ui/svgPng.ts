// A picture made as SVG, drawn as a PNG at a pixel density (2: twice the CSS pixels each way). The SVG is loaded as
// an image from a blob URL of the page's own (the Content-Security-Policy's img-src allows blob:), at the PNG's own
// size so its shapes and text are drawn sharp rather than enlarged, onto a canvas on white.
import { canvasPng } from './download.ts';

/** The SVG document with its width and height set, its viewBox kept: the same picture at another size. */
function sized(svg: string, width: number, height: number): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.namespaceURI !== 'http://www.w3.org/2000/svg' || root.localName !== 'svg') throw new Error('svgPng: not an SVG document');
  if (!root.hasAttribute('viewBox')) root.setAttribute('viewBox', `0 0 ${root.getAttribute('width')} ${root.getAttribute('height')}`);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(doc);
}

/** Resolves once an image has loaded and decoded, or rejects. */
function loaded(img: HTMLImageElement): Promise<void> {
  if (typeof img.decode === 'function') return img.decode();
  return new Promise((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('svgPng: the picture did not load'));
  });
}

/** The SVG (width × height CSS pixels) as a PNG of (width·density) × (height·density) pixels, or null when the browser cannot draw it. */
export async function svgPng(svg: string, width: number, height: number, density = 2): Promise<Blob | null> {
  const [w, h] = [Math.round(width * density), Math.round(height * density)];
  const url = URL.createObjectURL(new Blob([sized(svg, w, h)], { type: 'image/svg+xml' }));
  try {
    const img = new Image(w, h);
    img.src = url;
    await loaded(img);
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [w, h];
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, w, h);
    g.drawImage(img, 0, 0, w, h);
    return await canvasPng(canvas);
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
