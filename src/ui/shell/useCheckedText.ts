// A numeric field's text: kept as typed and checked on every change, but
// applied only on Enter or on leaving the field, so that typing "10" never
// passes through a lesson of size 1 (which would drop values typed into the
// grids). Reset whenever the stored value changes.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { parseNumber } from '../../store/parse.ts';

/** The text, its problem (null when it is fine), and the handlers of the field. */
export function useCheckedText(value: number, problem: (v: number) => string | null, notNumber: string, apply: (v: number) => void) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const check = (t: string): number | null => {
    const v = parseNumber(t);
    const why = v === null ? notNumber : problem(v);
    setError(why);
    return why === null ? v : null;
  };
  const onText = (t: string) => {
    setText(t);
    check(t);
  };
  /** Applies t (by default what is typed) when it is valid; otherwise keeps it with its message. */
  const commit = (t: string = text) => {
    setText(t);
    const v = check(t);
    if (v !== null && v !== value) apply(v);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    }
  };
  return { text, error, onText, commit, onKeyDown };
}
