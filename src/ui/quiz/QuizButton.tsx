// The header's Practice button: opens the exercise mode on a set of every kind (its panel is a chunk of its own).
import { EXERCISE_KINDS } from '../../core/index.ts';
import { QUIZ_DEFAULTS } from '../../store/quizLink.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';

/** Opens the exercise mode; nothing while it is open. */
export function QuizButton() {
  const { t } = useI18n();
  const store = useAppStore();
  const open = useApp((s) => s.quiz !== null);
  if (open) return null;
  return (
    <button type="button" className="quiz-open" aria-label={t('quiz.open.label')} onClick={() => void store.getState().openQuiz({ kinds: EXERCISE_KINDS, adaptive: false, ...QUIZ_DEFAULTS })}>
      {t('quiz.open')}
    </button>
  );
}
