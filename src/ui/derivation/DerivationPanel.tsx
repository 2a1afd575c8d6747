// Explains the hovered or focused number: the rule, the rule with indices,
// the numbers plugged in (each term hoverable), the result, and the matrix form
// with its dimension check, then Copy as LaTeX. It lays out core's structured
// derivation.
import { Fragment, useEffect, useRef, useState } from 'react';
import { CodeForm, CodeToggle, LinkedTex, type PartPointer, PartSaid } from './LinkedNotation.tsx';
import { type CellRef, type Derivation, type DerivationTerm, type LayoutName, type LinkedNotation, type PartId, partCells } from '../../core/index.ts';
import { editableName } from '../../store/store.ts';
import { useCellEditors } from '../matrix/cellEditors.tsx';
import { useCoarsePointer } from '../media.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n, useSelectors, useTexCache } from '../storeContext.tsx';
import { MAX_TERMS, closerTex, indexedTex, openerTex, resultTex, shownTerms } from './assemble.ts';
import { CopyLatex } from './CopyLatex.tsx';
import { createPrefetcher } from './prefetch.ts';
import { Tex } from './Tex.tsx';

const cellText = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** A line's formula; when wider than the panel it scrolls sideways and joins the tab order, so keys can scroll it. */
function LineTex({ tex, name }: { tex: string; name: string }) {
  const { t } = useI18n();
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
    <span ref={ref} className="line-tex" tabIndex={wide ? 0 : undefined} role={wide ? 'group' : undefined} aria-label={wide ? t('derivation.scrolls', { name }) : undefined}>
      <Tex tex={tex} />
    </span>
  );
}

/** One term of the expanded sum: hovering or focusing it outlines its factor cells. */
function TermButton({ term, k, on, onTerm }: { term: DerivationTerm; k: number; on: boolean; onTerm: (k: number | null) => void }) {
  const { t, msg, fmt } = useI18n();
  return (
    <button
      type="button"
      className={on ? 'term on' : 'term'}
      data-term={k}
      data-term-value={String(term.value)}
      data-factors={term.factors.map(cellText).join(' ')}
      onMouseEnter={() => onTerm(k)}
      onMouseLeave={() => onTerm(null)}
      onFocus={() => onTerm(k)}
      onBlur={() => onTerm(null)}
    >
      {/* The spoken name is the visible text's words, so speech input can say what it sees. */}
      <span className="sr-only">{t('derivation.term', { k: k + 1, speech: msg(term.speech), value: fmt.text(term.value, 6) })}</span>
      <span aria-hidden="true">
        <Tex tex={term.tex} mathml={false} />
      </span>
    </button>
  );
}

export interface DerivationBodyProps {
  d: Derivation;
  /** How the explained cell's matrix is laid out, so it is named as its grid names it. */
  layout?: LayoutName;
  term: number | null;
  onTerm: (k: number | null) => void;
  /** Opens the explained cell's editor in its grid, when it can be edited: the way to edit on a touch screen. */
  onEdit?: () => void;
  /** The rule in the three linked notations (index, matrix, code), when the cell is computed. */
  notation?: LinkedNotation | null;
  /** Whether the code shows at first (presentation mode keeps it closed: the panel fits the screen without it). */
  codeOpen?: boolean;
  /** Points at cells of the grids (the part pointed at), or lets them go with null. */
  onLinked?: (cells: readonly CellRef[] | null) => void;
}

/** The part of the linked notations pointed at, for this cell only; pointing at one points at its cells in the grids. */
function usePointer(d: Derivation, n: LinkedNotation | null | undefined, onLinked?: (cells: readonly CellRef[] | null) => void): PartPointer {
  const cell = cellText(d.cell);
  const [pointed, setPointed] = useState<{ cell: string; part: PartId } | null>(null);
  const holds = useRef<((cells: null) => void) | null>(null);
  // Letting go of the grids' cells when the panel goes while a part is pointed at.
  useEffect(() => () => holds.current?.(null), []);
  const part = pointed && pointed.cell === cell ? pointed.part : null;
  return {
    part,
    onPart: (p) => {
      if (p === part) return;
      setPointed(p === null ? null : { cell, part: p });
      if (!n || !onLinked) return;
      holds.current = p === null ? null : onLinked;
      onLinked(p === null ? null : partCells(n, d, p));
    },
  };
}

/** The heading's value: the number, or why there is none yet. */
function valueText(d: Derivation, t: ReturnType<typeof useI18n>['t'], text: (v: number, digits: number) => string): string {
  if (d.progress.kind === 'pending') return t('derivation.notComputed');
  if (Number.isNaN(d.value)) return t('derivation.notUsed');
  return text(d.value, 6);
}

/** The lines and the matrix form of one derivation. */
export function DerivationBody({ d, layout, term, onTerm, onEdit, notation: n, onLinked, codeOpen = true }: DerivationBodyProps) {
  const { t, msg, fmt, cellName } = useI18n();
  const pointer = usePointer(d, n, onLinked);
  // The code shows as the layout says (open on a laptop, closed when presenting) until the learner says otherwise.
  const [codeChoice, setCodeChoice] = useState<boolean | null>(null);
  const codeShown = codeChoice ?? codeOpen;
  const hasCode = !!n && n.code.length > 0;
  const toggle = hasCode ? <CodeToggle open={codeShown} onToggle={() => setCodeChoice(!codeShown)} /> : null;
  // The cell whose long sum is shown in full, or null.
  const [allFor, setAllFor] = useState<string | null>(null);
  const long = d.terms.length > MAX_TERMS;
  const all = !long || allFor === cellText(d.cell);
  const ks = shownTerms(d.terms.length, all);
  const p = d.progress;
  const result = resultTex(d, fmt);
  return (
    <div className="derivation-body" data-cell={cellText(d.cell)}>
      <div className="derivation-head">
        <h2 className="derivation-title">
          {cellName(d.cell, layout)} = <span data-testid="derivation-value">{valueText(d, t, fmt.text)}</span>
        </h2>
        {onEdit && (
          <button type="button" className="edit-cell" onClick={onEdit}>
            {t('derivation.edit', { cell: cellName(d.cell, layout) })}
          </button>
        )}
      </div>
      <p className="note">
        {p.kind === 'pending' && `${t('derivation.pendingNote', { at: p.at, of: p.of })} `}
        {p.kind === 'partial' && `${t('derivation.partialNote', { done: p.done, of: p.of })} `}
        {msg(d.note)}
      </p>
      <ol className="lines">
        <li className="line general" data-line="general">
          <span className="line-tag">{t('derivation.line.rule')}</span>
          {d.given ? (
            <span className="line-tex">
              <Rich m={d.given} />
            </span>
          ) : n?.index ? (
            <LinkedTex tokens={n.index} name={t('derivation.line.rule')} pointer={pointer} />
          ) : (
            <LineTex tex={d.general} name={t('derivation.line.rule')} />
          )}
        </li>
        {d.lhs && (d.terms.length > 0 || p.kind === 'pending') && (
          <li className="line indexed" data-line="indexed">
            <span className="line-tag">{t('derivation.line.cell')}</span>
            {p.kind === 'pending' ? <Tex tex={d.lhs} /> : <LineTex tex={indexedTex(d, all)} name={t('derivation.line.cell')} />}
            {p.kind === 'partial' && <span className="muted-text"> {t('derivation.soFar')}</span>}
          </li>
        )}
        {d.terms.length > 0 && (
          <li className="line numeric" data-line="numeric">
            <span className="line-tag">{t('derivation.line.numbers')}</span>
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
                      <span className="sr-only">{t('derivation.moreTerms', { n: k - ks[i - 1] - 1 })}</span>
                    </span>
                  )}
                  {/* A plus sign stays on the line of the term it adds. */}
                  <span className="term-group">
                    {i > 0 && <span className="plus">+</span>}
                    <TermButton term={d.terms[k]} k={k} on={term === k} onTerm={onTerm} />
                    {i === ks.length - 1 && closerTex(d) && <Tex tex={closerTex(d)} />}
                  </span>
                </Fragment>
              ))}
            </span>
            {long && (
              <span className="all-terms-row">
                <button type="button" className="all-terms" aria-expanded={all} onClick={() => setAllFor(all ? null : cellText(d.cell))}>
                  {all ? t('derivation.fewerTerms') : t('derivation.allTerms', { n: d.terms.length })}
                </button>
              </span>
            )}
          </li>
        )}
        {(result || p.kind === 'pending') && (
          <li className="line result" data-line="result" data-value={String(d.value)}>
            <span className="line-tag">{t('derivation.line.result')}</span>
            {p.kind === 'pending' ? t('derivation.notComputed') : <Tex tex={result} />}
            {p.kind === 'partial' && <span className="muted-text"> {t('derivation.soFar')}</span>}
          </li>
        )}
        {d.rounding && p.kind !== 'pending' && (
          <li className="line rounding" data-line="rounding">
            <span className="line-tag" aria-hidden="true" />
            <span className="rounding-note">{msg(d.rounding)}</span>
          </li>
        )}
      </ol>
      {d.matrixForm && (
        <div className="matrix-form" data-line="matrix-form">
          <div className="form-head">
            <h3>{t('derivation.matrixForm')}</h3>
            {toggle}
          </div>
          {n?.matrix ? <LinkedTex tokens={n.matrix} name={t('derivation.matrixForm')} pointer={pointer} display /> : <Tex tex={d.matrixForm.tex} display />}
          <p className="dimcheck">
            <Tex tex={d.matrixForm.check.symbolic} /> {t('derivation.ie')} <Tex tex={d.matrixForm.check.numeric} />
          </p>
        </div>
      )}
      {hasCode && !d.matrixForm && <div className="form-head code-head">{toggle}</div>}
      {hasCode && codeShown && <CodeForm n={n} pointer={pointer} />}
      {n && <PartSaid n={n} part={pointer.part} />}
      {/* A value part-way through playback, or a loss the lesson does without, has no derivation to take away yet. */}
      {p.kind === 'complete' && d.role !== 'unused' && <CopyLatex d={d} />}
    </div>
  );
}

/** The derivation panel, announced politely when it changes. */
export function DerivationPanel() {
  const store = useAppStore();
  const select = useSelectors();
  const tex = useTexCache();
  const { t } = useI18n();
  const d = useApp(select.derivation);
  const notation = useApp(select.notation);
  const presenting = useApp((s) => s.present);
  const layout = useApp((s) => (d ? select.graph(s).rule(d.cell.m)?.layout : undefined));
  const term = useApp((s) => s.term);
  const touch = useCoarsePointer();
  const editors = useCellEditors();
  // Only the focused cell offers its editor: a hovered one is left behind as soon as the pointer moves to the button.
  const editable = useApp((s) => !!d && !!s.focus && s.focus.m === d.cell.m && s.focus.r === d.cell.r && s.focus.c === d.cell.c && editableName(select, s, d.cell.m) !== null);
  const onEdit = editors && editable && d ? () => editors.open(d.cell) : undefined;
  const [prefetcher, setPrefetcher] = useState<ReturnType<typeof createPrefetcher> | null>(null);
  // The linked notations' writer comes in its own chunk, fetched once per app when the panel first shows.
  useEffect(() => {
    if (store.getState().notationWriter) return;
    let live = true;
    void import('../../core/linkedNotation.ts').then(
      (m) => live && store.getState().setNotationWriter(m.linkedNotation),
      () => {}, // without it the rule and the matrix form are shown unlinked, as before KaTeX
    );
    return () => {
      live = false;
    };
  }, [store]);
  useEffect(() => {
    const p = createPrefetcher(store, tex);
    setPrefetcher(p);
    return () => p.stop();
  }, [store, tex]);
  // While the learner reads this one, typeset the cells around it.
  useEffect(() => {
    if (d && prefetcher) prefetcher.around(d.cell);
  }, [d, prefetcher]);
  return (
    <section className="derivation" aria-label={t('derivation.label')} aria-live="polite" data-testid="derivation">
      {d ? (
        <DerivationBody
          d={d}
          layout={layout}
          term={term}
          onTerm={(k) => store.getState().setTerm(k)}
          onEdit={onEdit}
          notation={notation}
          codeOpen={!presenting}
          onLinked={(cells) => store.getState().setLinked(cells)}
        />
      ) : (
        <p className="hint">{t(touch ? 'derivation.hint.touch' : 'derivation.hint')}</p>
      )}
    </section>
  );
}
