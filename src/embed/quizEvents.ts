// Watches the exercise mode and posts its xAPI statements to the host: each
// judged answer as it is made, and the set's completion once.
import { writeCell } from '../store/url.ts';
import type { AppStore } from '../store/store.ts';
import type { AppState } from '../store/state.ts';
import type { Answer } from '../core/index.ts';
import { lessonQuery } from './lessonState.ts';
import { passed } from '../store/quizSelectors.ts';
import { type XapiStatement, answeredStatement, completedStatements } from './xapi.ts';

/** An answer as the statement's response: the text typed, the shape, the cells, the choice. */
export function responseOf(a: Answer | undefined): string {
  if (!a) return '';
  switch (a.kind) {
    case 'predict':
      return a.text.trim();
    case 'shape':
      return `${a.rows.trim()}x${a.cols.trim()}`;
    case 'deps':
      return a.cells.map(writeCell).join(' ');
    case 'formula':
      return a.choice === null ? '' : String(a.choice);
    case 'bug':
      return a.node ?? '';
  }
}

/** The set's activity: this page, with the lesson and the set as a link names them. */
function setIdOf(store: AppStore, href: string): string {
  return `${href.split(/[?#]/)[0]}?${lessonQuery(store)}`;
}

/** Starts watching; returns the function that stops it. */
export function watchQuiz(store: AppStore, href: () => string, send: (s: XapiStatement) => void): () => void {
  let last: AppState['quizRecords'] = store.getState().quizRecords;
  let complete = store.select.quiz.score(store.getState()).complete;
  return store.subscribe((s) => {
    const records = s.quizRecords;
    if (records === last) return;
    const before = last;
    last = records;
    if (!s.quiz) return;
    const now = new Date().toISOString();
    const id = setIdOf(store, href());
    for (const [k, r] of Object.entries(records)) {
      const was = before[Number(k)];
      if (r.tries <= (was?.tries ?? 0)) continue;
      send(answeredStatement(id, { index: Number(k), kind: r.kind ?? '', response: responseOf(s.quizDrafts[Number(k)]), success: r.solved && !(was?.solved ?? false), hints: r.hints }, now));
    }
    const score = store.select.quiz.score(s);
    if (score.complete && !complete) for (const st of completedStatements(id, { ...score, passed: passed(score) }, now)) send(st);
    complete = score.complete;
  });
}
