// Explains the hovered or focused number: the rule, the rule with indices,
// the numbers plugged in (each term hoverable), the result, and the matrix form
// with its dimension check.
import { Fragment, useEffect, useRef, useState } from 'react';
import { formatNumber, type CellRef, type Derivation, type DerivationTerm } from '../../core/index.ts';
import { useApp, useAppStore } from '../storeContext.tsx';
import { prefetchAround, type Formula } from './prefetch.ts';
import { Tex } from './Tex.tsx';

const cellText = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** Sums longer than this (the loss over B·T outputs) show their first and last terms until asked for all. */
export const MAX_TERMS = 13;
const HEAD = 6;
const TAIL = 2;

/** The indices of the terms to show: all of them, or the first HEAD and the last TAIL. */
function shownTerms(n: number, all: boolean): number[] {
  const ks = Array.from({ length: n }, (_, k) => k);
  return all || n <= MAX_TERMS ? ks : [...ks.slice(0, HEAD), ...ks.slice(n - TAIL)];
}

/**
 * The rule with this cell's indices as the panel sets it: a long sum cut to the same first and last terms
 * as the numbers, and a sum in \left( \right) given fixed brackets instead, so it can wrap at its plus signs.
 */
function indexedTex(d: Derivation, all: boolean): string {
  const join = (ts: DerivationTerm[]) => ts.map((t) => t.symbolic).join(' + ');
  const full = join(d.terms);
  const at = d.indexed.indexOf(full);
  if (d.terms.length < 2 || at < 0) return d.indexed;
  let head = d.indexed.slice(0, at), tail = d.indexed.slice(at + full.length);
  if (head.endsWith('\\left(') && tail.startsWith('\\right)')) {
    head = `${head.slice(0, -'\\left('.length)}\\Big(`;
    tail = `\\Big)${tail.slice('\\right)'.length)}`;
  }
  const sum = all || d.terms.length <= MAX_TERMS ? full : `${join(d.terms.slice(0, HEAD))} + \\cdots + ${join(d.terms.slice(-TAIL))}`;
  return `${head}${sum}${tail}`;
}

/** The opening of the numbers line: '=', and the scale factor with its bracket when there is one. */
const openerTex = (d: Derivation) => `=${d.scaleTex}${d.scaleTex && d.terms.length > 1 ? '\\Big(' : ''}`;
const closes = (d: Derivation) => d.scaleTex !== '' && d.terms.length > 1;

/** Every formula the body typesets for a derivation whose long sum is cut short, for typesetting ahead. */
export function formulasOf(d: Derivation): Formula[] {
  const out: Formula[] = [[d.general, false, true]];
  if (d.indexed) out.push([indexedTex(d, false), false, true]);
  if (d.terms.length > 0) {
    out.push([openerTex(d), false, true]);
    for (const k of shownTerms(d.terms.length, false)) out.push([d.terms[k].tex, false, false]);
  }
  if (d.result) out.push([d.result, false, true]);
  if (d.matrixForm) out.push([d.matrixForm.tex, true, true], [d.matrixForm.checkTex, false, true]);
  return out;
}

/** A line's formula; when wider than the panel it scrolls sideways and joins the tab order, so keys can scroll it. */
function LineTex({ tex, name }: { tex: string; name: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [wide, setWide] = useState(false);
  // Measured by a ResizeObserver, after the browser's own layout: reading scrollWidth straight after the
  // derivation is inserted would force an extra synchronous layout on every hover.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWide(el.scrollWidth > el.clientWidth + 1));
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <span ref={ref} className="line-tex" tabIndex={wide ? 0 : undefined} role={wide ? 'group' : undefined} aria-label={wide ? `${name}, scrolls sideways` : undefined}>
      <Tex tex={tex} />
    </span>
  );
}

/** One term of the expanded sum: hovering or focusing it outlines its factor cells. */
function TermButton({ t, k, on, onTerm }: { t: DerivationTerm; k: number; on: boolean; onTerm: (k: number | null) => void }) {
  return (
    <button
      type="button"
      className={on ? 'term on' : 'term'}
      data-term={k}
      data-term-value={String(t.value)}
      data-factors={t.factors.map(cellText).join(' ')}
      onMouseEnter={() => onTerm(k)}
      onMouseLeave={() => onTerm(null)}
      onFocus={() => onTerm(k)}
      onBlur={() => onTerm(null)}
    >
      {/* The spoken name is the visible text's words, so speech input can say what it sees. */}
      <span className="sr-only">{`term ${k + 1}: ${t.speech} = ${formatNumber(t.value, 6)}`}</span>
      <span aria-hidden="true">
        <Tex tex={t.tex} mathml={false} />
      </span>
    </button>
  );
}

export interface DerivationBodyProps {
  d: Derivation;
  term: number | null;
  onTerm: (k: number | null) => void;
}

/** The four lines and the matrix form of one derivation. */
export function DerivationBody({ d, term, onTerm }: DerivationBodyProps) {
  // The cell whose long sum is shown in full, if any.
  const [allFor, setAllFor] = useState<string | null>(null);
  const long = d.terms.length > MAX_TERMS;
  const all = !long || allFor === cellText(d.cell);
  const ks = shownTerms(d.terms.length, all);
  return (
    <div className="derivation-body" data-cell={cellText(d.cell)}>
      <h2 className="derivation-title">
        {d.title} ={' '}
        <span data-testid="derivation-value">
          {/* NaN is a value not computed yet at this step, or the loss when dL/dy is given directly. */}
          {Number.isNaN(d.value) ? (d.role === 'input' ? 'not used' : 'not computed yet') : formatNumber(d.value, 6)}
        </span>
      </h2>
      <p className="note">{d.note}</p>
      <ol className="lines">
        <li className="line general" data-line="general">
          <span className="line-tag">rule</span>
          <LineTex tex={d.general} name="the rule" />
        </li>
        {d.indexed && (
          <li className="line indexed" data-line="indexed">
            <span className="line-tag">this cell</span>
            <LineTex tex={indexedTex(d, all)} name="this cell" />
          </li>
        )}
        {d.terms.length > 0 && (
          <li className="line numeric" data-line="numeric">
            <span className="line-tag">numbers</span>
            <span className="terms">
              <Tex tex={openerTex(d)} />
              {ks.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 && ks[i - 1] !== k - 1 && (
                    <span className="term-group">
                      <span className="plus">+</span>
                      <span className="elided" aria-hidden="true">
                        ⋯
                      </span>
                      <span className="sr-only">and {k - ks[i - 1] - 1} more terms</span>
                    </span>
                  )}
                  {/* A plus sign stays on the line of the term it adds. */}
                  <span className="term-group">
                    {i > 0 && <span className="plus">+</span>}
                    <TermButton t={d.terms[k]} k={k} on={term === k} onTerm={onTerm} />
                    {i === ks.length - 1 && closes(d) && <Tex tex="\Big)" />}
                  </span>
                </Fragment>
              ))}
            </span>
            {long && (
              <span className="all-terms-row">
                <button type="button" className="all-terms" aria-expanded={all} onClick={() => setAllFor(all ? null : cellText(d.cell))}>
                  {all ? 'Show fewer terms' : `Show all ${d.terms.length} terms`}
                </button>
              </span>
            )}
          </li>
        )}
        {d.result && (
          <li className="line result" data-line="result" data-value={String(d.value)}>
            <span className="line-tag">result</span>
            <Tex tex={d.result} />
          </li>
        )}
      </ol>
      {d.matrixForm && (
        <div className="matrix-form" data-line="matrix-form">
          <h3>The whole matrix at once</h3>
          <Tex tex={d.matrixForm.tex} display />
          <Tex tex={d.matrixForm.checkTex} className="dimcheck" />
        </div>
      )}
    </div>
  );
}

/** The derivation panel, announced politely when it changes. */
export function DerivationPanel() {
  const store = useAppStore();
  const d = useApp((s) => s.derivation);
  const term = useApp((s) => s.term);
  // While the learner reads this one, typeset the cells around it.
  useEffect(() => {
    if (d) prefetchAround(store, d.cell, formulasOf);
  }, [d, store]);
  return (
    <section className="derivation" aria-label="Derivation of the selected number" aria-live="polite" data-testid="derivation">
      {d ? (
        <DerivationBody d={d} term={term} onTerm={(k) => store.getState().setTerm(k)} />
      ) : (
        <p className="hint">
          Point at any number, or move to it with Tab and the arrow keys, to see where it comes from: the rule, the numbers
          that go into it, and the matrix form it belongs to.
        </p>
      )}
    </section>
  );
}
