// The loss curve as drawn, as a self-contained SVG document to make a PNG of: a copy of the chart's <svg> (d3's axes
// and all), each element's painted style written onto it as attributes (the page's style sheet and its custom
// properties do not go with a picture), the pointer's hit area left out, on the panel's colour, at the size it
// has on screen.

/** The presentation properties a chart's shapes and text are painted with. */
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** What the copy leaves out: the transparent rectangle that catches the pointer. */
const LEFT_OUT = '.loss-curve-hit';

/** A chart's <svg> as a standalone document: its text, and its size in CSS pixels. */
export function chartSvg(chart: SVGSVGElement, title: string): { svg: string; width: number; height: number } {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  const from = [chart, ...chart.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, k) => {
    const style = getComputedStyle(el);
    const into = to[k];
    for (const p of PAINT) {
      const v = style.getPropertyValue(p);
      if (v) into.setAttribute(p, v);
    }
    into.removeAttribute('class');
    into.removeAttribute('style');
  });
  // Left out after the styles are copied, so the two trees still matched element for element.
  for (const el of chart.querySelectorAll(LEFT_OUT)) to[from.indexOf(el)].remove();
  const box = chart.getBoundingClientRect();
  const view = chart.viewBox.baseVal;
  const width = Math.round(box.width) || view.width;
  const height = Math.round(box.height) || view.height;
  for (const a of ['aria-hidden', 'focusable', 'display', 'visibility']) copy.removeAttribute(a);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('role', 'img');
  const ns = 'http://www.w3.org/2000/svg';
  const name = document.createElementNS(ns, 'title');
  name.textContent = title;
  // The panel's colour under the chart, where the page's panel was.
  const ground = document.createElementNS(ns, 'rect');
  const panel = chart.closest('figure') ?? chart.parentElement;
  const bg = panel ? getComputedStyle(panel).backgroundColor : '';
  ground.setAttribute('x', String(view.x));
  ground.setAttribute('y', String(view.y));
  ground.setAttribute('width', String(view.width));
  ground.setAttribute('height', String(view.height));
  ground.setAttribute('fill', bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent' ? bg : '#ffffff');
  copy.prepend(name, ground);
  return { svg: new XMLSerializer().serializeToString(copy), width, height };
}
