// "Show the shortcut emerge": the upstream gradient as a row vector, its
// product with the full Jacobian where only the non-zeros contribute, the
// result re-rolled into the parameter's shape, and the check that it is the
// lesson's gradient. Runs by itself, steps with buttons or arrow keys, and
// under reduced motion never runs by itself: each step appears in its final state at once.
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CONVENTION_INFO, formatNumber, type ShortcutWalkthrough } from '../../core/index.ts';
import { SHORTCUT_STEPS, selectWalkthrough } from '../../store/jacobianSlice.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useAppStore } from '../storeContext.tsx';
import { KIND_TEXT, PARAM_NAME, cellName } from './labels.ts';
import { MiniMatrix } from './MiniMatrix.tsx';
import { useReducedMotion } from '../player/reducedMotion.ts';

/** Above this many entries the product is listed column by column instead of drawn whole. */
const GRID_MAX = { entries: 720, cols: 36 };
const STEP_MS = 2600;

const TITLES = ['The upstream gradient, as a row vector', 'Times the full Jacobian', 'Re-rolled into the shape of the parameter', 'The shortcut, exactly'];

const fmt = (v: number) => formatNumber(v, 3);

/** The walkthrough section. */
export function ShortcutWalk() {
  const store = useAppStore();
  const w = useApp(selectWalkthrough);
  const step = useApp((s) => s.shortcutStep);
  const conv = useApp((s) => s.config.convention);
  const reduced = useReducedMotion();
  const [playing, setPlaying] = useState(false);
  const last = SHORTCUT_STEPS - 1;
  const go = (k: number) => store.getState().setShortcutStep(k);

  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => {
      const next = store.getState().shortcutStep + 1;
      store.getState().setShortcutStep(next);
      if (next >= SHORTCUT_STEPS - 1) setPlaying(false);
    }, STEP_MS);
    return () => clearTimeout(id);
  }, [playing, step, store]);

  const play = () => {
    if (playing) return setPlaying(false);
    if (step >= last) go(0);
    setPlaying(true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to: Record<string, number> = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last };
    if (e.key in to) {
      e.preventDefault();
      setPlaying(false);
      go(to[e.key]);
    }
  };
  const point = (cell: { r: number; c: number } | null) => store.getState().setLinked(cell ? [{ m: w.target, r: cell.r, c: cell.c }] : null);
  const animate = !reduced;
  const param = PARAM_NAME[w.kind];

  return (
    <section className="jac-walk" aria-labelledby="jac-walk-h" data-testid="shortcut-walk" data-step={step} data-motion={animate ? 'on' : 'off'}>
      <h3 id="jac-walk-h">Show the shortcut emerge</h3>
      <p className="muted-text">
        With the lesson's own numbers: multiply ∂L/∂y by the whole {KIND_TEXT[w.kind].text}, entry by entry, and watch the zeros drop out.
      </p>
      <div className="jac-walk-controls" role="group" aria-label="Walkthrough steps; left and right arrow keys step" onKeyDown={onKeyDown}>
        <button type="button" onClick={() => (setPlaying(false), go(step - 1))} disabled={step === 0}>
          ◀ Back
        </button>
        <button
          type="button"
          onClick={play}
          aria-pressed={playing}
          data-testid="walk-play"
          disabled={reduced}
          title={reduced ? 'Reduced motion is on: step with Next or the arrow keys' : undefined}
        >
          {playing ? 'Pause' : step >= last ? 'Run again' : 'Run'}
        </button>
        <button type="button" onClick={() => (setPlaying(false), go(step + 1))} disabled={step === last} data-testid="walk-next">
          Next ▶
        </button>
        <ol className="jac-steps">
          {TITLES.map((t, k) => (
            <li key={k}>
              <button type="button" className={k === step ? 'on' : k < step ? 'done' : undefined} aria-current={k === step ? 'step' : undefined} onClick={() => (setPlaying(false), go(k))}>
                {k + 1}. {t}
              </button>
            </li>
          ))}
        </ol>
      </div>
      <div className="jac-walk-body" aria-live="polite">
        <Step k={0} step={step} animate={animate} title={TITLES[0]}>
          <RowVector w={w} />
        </Step>
        {step >= 1 && (
          <Step k={1} step={step} animate={animate} title={TITLES[1]}>
            <Product w={w} animate={animate && step === 1} />
          </Step>
        )}
        {step >= 2 && (
          <Step k={2} step={step} animate={animate} title={`Re-rolled into the shape of ${param}`}>
            <p>
              The {w.cols} numbers of g·J are read back in {w.linearisation} order, the order the columns were flattened in, so column k lands on
              the cell of {cellName({ m: w.target, r: 0, c: 0 }).replace(/\[.*$/, '')} it was made for.
            </p>
            <MiniMatrix
              rows={w.rolled.rows}
              cols={w.rolled.cols}
              values={w.rolled.data}
              caption={`g·J as a ${w.rolled.rows}×${w.rolled.cols} matrix; the small number is its column in J`}
              name={(r, c) => cellName({ m: w.target, r, c })}
              tag={(r, c) => String(w.linearisation === 'row-major' ? r * w.rolled.cols + c : c * w.rolled.rows + r)}
              testId="walk-rolled"
              onPoint={point}
            />
          </Step>
        )}
        {step >= 3 && (
          <Step k={3} step={step} animate={animate} title={TITLES[3]}>
            <Compare w={w} tex={CONVENTION_INFO[conv][w.target === 'dW' ? 'dWTex' : w.target === 'dX' ? 'dXTex' : 'dbTex']} onPoint={point} />
          </Step>
        )}
      </div>
    </section>
  );
}

function Step({ k, step, animate, title, children }: { k: number; step: number; animate: boolean; title: string; children: ReactNode }) {
  return (
    <div className={`jac-step${k === step ? ' current' : ''}${animate && k === step && k > 0 ? ' jac-step-in' : ''}`} data-walk-step={k}>
      <h4>
        {k + 1}. {title}
      </h4>
      {children}
    </div>
  );
}

function RowVector({ w }: { w: ShortcutWalkthrough }) {
  return (
    <>
      <p>
        g = ∂L/∂y flattened in {w.linearisation} order: one row of {w.rows} numbers, one for each element of y and so one for each row of the
        Jacobian.
      </p>
      <ol className="jac-vector" aria-label="g, the upstream gradient as a row vector">
        {Array.from(w.g, (v, r) => (
          <li key={r} data-value={String(v)}>
            <span className="jac-tag">{cellName(w.gCells[r])}</span>
            {fmt(v)}
          </li>
        ))}
      </ol>
    </>
  );
}

function Product({ w, animate }: { w: ShortcutWalkthrough; animate: boolean }) {
  const skipped = w.macs.full - w.macs.nonZero;
  const summary = (
    <p>
      Column k of the result is g times column k of the Jacobian: {w.rows} multiply-adds per column, {w.macs.full.toLocaleString('en')} in all.
      Only {w.macs.nonZero.toLocaleString('en')} of them meet a non-zero entry; the other {skipped.toLocaleString('en')} add g × 0.
    </p>
  );
  if (w.rows * w.cols > GRID_MAX.entries || w.cols > GRID_MAX.cols) {
    const shown = w.columns.slice(0, 8);
    return (
      <>
        {summary}
        <ul className="jac-sums">
          {shown.map((col) => (
            <li key={col.c}>
              {cellName(col.cell)} = {col.terms.map((t) => `${fmt(t.g)}·${fmt(t.j)}`).join(' + ')} = {fmt(col.value)}
            </li>
          ))}
          {w.columns.length > shown.length && <li>… and {w.columns.length - shown.length} more columns, each the same way.</li>}
        </ul>
      </>
    );
  }
  // Which (row, column) pairs contribute, for the grid.
  const contrib = new Map<number, number>();
  for (const col of w.columns) for (const t of col.terms) contrib.set(t.r * w.cols + col.c, t.product);
  return (
    <>
      {summary}
      <div className="jac-product-wrap" role="region" aria-label="g times the Jacobian, entry by entry" tabIndex={0}>
        <table className="jac-product" data-testid="walk-product">
          <thead>
            <tr>
              <th scope="col">g</th>
              {w.columns.map((col) => (
                <th scope="col" key={col.c}>
                  {cellName(col.cell)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from(w.g, (g, r) => (
              <tr key={r}>
                <th scope="row" title={cellName(w.gCells[r])}>
                  {fmt(g)}
                </th>
                {w.columns.map((col) => {
                  const p = contrib.get(r * w.cols + col.c);
                  return p === undefined ? (
                    <td key={col.c} className="zero">
                      <span aria-hidden="true">·</span>
                      <span className="sr-only">0</span>
                    </td>
                  ) : (
                    <td key={col.c} className={animate ? 'nz jac-pop' : 'nz'} style={animate ? { animationDelay: `${Math.round((col.c * 1500) / w.cols)}ms` } : undefined}>
                      {fmt(p)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Σ</th>
              {w.columns.map((col) => (
                <td key={col.c} data-value={String(col.value)} className={animate ? 'jac-pop' : undefined} style={animate ? { animationDelay: '1600ms' } : undefined}>
                  {fmt(col.value)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Compare({ w, tex, onPoint }: { w: ShortcutWalkthrough; tex: string; onPoint: (c: { r: number; c: number } | null) => void }) {
  const name = (r: number, c: number) => cellName({ m: w.target, r, c });
  const diff = w.maxAbsDiff === 0 ? '0' : formatNumber(w.maxAbsDiff, 2);
  return (
    <>
      <div className="jac-compare">
        <MiniMatrix rows={w.rolled.rows} cols={w.rolled.cols} values={w.rolled.data} caption="through the full Jacobian" name={name} testId="walk-final" onPoint={onPoint} />
        <span className="jac-eq" aria-hidden="true">
          {w.agrees ? '=' : '≠'}
        </span>
        <MiniMatrix rows={w.shortcut.rows} cols={w.shortcut.cols} values={w.shortcut.data} caption="the lesson's, by the shortcut" name={name} testId="walk-shortcut" onPoint={onPoint} />
      </div>
      <p className={w.agrees ? 'jac-verdict ok' : 'jac-verdict bad'} role="status" data-testid="walk-verdict" data-agrees={String(w.agrees)}>
        {w.agrees
          ? `✓ The same numbers as ${cellName({ m: w.target, r: 0, c: 0 }).replace(/\[.*$/, '')} in the lesson view (largest difference ${diff}).`
          : `✗ These differ from the lesson's ${w.target} by up to ${diff}.`}
      </p>
      <p>
        The shortcut <Tex tex={tex} /> does only the {w.macs.shortcut.toLocaleString('en')} multiply-adds that matter, never writing down the{' '}
        {(w.rows * w.cols).toLocaleString('en')}-entry matrix.
      </p>
    </>
  );
}
