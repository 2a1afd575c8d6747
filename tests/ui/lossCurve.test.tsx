// @vitest-environment jsdom
// The loss curve as a learner reads it: its axes and their titles, the line, the accuracy on its own 0–100 % axis,
// the read-out under the pointer and from the keyboard, and the epochs as a table.
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../src/core/train/loop.ts';
import { renderChart } from './renderChart.tsx';
import { LossCurve } from '../../src/ui/train/LossCurve.tsx';

afterEach(cleanup);

// jsdom has no PointerEvent: React hears pointer events of any Event class, but clientX needs a MouseEvent.
beforeAll(() => {
  if (!('PointerEvent' in window)) Object.defineProperty(window, 'PointerEvent', { value: class extends MouseEvent {}, configurable: true });
});

const render = renderChart;

/** A classification run: 10 epochs of 10 updates, the loss falling from 2.3 over three decades, test accuracy 10% + 8% an epoch. */
function classRun(epochCount = 10, perEpoch = 10) {
  const losses = Array.from({ length: epochCount * perEpoch }, (_, k) => 2.3 * 0.93 ** k);
  const epochs: EpochRecord[] = Array.from({ length: epochCount + 1 }, (_, e) => ({
    epoch: e,
    updates: e * perEpoch,
    trainLoss: 2.3 * 0.93 ** (e * perEpoch),
    testLoss: 2.4 * 0.93 ** (e * perEpoch),
    trainAccuracy: Math.min(1, 0.12 + 0.08 * e),
    testAccuracy: Math.min(1, 0.1 + 0.08 * e),
  }));
  return { losses, epochs, updatesPerEpoch: perEpoch, classification: true };
}

/** A regression run whose loss stays within a decade, with no held-out samples. */
function regressionRun() {
  const losses = Array.from({ length: 40 }, (_, k) => 2 - k * 0.03);
  const epochs: EpochRecord[] = [0, 1, 2, 3, 4].map((e) => ({ epoch: e, updates: e * 10, trainLoss: 2 - e * 0.3, testLoss: null, trainAccuracy: null, testAccuracy: null }));
  return { losses, epochs, updatesPerEpoch: 10, classification: false };
}

const figure = () => screen.getByTestId('loss-curve');
const axis = (cls: string) => figure().querySelector<SVGGElement>(`.${cls}`)!;
const tickTexts = (cls: string) => Array.from(axis(cls).querySelectorAll('.tick text'), (n) => n.textContent);
/** Where an axis puts a tick, read from the tick's transform: its x on a bottom axis, its y on a side axis (d3 adds half a unit, for crisp lines). */
function tickAt(cls: string, label: string, coord: 'x' | 'y'): number {
  const tick = Array.from(axis(cls).querySelectorAll('.tick')).find((g) => g.textContent === label);
  if (!tick) throw new Error(`no tick ${label} on ${cls}: ${tickTexts(cls).join(', ')}`);
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(tick.getAttribute('transform') ?? '')!;
  return Number(coord === 'x' ? m[1] : m[2]);
}
const readout = () => screen.getByTestId('loss-curve-readout');
const pathPoints = (d: string) => (d.match(/[ML]/g) ?? []).length;

describe('LossCurve', () => {
  it('names its axes, and says the loss axis is logarithmic when the losses span more than two decades', () => {
    render(<LossCurve {...classRun()} />);
    expect(figure().tagName).toBe('FIGURE');
    expect(figure().querySelector('figcaption')!.textContent).toContain('the accuracy on the held-out test samples after each epoch');
    expect(within(figure()).getByText('Updates', { selector: 'text' })).toBeTruthy();
    expect(within(figure()).getByText('Mini-batch loss (log scale)')).toBeTruthy();
    expect(within(figure()).getByText('Test accuracy (%)')).toBeTruthy();
    expect(figure().dataset.scale).toBe('log');
    expect(tickTexts('loss-curve-axis-loss')).toEqual(['0.001', '0.01', '0.1', '1', '10']);
    expect(tickTexts('loss-curve-axis-x')).toEqual(['0', '20', '40', '60', '80', '100']);
    expect(tickTexts('loss-curve-axis-accuracy')).toEqual(['0%', '25%', '50%', '75%', '100%']);
    // A log axis: each decade takes the same height.
    const y = (l: string) => tickAt('loss-curve-axis-loss', l, 'y');
    expect(y('0.01') - y('0.1')).toBeCloseTo(y('0.1') - y('1'), 6);
  });

  it('uses a linear loss axis, and says so, when the losses stay within two decades; no accuracy axis for regression', () => {
    render(<LossCurve {...regressionRun()} />);
    expect(within(figure()).getByText('Mini-batch loss (linear scale)')).toBeTruthy();
    expect(within(figure()).queryByText(/log scale/)).toBeNull();
    expect(within(figure()).queryByText(/accuracy/i, { selector: 'text' })).toBeNull();
    expect(figure().dataset.scale).toBe('linear');
    expect(tickTexts('loss-curve-axis-loss')).toEqual(['0', '0.5', '1', '1.5', '2']);
    expect(figure().querySelectorAll('.loss-curve-accuracy-point')).toHaveLength(0);
    // A linear axis: equal steps of loss take equal heights.
    const y = (l: string) => tickAt('loss-curve-axis-loss', l, 'y');
    expect(y('0') - y('0.5')).toBeCloseTo(y('1.5') - y('2'), 6);
    expect(figure().querySelector('figcaption')!.textContent).toContain('40 updates: the loss went from 2 to 0.83.');
  });

  it('draws every update of a short run, and 100,000 updates with at most 2,000 points', () => {
    render(<LossCurve {...classRun()} />);
    const short = figure().querySelector('.loss-curve-line')!;
    expect(pathPoints(short.getAttribute('d')!)).toBe(100);
    cleanup();
    const losses = Array.from({ length: 100_000 }, (_, k) => 2 / (1 + k / 500) + 0.1 * Math.abs(Math.sin(k)));
    const epochs: EpochRecord[] = [0, 1, 2, 3, 4].map((e) => ({ epoch: e, updates: e * 25_000, trainLoss: 1, testLoss: 1, trainAccuracy: 0.5, testAccuracy: 0.5 }));
    render(<LossCurve losses={losses} epochs={epochs} updatesPerEpoch={25_000} classification />);
    const long = figure().querySelector('.loss-curve-line')!;
    expect(Number(long.getAttribute('data-points'))).toBe(2000);
    expect(pathPoints(long.getAttribute('d')!)).toBe(2000);
    expect(tickTexts('loss-curve-axis-x')).toContain('100,000');
  });

  it('puts accuracy on its own axis from 0 to 100 %, at the update of each epoch (not on the loss axis, not in 0–100 units)', () => {
    render(<LossCurve {...classRun()} />);
    const points = Array.from(figure().querySelectorAll<SVGCircleElement>('.loss-curve-accuracy-point'));
    expect(points).toHaveLength(11);
    const zero = tickAt('loss-curve-axis-accuracy', '0%', 'y'), full = tickAt('loss-curve-axis-accuracy', '100%', 'y');
    const share = (p: SVGCircleElement) => (Number(p.getAttribute('cy')) - zero) / (full - zero);
    // Epoch 5: 50% test accuracy, half way up; epoch 0: 10%; epoch 10: 90% (to within the axis's half unit).
    expect(share(points[5])).toBeCloseTo(0.5, 2);
    expect(share(points[0])).toBeCloseTo(0.1, 2);
    expect(share(points[10])).toBeCloseTo(0.9, 2);
    expect(Math.abs(Number(points[5].getAttribute('cy')) - tickAt('loss-curve-axis-accuracy', '50%', 'y'))).toBeLessThanOrEqual(0.5);
    // Epoch 5 ended at update 50, half way from the tick at 40 to the one at 60.
    const x40 = tickAt('loss-curve-axis-x', '40', 'x'), x60 = tickAt('loss-curve-axis-x', '60', 'x');
    expect(Math.abs(Number(points[5].getAttribute('cx')) - (x40 + x60) / 2)).toBeLessThanOrEqual(0.5);
  });

  it('reads out the update under the pointer, its loss and the accuracy at the nearest epoch, politely', () => {
    render(<LossCurve {...classRun()} />);
    expect(readout().getAttribute('aria-live')).toBe('polite');
    expect(readout().textContent).toBe('');
    const svg = figure().querySelector('svg')!;
    // The drawing is 640 units wide, shown here at 320 px from x = 10: update 50 is at 70 + 0.5 · 506 = 323 units.
    svg.getBoundingClientRect = () => ({ left: 10, top: 0, width: 320, height: 150, right: 330, bottom: 150, x: 10, y: 0, toJSON: () => ({}) });
    fireEvent.pointerMove(svg, { clientX: 10 + 323 / 2 });
    expect(readout().textContent).toBe(`Update 50 of 100: loss ${(2.3 * 0.93 ** 49).toPrecision(4)}. Test accuracy after epoch 5 (update 50): 50%.`);
    const rule = figure().querySelector('.loss-curve-rule')!;
    expect(Number(rule.getAttribute('x1'))).toBeCloseTo(323, 6);
    // Update 54 is nearer epoch 5 (update 50) than epoch 6 (update 60).
    fireEvent.pointerMove(svg, { clientX: 10 + (70 + 0.54 * 506) / 2 });
    expect(readout().textContent).toContain('Update 54 of 100');
    expect(readout().textContent).toContain('after epoch 5 (update 50)');
  });

  it('moves the read-out from the keyboard: arrows by an update, Page Up and Down by an epoch, Home and End', () => {
    render(<LossCurve {...classRun()} />);
    const plot = screen.getByRole('slider', { name: 'Loss curve' });
    expect(plot.tabIndex).toBe(0);
    expect(plot.getAttribute('aria-describedby')).toBeTruthy();
    plot.focus();
    fireEvent.keyDown(plot, { key: 'End' });
    expect(readout().textContent).toBe(`Update 100 of 100: loss ${(2.3 * 0.93 ** 99).toPrecision(4)}. Test accuracy after epoch 10 (update 100): 90%.`);
    expect(plot.getAttribute('aria-valuenow')).toBe('100');
    fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    expect(readout().textContent).toContain('Update 99 of 100');
    fireEvent.keyDown(plot, { key: 'Home' });
    expect(readout().textContent).toContain('Update 1 of 100: loss 2.3.');
    expect(readout().textContent).toContain('after epoch 0 (update 0): 10%');
    fireEvent.keyDown(plot, { key: 'ArrowRight' });
    expect(readout().textContent).toContain('Update 2 of 100');
    fireEvent.keyDown(plot, { key: 'PageUp' });
    expect(readout().textContent).toContain('Update 12 of 100');
    fireEvent.keyDown(plot, { key: 'PageDown' });
    fireEvent.keyDown(plot, { key: 'PageDown' });
    expect(readout().textContent).toContain('Update 1 of 100');
    expect(plot.getAttribute('aria-valuetext')).toBe(readout().firstElementChild!.textContent);
  });

  it('lists every epoch in a table behind a visible toggle, with a caption for screen readers', () => {
    render(<LossCurve {...classRun()} />);
    const details = figure().querySelector('details')!;
    expect(within(details).getByText('Show as a table').tagName).toBe('SUMMARY');
    const table = within(details).getByRole('table', { hidden: true });
    expect(table.querySelector('caption')!.className).toBe('sr-only');
    expect(table.querySelector('caption')!.textContent).toBe('Loss and accuracy after each epoch');
    const rows = Array.from(table.querySelectorAll('tr'), (tr) => Array.from(tr.children, (c) => c.textContent));
    expect(rows[0]).toEqual(['Epoch', 'Updates', 'Training loss', 'Test loss', 'Training accuracy', 'Test accuracy']);
    expect(rows).toHaveLength(12);
    expect(rows[1]).toEqual(['0 (start)', '0', '2.3', '2.4', '12%', '10%']);
    expect(rows[6]).toEqual(['5', '50', (2.3 * 0.93 ** 50).toPrecision(4), (2.4 * 0.93 ** 50).toPrecision(4), '52%', '50%']);
  });

  it('keeps the table to 200 evenly spaced rows of a long run and says so; regression has no accuracy columns', () => {
    const epochs: EpochRecord[] = Array.from({ length: 1001 }, (_, e) => ({ epoch: e, updates: e * 3, trainLoss: 1 / (e + 1), testLoss: null, trainAccuracy: null, testAccuracy: null }));
    render(<LossCurve losses={Array.from({ length: 3000 }, () => 0.5)} epochs={epochs} updatesPerEpoch={3} classification={false} />);
    const table = within(figure()).getByRole('table', { hidden: true });
    const body = Array.from(table.querySelectorAll('tbody tr'));
    expect(body).toHaveLength(200);
    expect(body[0].firstElementChild!.textContent).toBe('0 (start)');
    expect(body[199].firstElementChild!.textContent).toBe('1,000');
    expect(within(figure()).getByText('Showing 200 of the 1,001 epoch records, evenly spaced, the first and the last among them.')).toBeTruthy();
    expect(Array.from(table.querySelectorAll('thead th'), (c) => c.textContent)).toEqual(['Epoch', 'Updates', 'Training loss', 'Test loss']);
    // No held-out samples: the test loss is a dash, read as "none".
    expect(body[1].children[3].textContent).toBe('—none');
  });

  it('waits for the first update, and breaks the line where the loss is not a number', () => {
    render(<LossCurve losses={[]} epochs={[]} updatesPerEpoch={5} classification />);
    expect(figure().querySelector('figcaption')!.textContent).toContain('No updates yet: start training to see the loss fall.');
    expect(figure().querySelector('.loss-curve-line')).toBeNull();
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'End' });
    expect(readout().textContent).toBe('');
    cleanup();
    render(<LossCurve losses={[1, 0.8, Number.NaN, Number.NaN, 0.5]} epochs={[]} updatesPerEpoch={5} classification={false} />);
    expect((figure().querySelector('.loss-curve-line')!.getAttribute('d')!.match(/M/g) ?? []).length).toBe(2);
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'Home' });
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'ArrowRight' });
    expect(readout().textContent).toBe('Update 3 of 5: loss NaN.');
  });
});
