// The lesson's controls: convention, sizes, loss, seed, and a shareable link.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { CONVENTIONS, CONVENTION_INFO, LOSS_KINDS, type LossKind, type Sizes } from '../../core/index.ts';
import { parseNumber } from '../../store/parse.ts';
import { SIZE_MAX, SIZE_MIN } from '../../store/url.ts';
import { useApp, useAppStore } from '../storeContext.tsx';
import { Tex } from '../derivation/Tex.tsx';

const LOSS_LABEL: Record<LossKind, string> = {
  mse: 'mean squared error',
  'softmax-ce': 'cross-entropy',
  sum: 'sum of y',
  upstream: 'dL/dy given',
};

const SIZE_WORD: Record<keyof Sizes, string> = { B: 'batch', N: 'inputs', T: 'outputs' };

/**
 * Text typed into a numeric field: kept as typed and checked on every change,
 * but applied only on Enter or on leaving the field, so that typing "10" never
 * passes through a lesson of size 1 (which would drop values typed into the
 * grids). Reset whenever the stored value changes.
 */
function useCheckedText(value: number, problem: (v: number) => string | null, apply: (v: number) => void) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const check = (t: string): number | null => {
    const v = parseNumber(t);
    const why = v === null ? (problem(Number.NaN) ?? 'Type a number.') : problem(v);
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

/** A size field that keeps whatever was typed and says what is wrong with it. */
function SizeField({ name }: { name: keyof Sizes }) {
  const store = useAppStore();
  const value = useApp((s) => s.config[name]);
  const id = useId();
  const inRange = (v: number) => (Number.isInteger(v) && v >= SIZE_MIN && v <= SIZE_MAX ? null : `${name} must be a whole number from ${SIZE_MIN} to ${SIZE_MAX}.`);
  const { text, error, onText, commit, onKeyDown } = useCheckedText(value, inRange, (v) => store.getState().setSize(name, v));
  return (
    <div className="field size-field">
      <label htmlFor={id}>
        {name} <span className="muted-text">({SIZE_WORD[name]})</span>
      </label>
      <input
        id={id}
        name={name}
        type="text"
        inputMode="numeric"
        size={3}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            commit(String(Math.min(SIZE_MAX, Math.max(SIZE_MIN, value + (e.key === 'ArrowUp' ? 1 : -1)))));
          } else onKeyDown(e);
        }}
      />
      {error && (
        <span id={`${id}-err`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The seed field and the randomise button. */
function SeedField() {
  const store = useAppStore();
  const seed = useApp((s) => s.seed);
  const whole = (v: number) =>
    !Number.isInteger(v) ? 'The seed must be a whole number.' : Math.abs(v) > 2 ** 31 ? 'The seed must lie between −2147483648 and 2147483648.' : null;
  const { text, error, onText, commit, onKeyDown } = useCheckedText(seed, whole, (v) => store.getState().setSeed(v));
  return (
    <div className="field seed-field">
      <label htmlFor="seed">seed</label>
      <input
        id="seed"
        type="text"
        inputMode="numeric"
        size={7}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? 'seed-err' : undefined}
        onChange={(e) => onText(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        onClick={() => {
          const buf = new Uint32Array(1);
          crypto.getRandomValues(buf);
          commit(String(buf[0] % 100000));
        }}
      >
        Randomise
      </button>
      {error && (
        <span id="seed-err" className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Copies the page's link, which holds the whole lesson. */
function CopyLink() {
  const [said, setSaid] = useState('');
  // When the clipboard is refused (an iframe without permission, an old browser), the link is shown to copy by hand:
  // inside an iframe the address bar would hold the host page, not this lesson.
  const [manual, setManual] = useState<string | null>(null);
  return (
    <div className="field">
      <button
        type="button"
        onClick={async () => {
          const href = window.location.href;
          try {
            await navigator.clipboard.writeText(href);
            setManual(null);
            setSaid('Link copied: it reopens this exact lesson.');
          } catch {
            setManual(href);
            setSaid('Copy this link by hand: it reopens this exact lesson.');
          }
        }}
      >
        Copy link
      </button>
      <span role="status" className="muted-text">
        {said}
      </span>
      {manual !== null && (
        <input className="manual-link" type="text" readOnly aria-label="Link to this lesson" value={manual} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}

/** All controls. */
export function Controls() {
  const store = useAppStore();
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  return (
    <form className="controls" aria-label="Lesson settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field conventions">
        <legend>Convention</legend>
        {CONVENTIONS.map((c) => (
          <label key={c} className={c === conv ? 'seg on' : 'seg'}>
            <input type="radio" name="conv" value={c} checked={c === conv} onChange={() => store.getState().setConvention(c)} />
            <span className="seg-name">{c}</span> <Tex tex={CONVENTION_INFO[c].forwardTex} />
          </label>
        ))}
      </fieldset>
      <SizeField name="B" />
      <SizeField name="N" />
      <SizeField name="T" />
      <div className="field">
        <label htmlFor="loss">loss</label>
        <select id="loss" value={loss} onChange={(e) => store.getState().setLoss(e.target.value as LossKind)}>
          {LOSS_KINDS.map((l) => (
            <option key={l} value={l}>
              {l} ({LOSS_LABEL[l]})
            </option>
          ))}
        </select>
      </div>
      <SeedField />
      <CopyLink />
    </form>
  );
}
