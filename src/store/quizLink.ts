// The exercise set in the link: quiz= names the kinds (or all) and adaptive,
// qseed= its seed and qn= how many exercises. A public contract: see README.md.
import { EXERCISE_KINDS, QUIZ_MAX, QUIZ_MIN, code, isExerciseKind, type ExerciseKind, type QuizSpec } from '../core/index.ts';
import { type Note, note } from './messages.ts';
import { parseNumber } from './parse.ts';

/** The set a link with quiz= but no qseed or qn gets. */
export const QUIZ_DEFAULTS = { seed: 1, count: 5 };

/** quiz=: the kinds, or 'all' for every one, and 'adaptive' among them for an adaptive set. */
export function writeQuiz(spec: QuizSpec): string {
  const all = EXERCISE_KINDS.every((k) => spec.kinds.includes(k));
  return [...(all ? ['all'] : spec.kinds), ...(spec.adaptive ? ['adaptive'] : [])].join(',');
}

/** Reads the set from the link's parameters, saying what was wrong; null without quiz=. */
export function readQuizLink(get: (name: string) => string | null, say: (param: string, message: Note) => void): QuizSpec | null {
  const raw = get('quiz');
  if (raw === null) return null;
  const words = raw.split(',').map((w) => w.trim()).filter((w) => w !== '');
  const kinds: ExerciseKind[] = [];
  let adaptive = false;
  for (const w of words) {
    if (w === 'all') kinds.push(...EXERCISE_KINDS);
    else if (w === 'adaptive') adaptive = true;
    else if (isExerciseKind(w)) kinds.push(w);
    else say('quiz', note('notice.quiz.kind', { raw: code(w), options: code(['all', 'adaptive', ...EXERCISE_KINDS].join(', ')) }));
  }
  const spec: QuizSpec = { kinds: kinds.length ? [...new Set(kinds)] : [...EXERCISE_KINDS], adaptive, ...QUIZ_DEFAULTS };
  const seed = get('qseed');
  if (seed !== null) {
    const v = parseNumber(seed);
    if (v !== null && Number.isInteger(v) && Math.abs(v) <= 2 ** 31) spec.seed = v;
    else say('qseed', note('notice.qseed', { raw: code(seed), fallback: QUIZ_DEFAULTS.seed }));
  }
  const n = get('qn');
  if (n !== null) {
    const v = parseNumber(n);
    if (v === null) say('qn', note('notice.qn', { raw: code(n), min: QUIZ_MIN, max: QUIZ_MAX, value: QUIZ_DEFAULTS.count }));
    else {
      spec.count = Math.min(QUIZ_MAX, Math.max(QUIZ_MIN, Math.round(v)));
      if (spec.count !== v) say('qn', note('notice.qn', { raw: code(n), min: QUIZ_MIN, max: QUIZ_MAX, value: spec.count }));
    }
  }
  return spec;
}

/** The link's parameters for a set (none without one): quiz, qseed and qn, always all three so a class gets the same set. */
export function writeQuizLink(spec: QuizSpec | null | undefined): [string, string][] {
  return spec ? [['quiz', writeQuiz(spec)], ['qseed', String(spec.seed)], ['qn', String(spec.count)]] : [];
}
