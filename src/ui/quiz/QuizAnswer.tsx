// The answer part of an exercise, one form per kind: a value, cells to tick,
// a shape, a rule or a gradient to choose. What is typed is kept in the store
// as typed, so moving between exercises loses nothing.
import { useId } from 'react';
import { nodeShape, type Answer, type CellRef, type Exercise } from '../../core/index.ts';
import { blankAnswer } from '../../core/exercises/types.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';
import { GradientCheck } from './GradientCheck.tsx';

const key = (c: CellRef) => `${c.m}:${c.r},${c.c}`;

/** The draft of the exercise shown, or a blank one of its kind. */
function useDraft<K extends Answer['kind']>(kind: K): [Extract<Answer, { kind: K }>, (a: Extract<Answer, { kind: K }>) => void] {
  const store = useAppStore();
  const draft = useApp((s) => s.quizDrafts[s.quizIndex]);
  const value = (draft && draft.kind === kind ? draft : blankAnswer(kind)) as Extract<Answer, { kind: K }>;
  return [value, (a) => store.getState().setQuizDraft(a)];
}

function DepsPicker({ ex, solved }: { ex: Extract<Exercise, { kind: 'deps' }>; solved: boolean }) {
  const { t, label, cellName } = useI18n();
  const [draft, setDraft] = useDraft('deps');
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const select = useSelectors();
  const sizes = useApp((s) => select.ctx(s).sizes);
  const picked = new Set(draft.cells.map(key));
  const toggle = (c: CellRef) => setDraft({ kind: 'deps', cells: picked.has(key(c)) ? draft.cells.filter((x) => key(x) !== key(c)) : [...draft.cells, c] });
  return (
    <div className="quiz-deps">
      {ex.from.map((m) => {
        const [rows, cols] = nodeShape(m, conv, sizes, loss);
        return (
          <fieldset key={m} className="quiz-deps-grid">
            <legend>{t('quiz.deps.group', { name: label(m) })}</legend>
            <div className="quiz-deps-cells" style={{ gridTemplateColumns: `repeat(${cols}, auto)` }}>
              {Array.from({ length: rows * cols }, (_, k) => {
                const c = { m, r: Math.floor(k / cols), c: k % cols };
                return (
                  <label key={k} className="quiz-cell">
                    <input type="checkbox" checked={picked.has(key(c))} disabled={solved} onChange={() => toggle(c)} data-cell={key(c)} />
                    <span>{cellName(c)}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <p className="muted-text">{t('quiz.deps.ticked', { n: draft.cells.length })}</p>
    </div>
  );
}

/** The answer form of an exercise. */
export function QuizAnswer({ ex, solved }: { ex: Exercise; solved: boolean }) {
  const { t, cellName, label } = useI18n();
  const id = useId();
  const [predict, setPredict] = useDraft('predict');
  const [shape, setShape] = useDraft('shape');
  const [formula, setFormula] = useDraft('formula');
  const [bug, setBug] = useDraft('bug');
  if (ex.kind === 'predict') {
    return (
      <p className="quiz-field">
        <label htmlFor={`${id}-v`}>{t('quiz.answer.value', { cell: cellName(ex.cell) })}</label>
        <input id={`${id}-v`} type="text" inputMode="decimal" size={10} value={predict.text} readOnly={solved} onChange={(e) => setPredict({ kind: 'predict', text: e.target.value })} data-quiz-input="value" />
      </p>
    );
  }
  if (ex.kind === 'deps') return <DepsPicker ex={ex} solved={solved} />;
  if (ex.kind === 'shape') {
    return (
      <p className="quiz-field">
        <label htmlFor={`${id}-r`}>{t('quiz.answer.rows')}</label>
        <input id={`${id}-r`} type="text" inputMode="numeric" size={4} value={shape.rows} readOnly={solved} onChange={(e) => setShape({ ...shape, rows: e.target.value })} data-quiz-input="rows" />
        <span aria-hidden="true"> × </span>
        <label htmlFor={`${id}-c`}>{t('quiz.answer.cols')}</label>
        <input id={`${id}-c`} type="text" inputMode="numeric" size={4} value={shape.cols} readOnly={solved} onChange={(e) => setShape({ ...shape, cols: e.target.value })} data-quiz-input="cols" />
      </p>
    );
  }
  if (ex.kind === 'formula') {
    return (
      <fieldset className="quiz-choices">
        <legend>{t('quiz.formula.legend')}</legend>
        {ex.options.map((o, k) => (
          <label key={k} className="quiz-choice">
            <input type="radio" name={`${id}-f`} checked={formula.choice === k} disabled={solved} onChange={() => setFormula({ kind: 'formula', choice: k })} data-choice={k} />
            <span className="quiz-option-name">{t('quiz.formula.option', { k: k + 1 })}</span>
            <Tex tex={o} />
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <fieldset className="quiz-choices quiz-bug">
      <legend>{t('quiz.bug.legend')}</legend>
      {ex.gradients.map((g) => (
        <div key={g.node} className="quiz-gradient">
          <label className="quiz-choice">
            <input type="radio" name={`${id}-b`} checked={bug.node === g.node} disabled={solved} onChange={() => setBug({ kind: 'bug', node: g.node })} data-choice={g.node} />
            {label(g.node)}
          </label>
          <GradientCheck g={g} checked={solved} />
        </div>
      ))}
    </fieldset>
  );
}
