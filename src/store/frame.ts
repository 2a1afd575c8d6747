// How the app sits in its page: embedded or not, which sections it shows,
// whether the learner may change the lesson, and which host origins may
// command it. Read once from the URL (embed, show, lock, origin) and written
// back into the frame's own link, but never part of the lesson's state: a
// host cannot change them by message. A public contract: see README.md and
// docs/embedding.md.
import { code } from '../core/index.ts';
import { type Note, note } from './messages.ts';

/** The sections `show=` can list, in page order. */
export const SECTIONS = ['controls', 'player', 'forward', 'backward', 'derivation', 'jacobian'] as const;
export type Section = (typeof SECTIONS)[number];

/** The URL parameters that describe the frame rather than the lesson. */
export const FRAME_PARAMS = ['embed', 'show', 'lock', 'origin'] as const;

export interface Frame {
  /** Compact header for a host page (`embed=1`). */
  embed: boolean;
  /** The sections shown (`show=`); all of them unless the link says otherwise. */
  show: readonly Section[];
  /** The lesson is read-only for the learner (`lock=1`): hovering, focusing and playing still work. */
  lock: boolean;
  /**
   * The origins allowed to command the app and to hear its events (`origin=`),
   * or null when the link names none: then the parent window commands, and
   * events go to '*' (they hold only what a link holds).
   */
  origins: readonly string[] | null;
}

export const DEFAULT_FRAME: Frame = { embed: false, show: SECTIONS, lock: false, origins: null };

const FLAG_WORDS: Readonly<Record<string, boolean>> = { '1': true, true: true, yes: true, '0': false, false: false, no: false, '': true };

/** A flag parameter's value (1, true, yes or empty; 0, false or no), or undefined when it is none of these. */
export const flagWord = (raw: string): boolean | undefined =>
  Object.prototype.hasOwnProperty.call(FLAG_WORDS, raw.trim()) ? FLAG_WORDS[raw.trim()] : undefined;

/** An origin as `URL.origin` writes it (scheme, host, port), or null when `raw` is not a web origin. */
export function normalOrigin(raw: string): string | null {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (u.origin !== raw.replace(/\/$/, '')) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** Reads the frame's parameters. Never throws: each bad value becomes a notice and a fallback. */
export function readFrame(get: (name: string) => string | null, say: (param: string, message: Note) => void): Frame {
  const flag = (name: 'embed' | 'lock'): boolean => {
    const raw = get(name);
    if (raw === null) return false;
    const v = flagWord(raw);
    if (v === undefined) say(name, note('notice.flag', { name: code(name), raw: code(raw) }));
    return v ?? false;
  };
  const embed = flag('embed');
  const lock = flag('lock');
  let show: readonly Section[] = SECTIONS;
  const rawShow = get('show');
  if (rawShow !== null) {
    const words = rawShow.split(',').map((w) => w.trim()).filter((w) => w !== '');
    const known = words.filter((w): w is Section => (SECTIONS as readonly string[]).includes(w));
    const unknown = words.filter((w) => !(SECTIONS as readonly string[]).includes(w));
    if (unknown.length > 0) say('show', note('notice.show.unknown', { raw: code(unknown.join(', ')), options: code(SECTIONS.join(', ')) }));
    if (known.length > 0) show = SECTIONS.filter((s) => known.includes(s));
    else if (words.length > 0 || rawShow.trim() === '') say('show', note('notice.show.none', { options: code(SECTIONS.join(', ')) }));
  }
  const rawOrigin = get('origin');
  // A list that names nothing usable is still a list: it must not fall back to "any parent may command".
  const origins: string[] | null = rawOrigin === null ? null : [];
  if (rawOrigin !== null && origins !== null) {
    for (const w of rawOrigin.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
      const o = normalOrigin(w);
      if (o === null) say('origin', note('notice.origin', { raw: code(w) }));
      else if (!origins.includes(o)) origins.push(o);
    }
  }
  return { embed, show, lock, origins };
}

/** The frame's parameters as a link writes them, in order; those at their defaults left out. */
export function writeFrame(f: Frame): [string, string][] {
  const out: [string, string][] = [];
  if (f.embed) out.push(['embed', '1']);
  if (f.show.length !== SECTIONS.length) out.push(['show', f.show.join(',')]);
  if (f.lock) out.push(['lock', '1']);
  if (f.origins !== null) out.push(['origin', f.origins.join(',')]);
  return out;
}

/** Whether a section is shown. */
export const shows = (f: Frame, s: Section): boolean => f.show.includes(s);
