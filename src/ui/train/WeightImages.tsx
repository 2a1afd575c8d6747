// The weights into each output of an image layer as a picture of the image (MNIST: ten 28×28 pictures), drawn
// pixel for pixel on a canvas in the heat grids' purple–orange scale, symmetric about 0 and shared by all of them,
// so the pictures compare. They are redrawn only when their weights change.
import { memo, useEffect, useMemo, useRef } from 'react';
import { interpolateRgbBasis, rgb } from 'd3';
import { PU_OR } from '../matrix/colour.ts';
import { useI18n } from '../storeContext.tsx';
import './train-charts.css';

/** The pictures: one array of side×side weights per output (row by row), already read out of W, and each one's name. */
export interface WeightImagesProps {
  images: readonly Float64Array[];
  labels: readonly string[];
  side: number;
}

/** Levels of the colour ramp, from the most negative weight (0) to the most positive (LEVELS − 1); odd, so 0 has the middle one. */
const LEVELS = 255;

/** The ramp's colours as RGB bytes, keeping off the darkest ends as the heat grids do (colour.ts). */
function makeRamp(): Uint8ClampedArray {
  const interpolate = interpolateRgbBasis(PU_OR);
  const out = new Uint8ClampedArray(LEVELS * 3);
  for (let k = 0; k < LEVELS; k++) {
    const c = rgb(interpolate(0.5 + (k / (LEVELS - 1) - 0.5) * 0.8));
    out.set([c.r, c.g, c.b], k * 3);
  }
  return out;
}

/** The ramp as a CSS gradient, for the legend. */
function rampGradient(ramp: Uint8ClampedArray): string {
  const stops: string[] = [];
  for (let s = 0; s <= 10; s++) {
    const k = Math.round((s / 10) * (LEVELS - 1)) * 3;
    stops.push(`rgb(${ramp[k]}, ${ramp[k + 1]}, ${ramp[k + 2]}) ${s * 10}%`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The largest finite |w| of all the pictures, and whether some weight is not finite. */
function scaleOf(images: readonly Float64Array[]): { max: number; nonFinite: boolean } {
  let max = 0, nonFinite = false;
  for (const img of images) {
    for (let k = 0; k < img.length; k++) {
      const a = Math.abs(img[k]);
      if (!Number.isFinite(a)) nonFinite = true;
      else if (a > max) max = a;
    }
  }
  return { max, nonFinite };
}

/** Paints one picture: each weight's colour on the ramp by w / max, black where it is not a number. */
function paint(canvas: HTMLCanvasElement, data: Float64Array, side: number, max: number, ramp: Uint8ClampedArray): void {
  let ctx: CanvasRenderingContext2D | null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) return;
  const image = ctx.createImageData(side, side);
  const px = image.data;
  const scale = max > 0 ? max : 1;
  for (let p = 0; p < side * side; p++) {
    const v = data[p];
    const o = p * 4;
    px[o + 3] = 255;
    if (!Number.isFinite(v)) continue;
    const u = Math.max(-1, Math.min(1, v / scale));
    const k = Math.round(((u + 1) / 2) * (LEVELS - 1)) * 3;
    px[o] = ramp[k];
    px[o + 1] = ramp[k + 1];
    px[o + 2] = ramp[k + 2];
  }
  ctx.putImageData(image, 0, 0);
}

/** One picture on its canvas, repainted when its weights, the shared scale or the size change. */
const WeightCanvas = memo(function WeightCanvas({ data, side, max, ramp, label }: { data: Float64Array; side: number; max: number; ramp: Uint8ClampedArray; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) paint(ref.current, data, side, max, ramp);
  }, [data, side, max, ramp]);
  return <canvas ref={ref} width={side} height={side} role="img" aria-label={label} />;
});

/** The weight pictures with their colour scale. */
export function WeightImages({ images, labels, side }: WeightImagesProps) {
  const { t, fmt } = useI18n();
  const ramp = useMemo(makeRamp, []);
  const gradient = useMemo(() => rampGradient(ramp), [ramp]);
  const { max, nonFinite } = useMemo(() => scaleOf(images), [images]);
  return (
    <figure className="weight-images" data-testid="weight-images">
      <figcaption>{t('trainCharts.weights.caption', { side })}</figcaption>
      <ul className="weight-images-grid">
        {images.map((img, k) => {
          const name = labels[k] ?? fmt.integer(k);
          return (
            <li key={k}>
              <WeightCanvas data={img} side={side} max={max} ramp={ramp} label={t('trainCharts.weights.image', { label: name })} />
              <span aria-hidden="true">{name}</span>
            </li>
          );
        })}
      </ul>
      <div className="weight-images-legend" role="group" aria-label={t('trainCharts.weights.legend')} data-testid="weight-images-legend">
        <span className="low">{fmt.text(-max, 3)}</span>
        <span className="weight-images-ramp" style={{ background: gradient }} />
        <span className="high">{fmt.text(max, 3)}</span>
        <span className="middle">{fmt.text(0, 3)}</span>
        <span className="weight-images-words">
          <span>{t('trainCharts.weights.lowers')}</span>
          <span>{t('trainCharts.weights.raises')}</span>
        </span>
      </div>
      {nonFinite && <p className="weight-images-note">{t('trainCharts.weights.nonFinite')}</p>}
    </figure>
  );
}
