// The lesson's controls: convention, sizes, loss, activation, seed, and a shareable link.
import { useId, useState } from 'react';
import { ACTIVATIONS, CONVENTIONS, LOSS_KINDS, forwardTex, isActivation, isLossKind, type Sizes } from '../../core/index.ts';
import { SIZE_MAX, SIZE_MIN } from '../../store/url.ts';
import { copyText } from '../clipboard.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import { Tex } from '../derivation/Tex.tsx';
import { CheckedInput, FieldError } from './CheckedInput.tsx';
import { useCheckedText } from './useCheckedText.ts';

/** A size field that keeps whatever was typed and says what is wrong with it. */
function SizeField({ name }: { name: keyof Sizes }) {
  const store = useAppStore();
  const { t } = useI18n();
  const value = useApp((s) => s.config[name]);
  const id = useId();
  const inRange = (v: number) => (Number.isInteger(v) && v >= SIZE_MIN && v <= SIZE_MAX ? null : t('controls.size.range', { name, min: SIZE_MIN, max: SIZE_MAX }));
  const field = useCheckedText(value, inRange, t('controls.notNumber'), (v) => store.getState().setSize(name, v));
  return (
    <div className="field size-field">
      <label htmlFor={id}>
        <code>{name}</code> <span className="muted-text">{t(`controls.size.${name}`)}</span>
      </label>
      <CheckedInput
        id={id}
        name={name}
        inputMode="numeric"
        size={3}
        field={field}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            field.commit(String(Math.min(SIZE_MAX, Math.max(SIZE_MIN, value + (e.key === 'ArrowUp' ? 1 : -1)))));
          } else field.onKeyDown(e);
        }}
      />
      <FieldError id={id} field={field} />
    </div>
  );
}

/** The seed field and the randomise button. */
function SeedField() {
  const store = useAppStore();
  const { t } = useI18n();
  const seed = useApp((s) => s.seed);
  const id = useId();
  const whole = (v: number) => (!Number.isInteger(v) ? t('controls.seed.whole') : Math.abs(v) > 2 ** 31 ? t('controls.seed.range') : null);
  const field = useCheckedText(seed, whole, t('controls.notNumber'), (v) => store.getState().setSeed(v));
  return (
    <div className="field seed-field">
      <label htmlFor={id}>{t('controls.seed')}</label>
      <CheckedInput id={id} inputMode="numeric" size={7} field={field} />
      <button
        type="button"
        onClick={() => {
          const buf = new Uint32Array(1);
          crypto.getRandomValues(buf);
          field.commit(String(buf[0] % 100000));
        }}
      >
        {t('controls.randomise')}
      </button>
      <FieldError id={id} field={field} />
    </div>
  );
}

/** Copies the page's link, which holds the whole lesson. */
export function CopyLink() {
  const { t } = useI18n();
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
          const copied = await copyText(href);
          setManual(copied ? null : href);
          setSaid(t(copied ? 'controls.link.copied' : 'controls.link.manual'));
        }}
      >
        {t('controls.link.copy')}
      </button>
      <span role="status" className="muted-text">
        {said}
      </span>
      {manual !== null && (
        <input className="manual-link" type="text" readOnly aria-label={t('controls.link.label')} value={manual} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}

/** The activation after the layer: the lesson's, and the training run's. */
export function ActivationField() {
  const store = useAppStore();
  const { t } = useI18n();
  const act = useApp((s) => s.config.activation);
  const actId = useId();
  return (
    <div className="field">
      <label htmlFor={actId}>{t('controls.activation')}</label>
      <select id={actId} value={act} onChange={(e) => isActivation(e.target.value) && store.getState().setActivation(e.target.value)}>
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>
            {a === 'identity' ? t('controls.activation.none') : t(`activation.${a}.name`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** All controls. */
export function Controls() {
  const store = useAppStore();
  const { t } = useI18n();
  const conv = useApp((s) => s.config.convention);
  const loss = useApp((s) => s.config.loss);
  const lossId = useId();
  const group = useId();
  const locked = useApp((s) => s.frame.lock);
  return (
    <form className="controls" aria-label={t('controls.label')} onSubmit={(e) => e.preventDefault()}>
      {/* A locked frame (lock=1) shows the settings but takes no change: the wrapper disables every field at once. */}
      <fieldset className="controls-lock" disabled={locked}>
        <fieldset className="field conventions">
          <legend>{t('controls.convention')}</legend>
          {CONVENTIONS.map((c) => (
            <label key={c} className={c === conv ? 'seg on' : 'seg'} title={t(`convention.${c}.usedBy`)}>
              <input type="radio" name={`${group}-conv`} data-choice="conv" value={c} checked={c === conv} onChange={() => store.getState().setConvention(c)} />
              <code className="seg-name">{c}</code> <Tex tex={forwardTex(c)} />
            </label>
          ))}
        </fieldset>
        <SizeField name="B" />
        <SizeField name="N" />
        <SizeField name="T" />
        <div className="field">
          <label htmlFor={lossId}>{t('controls.loss')}</label>
          <select id={lossId} value={loss} onChange={(e) => isLossKind(e.target.value) && store.getState().setLoss(e.target.value)}>
            {LOSS_KINDS.map((l) => (
              <option key={l} value={l}>
                {t(`loss.${l}.name`)}
              </option>
            ))}
          </select>
        </div>
        <ActivationField />
        <SeedField />
      </fieldset>
    </form>
  );
}
