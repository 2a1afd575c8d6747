// Practice, as the first screen names it: the header's button and the link's notices about quiz=, qseed and qn.
// The mode's own wording comes with its panel (lazy/quiz.ts).
// Part of the English catalogue (../enFirst.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** Practice before its panel has loaded. */
export const quizShell = {
  'notice.quiz.kind': 'quiz=“{raw}” is not a kind of exercise; left out (use {options}).',
  'notice.qseed': 'qseed=“{raw}” is not a whole number; using {fallback}.',
  'notice.qn': 'qn=“{raw}” is not a count from {min} to {max}; using {value}.',
  'quiz.open': 'Practice',
  'quiz.open.label': 'Practice: exercises on this lesson',
} as const;
