// Explains the hovered or focused number: the rule, the rule with indices,
// the numbers plugged in (each term hoverable), the result, and the matrix form
// with its dimension check.
import { Fragment } from 'react';
import { formatNumber, type CellRef, type Derivation } from '../../core/index.ts';
import { useApp, useAppStore } from '../storeContext.tsx';
import { Tex } from './Tex.tsx';

const cellText = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

export interface DerivationBodyProps {
  d: Derivation;
  term: number | null;
  onTerm: (k: number | null) => void;
}

/** The four lines and the matrix form of one derivation. */
export function DerivationBody({ d, term, onTerm }: DerivationBodyProps) {
  return (
    <div className="derivation-body" data-cell={cellText(d.cell)}>
      <h2 className="derivation-title">
        {d.title} = <span data-testid="derivation-value">{Number.isNaN(d.value) ? 'not computed yet' : formatNumber(d.value, 6)}</span>
      </h2>
      <p className="note">{d.note}</p>
      <ol className="lines">
        <li className="line general" data-line="general">
          <span className="line-tag">rule</span>
          <Tex tex={d.general} />
        </li>
        {d.indexed && (
          <li className="line indexed" data-line="indexed">
            <span className="line-tag">this cell</span>
            <Tex tex={d.indexed} />
          </li>
        )}
        {d.terms.length > 0 && (
          <li className="line numeric" data-line="numeric">
            <span className="line-tag">numbers</span>
            <span className="terms">
              <Tex tex={`=${d.scaleTex}${d.scaleTex && d.terms.length > 1 ? '\\Big(' : ''}`} />
              {d.terms.map((t, k) => (
                <Fragment key={k}>
                  {k > 0 && <Tex tex="+" className="plus" />}
                  <button
                    type="button"
                    className={term === k ? 'term on' : 'term'}
                    data-term={k}
                    data-term-value={String(t.value)}
                    data-factors={t.factors.map(cellText).join(' ')}
                    onMouseEnter={() => onTerm(k)}
                    onMouseLeave={() => onTerm(null)}
                    onFocus={() => onTerm(k)}
                    onBlur={() => onTerm(null)}
                  >
                    {/* The spoken name is the visible text's words, so speech input can say what it sees. */}
                    <span className="sr-only">{`term ${k + 1}: ${t.values.map((v) => formatNumber(v, 6)).join(' times ')} = ${formatNumber(t.value, 6)}`}</span>
                    <span aria-hidden="true">
                      <Tex tex={t.tex} />
                    </span>
                  </button>
                </Fragment>
              ))}
              {d.scaleTex && d.terms.length > 1 && <Tex tex="\Big)" />}
            </span>
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
