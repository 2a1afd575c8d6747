// The loss curve of a training run: the mini-batch loss of every update as a line (log or linear axis, said in its
// title), and for classes the accuracy after each epoch on a second axis from 0 to 100 %. A point is read out under
// the pointer or from the keyboard, and the epochs are a table too. d3 makes the scales, the line and the axes.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { axisBottom, axisLeft, axisRight, line, scaleLinear, scaleLog, select, type Axis, type NumberValue } from 'd3';
import type { EpochRecord } from '../../core/train/loop.ts';
import { SaveFile } from '../SaveFile.tsx';
import { useI18n } from '../storeContext.tsx';
import type { I18n } from '../strings/i18n.ts';
import { EpochTable } from './EpochTable.tsx';
import { chartSvg } from './lossCurveSvg.ts';
import { finiteExtent, nearestIndex, thinLine, wantsLogScale, type LinePoint } from './thin.ts';
import './train-charts.css';

/** What the curve shows: the run's losses and epoch records, and whether the layer classifies (accuracy is drawn). */
export interface LossCurveProps {
  /** The mini-batch loss of every update, in order. */
  losses: readonly number[];
  /** The record after each epoch; the first (epoch 0) is the start. */
  epochs: readonly EpochRecord[];
  /** Updates per epoch: Page Up and Page Down move the read-out by this many. */
  updatesPerEpoch: number;
  classification: boolean;
  /** The name its PNG is saved under. */
  file?: string;
}

/** The PNG's pixels per CSS pixel. */
const PNG_DENSITY = 2;

/**
 * The name of a run's loss curve, after the lesson's (core/export/fileName.ts), the run's dataset and settings in it:
 * backprop-train-<dataset>-<convention>-<activation>-loss.png.
 */
export const lossCurveFileName = (run: { dataset: string; convention: string; activation?: string }): string =>
  `backprop-train-${run.dataset}-${run.convention}-${run.activation ?? 'identity'}-loss.png`;

/** The drawing's size: as wide as its box in CSS pixels (so its text stays at the page's size), and the room for the axes. */
const DEFAULT_WIDTH = 640, MIN_WIDTH = 280, MAX_WIDTH = 1200, HEIGHT = 300;
const MARGIN = { top: 14, right: 64, bottom: 46, left: 70 };
const LEFT = MARGIN.left, TOP = MARGIN.top, BOTTOM = HEIGHT - MARGIN.bottom;

/** The width to draw at: the plot's box, measured as it changes (the default until it has been). */
function useWidth(ref: RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const measure = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setWidth(Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w))));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

type Which = 'test' | 'train';
const accuracyOf = (e: EpochRecord, which: Which): number | null => (which === 'test' ? e.testAccuracy : e.trainAccuracy);

/** Scales, the thinned line and the accuracy points: everything drawn, from the props. */
function useGeometry({ losses, epochs, classification }: LossCurveProps, WIDTH: number) {
  return useMemo(() => {
    const RIGHT = WIDTH - MARGIN.right;
    const total = losses.length;
    const xMax = Math.max(1, total, epochs.length ? epochs[epochs.length - 1].updates : 0);
    const x = scaleLinear().domain([0, xMax]).range([LEFT, RIGHT]);
    const extent = finiteExtent(losses);
    const log = wantsLogScale(extent);
    const lo = extent ? extent.min : 0, hi = extent ? extent.max : 1;
    const y = log ? scaleLog().domain([lo, hi]).range([BOTTOM, TOP]).nice() : scaleLinear().domain([Math.min(0, lo), hi > Math.min(0, lo) ? hi : Math.min(0, lo) + 1]).range([BOTTOM, TOP]).nice();
    const points = thinLine(losses);
    // Update k + 1 is drawn at x = k + 1: the loss of losses[k] came before that update was made.
    const path = line<LinePoint>()
      .defined((p) => Number.isFinite(p.v))
      .x((p) => x(p.i + 1))
      .y((p) => y(p.v))(points);
    let which: Which | null = null;
    if (classification) which = epochs.some((e) => e.testAccuracy !== null) ? 'test' : epochs.some((e) => e.trainAccuracy !== null) ? 'train' : null;
    const acc = scaleLinear().domain([0, 1]).range([BOTTOM, TOP]);
    const accPoints = which === null ? [] : epochs.flatMap((e) => (accuracyOf(e, which) === null ? [] : [{ e, x: x(e.updates), y: acc(accuracyOf(e, which) ?? 0) }]));
    const accPath = line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)(accPoints);
    return { WIDTH, RIGHT, total, x, y, log, points, path, which, acc, accPoints, accPath, accUpdates: accPoints.map((p) => p.e.updates) };
  }, [losses, epochs, classification, WIDTH]);
}

/** Draws an axis into its group, and empties the group when the axis goes. */
function useAxis(ref: RefObject<SVGGElement | null>, axis: Axis<NumberValue> | null) {
  useEffect(() => {
    const g = ref.current;
    if (!g || !axis) return;
    select(g).call(axis);
    return () => void select(g).selectAll('*').remove();
  }, [ref, axis]);
}

/** Powers of ten inside a log axis's domain, or a few even ticks when there are fewer than two. */
function logTicks(domain: number[]): number[] | null {
  const out: number[] = [];
  for (let p = Math.ceil(Math.log10(domain[0]) - 1e-9); p <= Math.floor(Math.log10(domain[1]) + 1e-9); p++) out.push(10 ** p);
  return out.length >= 2 ? out : null;
}

/** The read-out of one update, and of the accuracy at the nearest epoch. */
function readout(i18n: I18n, g: ReturnType<typeof useGeometry>, losses: readonly number[], at: number): { text: string; accuracy: string | null; epochIndex: number } {
  const { t, fmt } = i18n;
  const text = t('trainCharts.readout', { n: at + 1, total: g.total, loss: fmt.text(losses[at], 4) });
  const k = nearestIndex(g.accUpdates, at + 1);
  if (k < 0 || g.which === null) return { text, accuracy: null, epochIndex: -1 };
  const e = g.accPoints[k].e;
  const key = g.which === 'test' ? 'trainCharts.readout.testAccuracy' : 'trainCharts.readout.trainAccuracy';
  return { text, accuracy: t(key, { epoch: e.epoch, updates: e.updates, accuracy: i18n.percent(accuracyOf(e, g.which) ?? 0) }), epochIndex: k };
}

/** The loss curve, with its read-out and its table. */
export function LossCurve(props: LossCurveProps) {
  const { losses, epochs, updatesPerEpoch, classification, file = 'loss-curve.png' } = props;
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const plotRef = useRef<HTMLDivElement>(null);
  const g = useGeometry(props, useWidth(plotRef));
  const { WIDTH, RIGHT } = g;
  const [selected, setSelected] = useState<number | null>(null);
  const at = selected === null || g.total === 0 ? null : Math.min(selected, g.total - 1);
  const id = useId();
  const xRef = useRef<SVGGElement>(null), yRef = useRef<SVGGElement>(null), accRef = useRef<SVGGElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const axes = useMemo(() => {
    // About one tick per 90 px, so the numbers never run into each other on a phone.
    const xTicks = g.x.ticks(Math.max(2, Math.min(6, Math.floor((g.RIGHT - LEFT) / 90)))).filter(Number.isInteger);
    const xAxis = axisBottom<NumberValue>(g.x).tickValues(xTicks).tickFormat((v) => fmt.integer(Number(v))).tickSizeOuter(0);
    const yAxis = axisLeft<NumberValue>(g.y).tickFormat((v) => fmt.text(Number(v), 3)).tickSizeOuter(0);
    yAxis.tickValues(g.log ? logTicks(g.y.domain()) ?? g.y.ticks(4) : g.y.ticks(5));
    const accAxis = g.which === null ? null : axisRight<NumberValue>(g.acc).tickValues([0, 0.25, 0.5, 0.75, 1]).tickFormat((v) => i18n.percent(Number(v))).tickSizeOuter(0);
    return { xAxis, yAxis, accAxis };
  }, [g, fmt, i18n]);
  useAxis(xRef, axes.xAxis);
  useAxis(yRef, axes.yAxis);
  useAxis(accRef, axes.accAxis);

  const read = at === null ? null : readout(i18n, g, losses, at);
  const move = (to: number) => g.total > 0 && setSelected(Math.max(0, Math.min(g.total - 1, to)));
  const onPointerMove = (ev: PointerEvent<SVGSVGElement>) => {
    if (g.total === 0) return;
    const rect = ev.currentTarget.getBoundingClientRect();
    const scale = rect.width > 0 ? WIDTH / rect.width : 1;
    move(Math.round(g.x.invert((ev.clientX - rect.left) * scale)) - 1);
  };
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const from = at ?? -1;
    const epoch = Math.max(1, updatesPerEpoch);
    const to: Record<string, number> = {
      ArrowRight: at === null ? 0 : from + 1,
      ArrowUp: at === null ? 0 : from + 1,
      ArrowLeft: at === null ? g.total - 1 : from - 1,
      ArrowDown: at === null ? g.total - 1 : from - 1,
      PageUp: at === null ? 0 : from + epoch,
      PageDown: at === null ? g.total - 1 : from - epoch,
      Home: 0,
      End: g.total - 1,
    };
    if (!Object.hasOwn(to, ev.key) || g.total === 0) return;
    ev.preventDefault();
    move(to[ev.key]);
  };

  const lossTitle = g.log ? t('trainCharts.axis.loss.log') : t('trainCharts.axis.loss.linear');
  const caption = g.which === 'test' ? t('trainCharts.loss.caption.testAccuracy') : g.which === 'train' ? t('trainCharts.loss.caption.trainAccuracy') : t('trainCharts.loss.caption');
  const summary = g.total === 0 ? t('trainCharts.summary.empty') : t('trainCharts.summary', { n: g.total, first: fmt.text(losses[0], 4), last: fmt.text(losses[g.total - 1], 4) });
  const selX = at === null ? null : g.x(at + 1);
  const selV = at === null ? NaN : losses[at];
  const selAcc = read && read.epochIndex >= 0 ? g.accPoints[read.epochIndex] : null;

  return (
    <figure className="loss-curve" data-testid="loss-curve" data-scale={g.log ? 'log' : 'linear'}>
      <figcaption>
        <span>{caption}</span> <span id={`${id}-summary`}>{summary}</span>
      </figcaption>
      <div
        className="loss-curve-plot"
        ref={plotRef}
        tabIndex={0}
        role="slider"
        aria-label={t('trainCharts.plot.label')}
        aria-describedby={`${id}-summary ${id}-hint`}
        aria-valuemin={g.total > 0 ? 1 : 0}
        aria-valuemax={g.total}
        // A slider always has a value: with no point read out yet, it sits at the last update (0 before the first).
        aria-valuenow={at === null ? g.total : at + 1}
        aria-valuetext={read ? read.text : summary}
        onKeyDown={onKeyDown}
      >
        <svg ref={svgRef} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false" onPointerMove={onPointerMove} onPointerDown={onPointerMove}>
          <rect className="loss-curve-frame" x={LEFT} y={TOP} width={RIGHT - LEFT} height={BOTTOM - TOP} />
          <g ref={xRef} className="loss-curve-axis loss-curve-axis-x" transform={`translate(0,${BOTTOM})`} />
          <g ref={yRef} className="loss-curve-axis loss-curve-axis-loss" transform={`translate(${LEFT},0)`} />
          {g.which !== null && <g ref={accRef} className="loss-curve-axis loss-curve-axis-accuracy" transform={`translate(${RIGHT},0)`} />}
          <text className="loss-curve-title" x={(LEFT + RIGHT) / 2} y={HEIGHT - 8} textAnchor="middle">
            {t('trainCharts.axis.updates')}
          </text>
          <text className="loss-curve-title loss-curve-title-loss" transform={`translate(16,${(TOP + BOTTOM) / 2}) rotate(-90)`} textAnchor="middle">
            {lossTitle}
          </text>
          {g.which !== null && (
            <text className="loss-curve-title loss-curve-title-accuracy" transform={`translate(${WIDTH - 12},${(TOP + BOTTOM) / 2}) rotate(90)`} textAnchor="middle">
              {g.which === 'test' ? t('trainCharts.axis.accuracy.test') : t('trainCharts.axis.accuracy.train')}
            </text>
          )}
          {g.path && <path className="loss-curve-line" d={g.path} data-points={g.points.length} />}
          {g.accPath && <path className="loss-curve-accuracy-line" d={g.accPath} />}
          {g.accPoints.map((p) => (
            <circle key={p.e.epoch} className="loss-curve-accuracy-point" cx={p.x} cy={p.y} r={3.5} data-epoch={p.e.epoch} />
          ))}
          {selX !== null && (
            <g className="loss-curve-selection">
              <line className="loss-curve-rule" x1={selX} x2={selX} y1={TOP} y2={BOTTOM} />
              {Number.isFinite(selV) && (!g.log || selV > 0) && <circle className="loss-curve-marker" cx={selX} cy={g.y(selV)} r={4.5} />}
              {selAcc && <circle className="loss-curve-marker loss-curve-marker-accuracy" cx={selAcc.x} cy={selAcc.y} r={5.5} />}
            </g>
          )}
          <rect className="loss-curve-hit" x={LEFT} y={TOP} width={RIGHT - LEFT} height={BOTTOM - TOP} />
        </svg>
      </div>
      <p className="loss-curve-readout" aria-live="polite" data-testid="loss-curve-readout">
        {read && (
          <>
            <span>{read.text}</span>
            {read.accuracy && <span> {read.accuracy}</span>}
          </>
        )}
      </p>
      <p className="loss-curve-hint" id={`${id}-hint`}>
        {t('trainCharts.plot.hint')}
      </p>
      <SaveFile
        className="loss-curve-png"
        label={t('trainCharts.png', { density: PNG_DENSITY })}
        failed={t('trainCharts.png.failed')}
        make={async () => {
          // The curve as it is drawn now, the read-out's marker too.
          if (!svgRef.current) return null;
          const chart = chartSvg(svgRef.current, `${caption} ${summary}`);
          const { svgPng } = await import('../svgPng.ts');
          const blob = await svgPng(chart.svg, chart.width, chart.height, PNG_DENSITY);
          return blob && { blob, file };
        }}
      />
      <EpochTable epochs={epochs} classification={classification} />
    </figure>
  );
}
