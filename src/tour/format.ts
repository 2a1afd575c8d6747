// The tour file, a public contract (README.md): { format, version, title,
// stops: [{ state, caption, question? }] }. Checked here field by field into
// typed values; nothing foreign passes inward and no prototype key gets
// through. Pure: no DOM, no store.
import { type Msg, code } from '../core/index.ts';
import type { TourMessageKey } from './messages.ts';

export const TOUR_FORMAT = 'backprop-dense-tour';
export const TOUR_VERSION = 1;
/** The most stops a tour may have. */
export const MAX_STOPS = 200;
/** The largest tour accepted, in bytes of its JSON text (1 MB). */
export const MAX_BYTES = 1_000_000;
/** The longest caption, question or title, in characters. */
export const MAX_TEXT = 2000;

/** A lesson as a link holds it: URL parameters and their values, as strings. */
export type TourState = Readonly<Record<string, string>>;

/** One stop: the whole lesson, a caption with inline maths between $…$, and maybe a question for the class. */
export interface TourStop {
  readonly state: TourState;
  readonly caption: string;
  readonly question?: string;
}

/** A tour: a title and its stops, in order. */
export interface Tour {
  readonly title: string;
  readonly stops: readonly TourStop[];
}

/** A message about a tour. */
export type TourNote = Msg<TourMessageKey>;

/** Something wrong with a tour: about the whole tour (stop null) or one stop, numbered from 1. */
export interface TourProblem {
  readonly stop: number | null;
  readonly message: TourNote;
  /** Whether the whole tour was refused for it. */
  readonly fatal: boolean;
}

/** What checking a tour found: the tour (null when refused) and every problem. */
export interface TourCheck {
  readonly tour: Tour | null;
  readonly problems: readonly TourProblem[];
}

const tn = (key: TourMessageKey, params?: TourNote['params']): TourNote => (params ? { key, params } : { key });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

/** A null-prototype record, so no key can reach a prototype. */
export const stateRecord = (entries: Iterable<readonly [string, string]>): TourState => {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of entries) out[k] = v;
  return out;
};

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** Checks one stop; returns it, or the problem that leaves it out. */
function checkStop(raw: unknown, params: readonly string[]): TourStop | TourNote {
  if (!isRecord(raw)) return tn('tour.problem.stop.notObject');
  const state = own(raw, 'state');
  if (!isRecord(state)) return tn('tour.problem.stop.state');
  const entries: [string, string][] = [];
  for (const k of Object.keys(state)) {
    if (!params.includes(k)) return tn('tour.problem.stop.param', { name: code(k) });
    const v = state[k];
    if (typeof v !== 'string' || v.length > MAX_BYTES) return tn('tour.problem.stop.value', { name: code(k) });
    entries.push([k, v]);
  }
  const caption = own(raw, 'caption') ?? '';
  if (!text(caption)) return tn('tour.problem.stop.caption', { max: MAX_TEXT });
  const question = own(raw, 'question');
  if (question !== undefined && !text(question)) return tn('tour.problem.stop.question', { max: MAX_TEXT });
  return question === undefined || question === '' ? { state: stateRecord(entries), caption } : { state: stateRecord(entries), caption, question };
}

const refuse = (message: TourNote): TourCheck => ({ tour: null, problems: [{ stop: null, message, fatal: true }] });

/**
 * Checks a parsed tour file against the format, with `params` the lesson parameters a stop may set.
 * Refuses a tour of another format, a newer version, or with no usable stop; leaves out each bad stop
 * (saying why) and keeps the first MAX_STOPS of a longer tour. Never throws.
 */
export function checkTour(raw: unknown, params: readonly string[]): TourCheck {
  if (!isRecord(raw)) return refuse(tn('tour.problem.notObject'));
  const format = own(raw, 'format');
  if (format !== TOUR_FORMAT) return refuse(tn('tour.problem.format', { raw: code(String(format).slice(0, 60)), want: code(TOUR_FORMAT) }));
  const version = own(raw, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse(tn('tour.problem.versionBad', { raw: code(String(version).slice(0, 20)) }));
  if (version > TOUR_VERSION) return refuse(tn('tour.problem.version', { version, known: TOUR_VERSION }));
  const stopsRaw = own(raw, 'stops');
  if (!Array.isArray(stopsRaw) || stopsRaw.length === 0) return refuse(tn('tour.problem.noStops'));
  const problems: TourProblem[] = [];
  const titleRaw = own(raw, 'title') ?? '';
  const title = text(titleRaw) ? titleRaw : '';
  if (!text(titleRaw)) problems.push({ stop: null, message: tn('tour.problem.title', { max: MAX_TEXT }), fatal: false });
  if (stopsRaw.length > MAX_STOPS) problems.push({ stop: null, message: tn('tour.problem.tooMany', { n: stopsRaw.length, max: MAX_STOPS }), fatal: false });
  const stops: TourStop[] = [];
  stopsRaw.slice(0, MAX_STOPS).forEach((s: unknown, k) => {
    const checked = checkStop(s, params);
    if ('key' in checked) problems.push({ stop: k + 1, message: checked, fatal: false });
    else stops.push(checked);
  });
  if (stops.length === 0) return { tour: null, problems: [...problems, { stop: null, message: tn('tour.problem.noStops'), fatal: true }] };
  return { tour: { title, stops }, problems };
}

/** The refusal of a tour of `bytes` bytes, over MAX_BYTES. */
export const tooBig = (bytes: number): TourCheck => refuse(tn('tour.problem.tooBig', { bytes, max: MAX_BYTES }));

/** Reads a tour file's text: refuses one over MAX_BYTES before parsing it, and text that is not JSON. */
export function readTourText(json: string, params: readonly string[]): TourCheck {
  if (json.length > MAX_BYTES) return tooBig(json.length);
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > MAX_BYTES) return tooBig(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return refuse(tn('tour.problem.json'));
  }
  return checkTour(raw, params);
}

/** A tour as its file holds it. */
export function tourFile(tour: Tour): object {
  return { format: TOUR_FORMAT, version: TOUR_VERSION, title: tour.title, stops: tour.stops.map((s) => ({ state: { ...s.state }, caption: s.caption, ...(s.question !== undefined ? { question: s.question } : {}) })) };
}

/** A tour's file text, pretty-printed. */
export const tourText = (tour: Tour): string => JSON.stringify(tourFile(tour), null, 2);
