// The exercise mode: the set's position and score, the exercise shown with
// its question, answer form, Check and Hint, the hints taken and the feedback.
// Questions and feedback are announced in a live region.
import { useId } from 'react';
import { HINT_LEVELS, JACOBIAN_SPECS, jacobianOf, type Activation, type Exercise, type Verdict } from '../../core/index.ts';
import { Rich } from '../strings/Rich.tsx';
import { Tex } from '../derivation/Tex.tsx';
import { useApp, useAppStore, useI18n, useSelectors, withStrings } from '../storeContext.tsx';
import { passed } from '../../store/quizSelectors.ts';
import { QuizAnswer } from './QuizAnswer.tsx';
import './quiz.css';
import { quiz } from '../strings/en/lazy/quiz.ts';

type I18n = ReturnType<typeof useI18n>;

/** The question of an exercise, as a sentence. */
function question(ex: Exercise, { t, cellName, label }: I18n, activation: Activation): string {
  switch (ex.kind) {
    case 'predict':
      return t('quiz.q.predict', { cell: cellName(ex.cell) });
    case 'deps':
      return t('quiz.q.deps', { cell: cellName(ex.cell) });
    case 'shape':
      return 'gradient' in ex.of ? t('quiz.q.shape.gradient', { name: label(ex.of.gradient) }) : t('quiz.q.shape.jacobian', { name: `∂${label(jacobianOf(ex.of.jacobian, activation).of)}/∂${label(JACOBIAN_SPECS[ex.of.jacobian].by)}` });
    case 'formula':
      return t('quiz.q.formula', { name: label(ex.node) });
    case 'bug':
      return t('quiz.q.bug');
  }
}

/** What the last Check said, and once solved what the answer was. */
function feedback(ex: Exercise, verdict: Verdict | null, solved: boolean, hints: number, i18n: I18n): string {
  const { t, msg, cellName, fmt } = i18n;
  if (verdict?.status === 'invalid') return msg(verdict.problem);
  if (verdict?.status === 'wrong') return t('quiz.wrong');
  if (!solved) return '';
  const right = hints > 0 ? t('quiz.correct.hinted', { n: hints }) : t('quiz.correct');
  if (ex.kind === 'predict') return `${right} ${t('quiz.solved.predict', { cell: cellName(ex.cell), value: fmt.text(ex.answer, 6) })}`;
  if (ex.kind === 'deps') return `${right} ${t('quiz.solved.cell', { cell: cellName(ex.cell) })}`;
  if (ex.kind === 'bug') return `${right} ${t('quiz.bug.found', { bug: t(`quiz.bug.${ex.bug}`) })}`;
  return right;
}

/** The exercise mode's panel; nothing outside the mode. */
function QuizPanel() {
  const i18n = useI18n();
  const { t } = i18n;
  const store = useAppStore();
  const select = useSelectors();
  const heading = useId();
  const quiz = useApp((s) => s.quiz);
  const activation = useApp((s) => s.config.activation);
  const index = useApp((s) => s.quizIndex);
  const ex = useApp(select.quiz.current);
  const score = useApp(select.quiz.score);
  const hints = useApp(select.quiz.hints);
  const verdict = useApp((s) => s.quizVerdict);
  const solved = useApp((s) => s.quizRecords[s.quizIndex]?.solved ?? false);
  if (!quiz || !ex) return null;
  const st = () => store.getState();
  const said = feedback(ex, verdict, solved, hints.length, i18n);
  const asked = question(ex, i18n, activation);
  const done = score.complete ? t('quiz.done', { correct: score.correct, n: score.n, verdict: t(passed(score) ? 'quiz.passed' : 'quiz.failed') }) : '';
  return (
    <section className="quiz" aria-labelledby={heading} data-quiz-kind={ex.kind} data-quiz-index={index}>
      <div className="quiz-bar">
        <h2 id={heading}>{t('quiz.title')}</h2>
        <p className="quiz-position">{t('quiz.position', { k: index + 1, n: score.n })}</p>
        <p className="quiz-score" data-quiz-score={`${score.answered},${score.correct},${score.hints}`}>
          {t('quiz.score', { answered: score.answered, n: score.n, correct: score.correct, hints: score.hints })}
        </p>
        <label className="quiz-adaptive">
          <input type="checkbox" checked={quiz.adaptive} onChange={(e) => st().setQuizAdaptive(e.target.checked)} />
          {t('quiz.adaptive')}
        </label>
        <button type="button" onClick={() => st().resetQuiz()}>
          {t('quiz.reset')}
        </button>
        <button type="button" onClick={() => st().closeQuiz()}>
          {t('quiz.close')}
        </button>
      </div>
      <form
        className="quiz-body"
        onSubmit={(e) => {
          e.preventDefault();
          st().submitQuiz();
        }}
      >
        <h3 className="quiz-kind">{t(`quiz.kind.${ex.kind}`)}</h3>
        <p className="quiz-question">{asked}</p>
        <QuizAnswer ex={ex} solved={solved} />
        <div className="quiz-actions">
          <button type="submit" disabled={solved}>
            {t('quiz.check')}
          </button>
          <button type="button" disabled={solved || hints.length >= HINT_LEVELS} onClick={() => st().takeHint()}>
            {t('quiz.hint')}
          </button>
          <button type="button" disabled={index === 0} onClick={() => st().setQuizIndex(index - 1)}>
            {t('quiz.prev')}
          </button>
          <button type="button" disabled={index + 1 >= score.n} onClick={() => st().setQuizIndex(index + 1)}>
            {t('quiz.next')}
          </button>
        </div>
        {hints.length > 0 && (
          <ol className="quiz-hints">
            {hints.map((h) => (
              <li key={h.level} data-hint={h.level}>
                <span className="sr-only">{t('quiz.hint.counter', { k: h.level, n: HINT_LEVELS })}: </span>
                <Rich m={h.text} /> {h.tex && <Tex tex={h.tex} />}
              </li>
            ))}
          </ol>
        )}
        <p className={`quiz-feedback ${verdict?.status ?? (solved ? 'correct' : '')}`} data-quiz-feedback={verdict?.status ?? (solved ? 'correct' : '')}>
          {said}
        </p>
        {done && <p className="quiz-done">{done}</p>}
      </form>
      {/* One polite region: the question when an exercise is shown, then what Check says. */}
      <p className="sr-only" aria-live="polite" data-quiz-live="">
        {said || done ? `${said} ${done}` : `${t('quiz.position', { k: index + 1, n: score.n })}. ${asked}`}
      </p>
    </section>
  );
}

export default withStrings([quiz], QuizPanel);
