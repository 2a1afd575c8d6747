// @vitest-environment jsdom
// The weight pictures as a learner sees them: one named picture per output, purple for negative weights and orange
// for positive ones on one shared scale, its extremes in the legend, and a picture redrawn only when it changes.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderChart } from './renderChart.tsx';
import { WeightImages } from '../../src/ui/train/WeightImages.tsx';

const SIDE = 28;
const LABELS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** What the pictures paint: every putImageData of every canvas, with its pixels. */
interface Painted {
  canvas: HTMLCanvasElement;
  data: Uint8ClampedArray;
}
let painted: Painted[] = [];
const original = HTMLCanvasElement.prototype.getContext;

beforeEach(() => {
  painted = [];
  // jsdom has no 2D context: a stand-in that keeps what is put on each canvas.
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
    return {
      createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
      putImageData: (img: { data: Uint8ClampedArray }) => void painted.push({ canvas: this, data: img.data }),
    };
  } as unknown as HTMLCanvasElement['getContext'];
});
afterEach(() => {
  cleanup();
  HTMLCanvasElement.prototype.getContext = original;
});

const render = renderChart;

/** Ten pictures: picture j holds the weight (j − 4.5) / 9 everywhere, but pixel 0 is −0.25 and the last pixel 0. */
function images(): Float64Array[] {
  return LABELS.map((_, j) => {
    const a = new Float64Array(SIDE * SIDE).fill((j - 4.5) / 9);
    a[0] = -0.25;
    a[SIDE * SIDE - 1] = 0;
    return a;
  });
}
const pixel = (data: Uint8ClampedArray, p: number) => Array.from(data.slice(p * 4, p * 4 + 4));
const lastPaint = (canvas: Element) => painted.filter((p) => p.canvas === canvas).at(-1)!.data;

describe('WeightImages', () => {
  it('shows one 28×28 picture per output, each named for what its colours mean', () => {
    render(<WeightImages images={images()} labels={LABELS} side={SIDE} />);
    const pictures = screen.getAllByRole('img');
    expect(pictures).toHaveLength(10);
    expect(pictures[3].getAttribute('aria-label')).toBe('Weights into output 3: purple where ink lowers its score, orange where it raises it.');
    expect(pictures.every((c) => c.tagName === 'CANVAS' && (c as HTMLCanvasElement).width === 28 && (c as HTMLCanvasElement).height === 28)).toBe(true);
    expect(screen.getByTestId('weight-images').querySelector('figcaption')!.textContent).toBe('What each output looks for: the weights from every pixel into it, drawn as a 28×28 picture.');
  });

  it('shows the shared scale’s extremes, ±max |w| over all ten pictures, in the legend', () => {
    render(<WeightImages images={images()} labels={LABELS} side={SIDE} />);
    const legend = screen.getByRole('group', { name: 'Colour scale of the weights' });
    // The largest |w| is picture 9's 0.5 (picture 0 has −0.5 too).
    expect(legend.querySelector('.low')!.textContent).toBe('−0.5');
    expect(legend.querySelector('.middle')!.textContent).toBe('0');
    expect(legend.querySelector('.high')!.textContent).toBe('0.5');
    expect(legend.textContent).toContain('lowers the score');
    expect(legend.textContent).toContain('raises the score');
  });

  it('paints negative weights purple and positive ones orange, symmetric about a near-white 0, on one scale', () => {
    render(<WeightImages images={images()} labels={LABELS} side={SIDE} />);
    const pictures = screen.getAllByRole('img');
    expect(painted).toHaveLength(10);
    const [r0, , b0] = pixel(lastPaint(pictures[0]), 5); // −0.5: the purple end
    const [r9, g9, b9] = pixel(lastPaint(pictures[9]), 5); // +0.5: the orange end
    expect(b0).toBeGreaterThan(r0 + 40);
    expect(r9).toBeGreaterThan(b9 + 100);
    expect(g9).toBeGreaterThan(b9);
    const zero = pixel(lastPaint(pictures[4]), SIDE * SIDE - 1);
    expect(zero.slice(0, 3).every((c) => c > 225)).toBe(true);
    expect(Math.max(...zero.slice(0, 3)) - Math.min(...zero.slice(0, 3))).toBeLessThan(20);
    expect(zero[3]).toBe(255);
    // The same weight has the same colour in every picture: −0.25 in pixel 0 of pictures 2 and 8.
    expect(pixel(lastPaint(pictures[2]), 0)).toEqual(pixel(lastPaint(pictures[8]), 0));
    // Picture 5's 0.0556 is paler than picture 9's 0.5: further from white than 0, nearer than the end.
    const [, , b5] = pixel(lastPaint(pictures[5]), 5);
    expect(b5).toBeLessThan(zero[2]);
    expect(b5).toBeGreaterThan(b9);
  });

  it('redraws a picture only when its weights or the shared scale change', () => {
    const first = images();
    const { rerender } = render(<WeightImages images={first} labels={LABELS} side={SIDE} />);
    expect(painted).toHaveLength(10);
    rerender(<WeightImages images={first} labels={LABELS} side={SIDE} />);
    rerender(<WeightImages images={[...first]} labels={LABELS} side={SIDE} />);
    expect(painted).toHaveLength(10);
    // One picture learns, within the scale: only it is painted again.
    const next = [...first];
    next[3] = first[3].map((v) => v * 0.5);
    rerender(<WeightImages images={next} labels={LABELS} side={SIDE} />);
    expect(painted).toHaveLength(11);
    expect(painted[10].canvas).toBe(screen.getAllByRole('img')[3]);
    // One grows past the scale: every picture is repainted on the new one, and the legend follows.
    const grown = [...next];
    grown[7] = first[7].map((v) => v * 10);
    rerender(<WeightImages images={grown} labels={LABELS} side={SIDE} />);
    expect(painted).toHaveLength(21);
    expect(screen.getByTestId('weight-images-legend').querySelector('.high')!.textContent).toBe('2.78');
  });

  it('paints weights that are not numbers black and says training has diverged', () => {
    const imgs = images();
    imgs[1][10] = Number.NaN;
    render(<WeightImages images={imgs} labels={LABELS} side={SIDE} />);
    expect(pixel(lastPaint(screen.getAllByRole('img')[1]), 10)).toEqual([0, 0, 0, 255]);
    expect(screen.getByText('Black pixels are weights that are not numbers: training has diverged.')).toBeTruthy();
    // The scale is the finite weights' own.
    expect(screen.getByTestId('weight-images-legend').querySelector('.high')!.textContent).toBe('0.5');
  });

  it('still names every picture and its scale where a canvas cannot draw', () => {
    HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
    render(<WeightImages images={images()} labels={LABELS} side={SIDE} />);
    expect(screen.getAllByRole('img')).toHaveLength(10);
    expect(screen.getByTestId('weight-images-legend').querySelector('.high')!.textContent).toBe('0.5');
    expect(painted).toHaveLength(0);
  });
});
