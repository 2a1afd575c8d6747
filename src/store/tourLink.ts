// The tour's own URL parameters: `tour=` (the tour, as src/tour/codec.ts
// writes it) and `stop=` (the stop shown, from 1). Read raw here, checked by
// the store; like the frame, not part of a lesson. A public contract: see README.md.
import { code } from '../core/index.ts';
import { type Note, note } from './messages.ts';

/** The tour a link carries, as written, and the stop it shows (null: the first, with its lesson). */
export interface TourLink {
  code: string;
  stop: number | null;
}

/** The tour's URL parameters. */
export const TOUR_PARAMS = ['tour', 'stop'] as const;

/** Reads `tour=` and `stop=`; a bad stop becomes a notice and the first stop. */
export function readTourLink(get: (name: string) => string | null, say: (param: string, message: Note) => void): TourLink | null {
  const tour = get('tour');
  const rawStop = get('stop');
  if (tour === null) return null;
  if (rawStop === null) return { code: tour, stop: null };
  const n = Number(rawStop);
  if (/^\s*\d+\s*$/.test(rawStop) && n >= 1) return { code: tour, stop: n };
  say('stop', note('notice.tour.stopBad', { raw: code(rawStop) }));
  return { code: tour, stop: null };
}

/** The tour's parameters as a link writes them. */
export const writeTourLink = (t: TourLink | null | undefined): [string, string][] =>
  t ? [['tour', t.code], ...(t.stop !== null ? ([['stop', String(t.stop)]] as [string, string][]) : [])] : [];
