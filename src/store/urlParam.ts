// The building blocks of the link's parameter table (url.ts): a parameter's reader and writer, and the two kinds
// that choose among words, with the notice a word outside the list gets; generic in the state they fill.
import { code } from '../core/index.ts';
import { type Note, note } from './messages.ts';

/** One URL parameter: how it is read into the state decoded so far, and written from a state. */
export interface Param<S> {
  name: string;
  read(raw: string, st: S, say: (message: Note) => void): void;
  write(st: S): string | null;
}

/** A parameter choosing one of a list of words. */
export function choice<S, T extends string>(name: string, words: readonly T[], get: (s: S) => T | null, set: (s: S, v: T) => void, fallback: (s: S) => T | null): Param<S> {
  return {
    name,
    read: (raw, st, say) => {
      if ((words as readonly string[]).includes(raw)) set(st, raw as T);
      else {
        const f = fallback(st);
        const options = code(words.join(', '));
        say(f === null ? note('notice.choice.auto', { name: code(name), raw: code(raw), options }) : note('notice.choice', { name: code(name), raw: code(raw), options, fallback: code(f) }));
      }
    },
    write: (st) => {
      const v = get(st);
      return v !== null && v !== fallback(st) ? v : null;
    },
  };
}

/** A parameter naming a table's value by its URL word. */
export function worded<S, T extends string>(name: string, table: Record<T, string>, get: (s: S) => T | null, set: (s: S, v: T) => void, dflt: T, allowed: (s: S) => readonly T[]): Param<S> {
  return {
    name,
    read: (raw, st, say) => {
      const ok = allowed(st);
      const hit = ok.find((k) => table[k] === raw);
      if (hit !== undefined) set(st, hit);
      else say(note('notice.choice', { name: code(name), raw: code(raw), options: code(ok.map((k) => table[k]).join(', ')), fallback: code(table[dflt]) }));
    },
    write: (st) => {
      const v = get(st);
      return v !== null && v !== dflt ? table[v] : null;
    },
  };
}
