// Training's settings: the data, the convention and activation (the lesson's own), and the learning rate,
// batch size and epochs, each field keeping what was typed and saying what is wrong with it.
import { useId } from 'react';
import { CONVENTIONS, DATASET_IDS } from '../../core/index.ts';
import { ActivationField } from '../shell/Controls.tsx';
import { trainOptionProblem } from '../../store/trainLink.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import { CheckedInput, FieldError } from '../shell/CheckedInput.tsx';
import { useCheckedText } from '../shell/useCheckedText.ts';

/** One of the run's numeric settings. */
function OptionField({ name }: { name: 'lr' | 'batch' | 'epochs' }) {
  const store = useAppStore();
  const { t, msg } = useI18n();
  const value = useApp((s) => s.train?.[name] ?? 0);
  const id = useId();
  // The store words the problem; applying happens on Enter or on leaving the field.
  const check = (v: number) => {
    const problem = trainOptionProblem(name, String(v));
    return problem ? msg(problem) : null;
  };
  const apply = (v: number) => {
    store.getState().setTrainOption(name, String(v));
  };
  const field = useCheckedText(value, check, t('controls.notNumber'), apply);
  return (
    <div className="field">
      <label htmlFor={id}>{t(`train.${name}`)}</label>
      <CheckedInput id={id} name={name} inputMode="decimal" size={6} field={field} />
      <FieldError id={id} field={field} />
    </div>
  );
}

/** The data and the settings of the run. */
export function TrainSettings() {
  const store = useAppStore();
  const { t } = useI18n();
  const dataset = useApp((s) => s.train?.dataset);
  const conv = useApp((s) => s.config.convention);
  const group = useId();
  return (
    <form className="controls train-settings" aria-label={t('train.settings')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field datasets">
        <legend>{t('train.dataset')}</legend>
        {DATASET_IDS.map((d) => (
          <label key={d} className={d === dataset ? 'seg on' : 'seg'}>
            <input type="radio" name={`${group}-data`} data-choice="train" value={d} checked={d === dataset} onChange={() => store.getState().openTraining(d)} />
            {t(`train.dataset.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="field conventions">
        <legend>{t('controls.convention')}</legend>
        {CONVENTIONS.map((c) => (
          <label key={c} className={c === conv ? 'seg on' : 'seg'}>
            <input type="radio" name={`${group}-conv`} data-choice="conv" value={c} checked={c === conv} onChange={() => store.getState().setConvention(c)} />
            <code className="seg-name">{c}</code>
          </label>
        ))}
      </fieldset>
      <ActivationField />
      <OptionField name="lr" />
      <OptionField name="batch" />
      <OptionField name="epochs" />
      <p className="muted-text restarts">{t('train.restarts')}</p>
    </form>
  );
}
