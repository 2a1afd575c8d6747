// A pasted table made into a dataset: numbers separated by commas (or tabs or semicolons), one sample per
// line, the last column the target. What is wrong is named by row and column, as the learner counts them.
import type { Msg } from '../messages.ts';
import { code, msg } from '../messages.ts';
import { parseNumber } from '../parseNumber.ts';
import type { Dataset } from './dataset.ts';
import { classificationData, split, standardise } from './dataset.ts';

/** At most this many numbers in a pasted table. */
export const CSV_MAX_NUMBERS = 2_000_000;
/** Targets that are whole numbers below this are classes. */
export const CSV_MAX_CLASSES = 20;
const SHOWN_ERRORS = 8;

/** A table read from text: its samples' features and targets, its column names, and what was wrong. */
export interface CsvTable {
  rows: number[][];
  targets: number[];
  names: string[] | null;
  /** Classes when every target is a whole number from 0 to CSV_MAX_CLASSES − 1 and there are two or more; values otherwise. */
  loss: 'mse' | 'softmax-ce';
  problems: Msg[];
}

const cellsOf = (line: string): string[] => line.split(line.includes('\t') ? '\t' : line.includes(';') && !line.includes(',') ? ';' : ',');

/** Reads a pasted table. Blank lines and lines starting with '#' are skipped; a first line of words is the header. */
export function parseCsv(text: string): CsvTable {
  const problems: Msg[] = [];
  let more = 0;
  const say = (m: Msg) => (problems.length < SHOWN_ERRORS ? problems.push(m) : more++);
  const lines = text.split(/\r\n|\r|\n/).map((l, k) => ({ line: l.trim(), row: k + 1 })).filter((l) => l.line !== '' && !l.line.startsWith('#'));
  const out: CsvTable = { rows: [], targets: [], names: null, loss: 'mse', problems };
  if (lines.length === 0) {
    problems.push(msg('train.csv.empty'));
    return out;
  }
  const first = cellsOf(lines[0].line).map((c) => c.trim());
  if (first.every((c) => parseNumber(c) === null)) {
    out.names = first;
    lines.shift();
  }
  const width = out.names?.length ?? first.length;
  if (width < 2) say(msg('train.csv.tooFewColumns', { row: lines[0]?.row ?? 1 }));
  if (lines.length * width > CSV_MAX_NUMBERS) {
    problems.push(msg('train.csv.tooMany', { count: lines.length * width, max: CSV_MAX_NUMBERS }));
    return out;
  }
  for (const { line, row } of lines) {
    const cells = cellsOf(line);
    if (cells.length !== width) {
      say(msg('train.csv.columns', { row, found: cells.length, expected: width }));
      continue;
    }
    const values = cells.map((c) => parseNumber(c));
    const bad = values.findIndex((v) => v === null);
    if (bad >= 0) {
      say(msg('train.csv.notNumber', { row, column: bad + 1, text: code(cells[bad].trim().slice(0, 40)) }));
      continue;
    }
    out.rows.push((values as number[]).slice(0, -1));
    out.targets.push(values[width - 1] as number);
  }
  if (more > 0) problems.push(msg('train.csv.moreErrors', { count: more }));
  if (problems.length === 0 && out.rows.length < 2) problems.push(msg('train.csv.tooFewRows', { count: out.rows.length }));
  const classes = out.targets.every((t) => Number.isInteger(t) && t >= 0 && t < CSV_MAX_CLASSES);
  out.loss = classes && new Set(out.targets).size >= 2 ? 'softmax-ce' : 'mse';
  return out;
}

/** A table without problems as a dataset: 20% held out (seeded), the features standardised with the training samples' statistics. */
export function csvData(table: CsvTable, seed: number): Dataset {
  if (table.loss === 'softmax-ce') return classificationData('csv', table.rows, table.targets, seed, 0.2);
  const n = table.rows.length, features = table.rows[0].length;
  const raw = new Float64Array(n * features);
  table.rows.forEach((r, s) => r.forEach((v, f) => (raw[s * features + f] = v)));
  const { train, test } = split(n, 0.2, seed);
  const { x, mean, std } = standardise(raw, features, train);
  return { id: 'csv', loss: 'mse', n, features, outputs: 1, x, scale: 1, y: Float64Array.from(table.targets), train, test, standardised: { mean, std } };
}
