// Training, as the first screen names it: the header's button, the link's notices and refusals about train=, and
// the store's messages. The view's own wording comes with it (lazy/train.ts, lazy/trainCharts.ts).
// Part of the English catalogue (../enFirst.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** Training before its view has loaded. */
export const trainShell = {
  'train.error.lr': 'The learning rate {value} is not a number above 0. Use one like 0.1 or 0.01.',
  'train.error.batch': 'The batch size {value} is not a whole number from 1 to {max}.',
  'train.error.epochs': 'The number of epochs {value} is not a whole number from 1 to {max}.',
  'notice.train.without': '{name} sets a training run, but the link names no dataset (train=regression, iris, mnist or csv); it was ignored.',
  'notice.train.option': '{problem} The run uses {fallback}.',
  'train.load.failed': 'The data could not be loaded: {problem}. Check the connection to this site and try again.',
  'train.start.failed': 'The run could not be prepared: {problem}. Reload the page to try again.',
  'train.explain.tooLarge': 'This update is too large for the lesson view: {batch, plural, one {# sample} other {# samples}}, {features, plural, one {# feature} other {# features}} and {outputs, plural, one {# output} other {# outputs}}, where the lesson shows at most {maxB, plural, one {# sample} other {# samples}}, {maxN, plural, one {# feature} other {# features}} and {maxT, plural, one {# output} other {# outputs}}. Use a smaller batch, or data with fewer features and outputs.',
  'train.csv.fix': 'Fix the table and press “Use this table” again; what you typed is kept.',
  'train.open': 'Train',
  'train.open.label': 'Train the layer on data by gradient descent',
  'train.title': 'Training: gradient descent on data',
  'train.settings': 'Settings',
};
