// The lesson's controls: convention, sizes, loss, seed, and a shareable link.
import { useEffect, useId, useState } from 'react';
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
 * Text typed into a numeric field: kept as typed, checked on every change, and
 * applied only when valid; reset whenever the stored value changes.
 */
function useCheckedText(value: number, problem: (v: number) => string | null, commit: (v: number) => void) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(String(value));
    setError(null);
  }, [value]);
  const onText = (t: string) => {
    setText(t);
    const v = parseNumber(t);
    const why = v === null ? (problem(Number.NaN) ?? 'Type a number.') : problem(v);
    setError(why);
    if (why === null && v !== null) commit(v);
  };
  return { text, error, onText };
}

/** A size field that keeps whatever was typed and says what is wrong with it. */
function SizeField({ name }: { name: keyof Sizes }) {
  const store = useAppStore();
  const value = useApp((s) => s.config[name]);
  const id = useId();
  const inRange = (v: number) => (Number.isInteger(v) && v >= SIZE_MIN && v <= SIZE_MAX ? null : `${name} must be a whole number from ${SIZE_MIN} to ${SIZE_MAX}.`);
  const { text, error, onText: apply } = useCheckedText(value, inRange, (v) => store.getState().setSize(name, v));
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
        onChange={(e) => apply(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            const next = Math.min(SIZE_MAX, Math.max(SIZE_MIN, value + (e.key === 'ArrowUp' ? 1 : -1)));
            apply(String(next));
          }
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
  const whole = (v: number) => (Number.isInteger(v) && Math.abs(v) <= 2 ** 31 ? null : 'The seed must be a whole number.');
  const { text, error, onText: apply } = useCheckedText(seed, whole, (v) => store.getState().setSeed(v));
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
        onChange={(e) => apply(e.target.value)}
      />
      <button
        type="button"
        onClick={() => {
          const buf = new Uint32Array(1);
          crypto.getRandomValues(buf);
          apply(String(buf[0] % 100000));
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
  return (
    <div className="field">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(window.location.href);
            setSaid('Link copied: it reopens this exact lesson.');
          } catch {
            setSaid('Copy the address bar: it holds this exact lesson.');
          }
        }}
      >
        Copy link
      </button>
      <span role="status" className="muted-text">
        {said}
      </span>
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
