// Parsing what a learner types or pastes: numbers and matrices.
import { code, parseNumber } from '../core/index.ts';
import { type Note, note } from './messages.ts';

export { parseNumber };

/** Why a typed value was refused, or null when it is a finite number. */
export function numberProblem(text: string): Note | null {
  if (text.trim() === '') return note('edit.empty');
  if (parseNumber(text) === null) return note('edit.notNumber', { text: text.trim() });
  return null;
}

/** What is wrong with a matrix written as rows separated by ';' and entries by ',', or null when nothing is. */
export function matrixTextProblem(text: string): Note | null {
  if (text.trim() === '') return note('problem.empty');
  const rows = text.split(';').map((r) => r.split(','));
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((v) => parseNumber(v) === null);
    if (c >= 0) return note('problem.notNumber', { text: code(rows[r][c].trim()), row: r });
  }
  const k = rows.findIndex((r) => r.length !== rows[0].length);
  if (k >= 0) return note('problem.ragged', { first: rows[0].length, row: k, n: rows[k].length });
  return null;
}

/** A matrix written as rows separated by ';' and entries by ','. Returns null when malformed. */
export function parseMatrixText(text: string): number[][] | null {
  if (text.trim() === '') return null;
  const rows = text.split(';').map((r) => r.split(',').map(parseNumber));
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width || r.some((v) => v === null))) return null;
  return rows as number[][];
}

/** Writes a number so that parsing it gives the same double back. */
export function writeNumber(v: number): string {
  return String(v + 0);
}
