// A tour in a link (`tour=`): compact and URL-safe. The tour is written as a
// short JSON array, [version, title, [[state as a query string, caption,
// question?], …]], and sent either as it is ('j') or deflated ('z'),
// whichever is shorter, in base64url. Reading checks it exactly as a file is
// checked (format.ts), and refuses a code that inflates past the size limit.
// Pure: no DOM, no store.
import { deflateSync, inflateSync } from 'fflate';
import { fromBase64Url, toBase64Url } from '../core/base64.ts';
export { fromBase64Url, toBase64Url } from '../core/base64.ts';
import { MAX_BYTES, TOUR_FORMAT, TOUR_VERSION, type Tour, type TourCheck, checkTour, stateRecord, tooBig } from './format.ts';

const query = (state: Tour['stops'][number]['state']): string => new URLSearchParams(Object.keys(state).map((k) => [k, state[k]])).toString();

/** A tour as a link's `tour=` value. */
export function encodeTour(tour: Tour): string {
  const compact = [TOUR_VERSION, tour.title, tour.stops.map((s) => (s.question !== undefined ? [query(s.state), s.caption, s.question] : [query(s.state), s.caption]))];
  const bytes = new TextEncoder().encode(JSON.stringify(compact));
  const plain = `j${toBase64Url(bytes)}`;
  const packed = `z${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
  return packed.length < plain.length ? packed : plain;
}

/** The file object a compact array stands for, so both go through one check. */
function fileOf(compact: unknown): unknown {
  if (!Array.isArray(compact) || compact.length !== 3 || !Array.isArray(compact[2])) return compact;
  const [version, title, stops] = compact as [unknown, unknown, unknown[]];
  return {
    format: TOUR_FORMAT,
    version,
    title,
    stops: stops.map((s) => {
      if (!Array.isArray(s) || typeof s[0] !== 'string') return s;
      const state = stateRecord(new URLSearchParams(s[0]));
      return s.length > 2 ? { state, caption: s[1], question: s[2] } : { state, caption: s[1] };
    }),
  };
}

const unreadable: TourCheck = { tour: null, problems: [{ stop: null, message: { key: 'tour.problem.code' }, fatal: true }] };

/** Reads a link's `tour=` value; `params` are the lesson parameters a stop may set. Never throws. */
export function decodeTour(text: string, params: readonly string[]): TourCheck {
  if (text.length > MAX_BYTES * 2) return tooBig(text.length);
  const kind = text[0];
  const data = fromBase64Url(text.slice(1));
  if (data === null || (kind !== 'j' && kind !== 'z')) return unreadable;
  let bytes: Uint8Array;
  if (kind === 'z') {
    try {
      // One byte more than allowed: a code that fills it inflates past the limit.
      bytes = inflateSync(data, { out: new Uint8Array(MAX_BYTES + 1) });
    } catch {
      return unreadable;
    }
    if (bytes.length > MAX_BYTES) return tooBig(bytes.length);
  } else {
    if (data.length > MAX_BYTES) return tooBig(data.length);
    bytes = data;
  }
  let compact: unknown;
  try {
    compact = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return unreadable;
  }
  return checkTour(fileOf(compact), params);
}
