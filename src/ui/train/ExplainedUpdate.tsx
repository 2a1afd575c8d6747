// Above the lesson when it shows an update of a training run: which update, what x, W and b are, and the way
// back to the run. The update itself, W − lr·dW and b − lr·db, is the lesson's last row of grids.
import { SIZE_MAX, linkHolds } from '../../store/url.ts';
import { useApp, useAppStore, useI18n, withStrings } from '../storeContext.tsx';
import { Tex } from '../derivation/Tex.tsx';
import './train.css';
import { train } from '../strings/en/lazy/train.ts';

/** The explained update's banner. */
function ExplainedUpdate() {
  const store = useAppStore();
  const { t, fmt } = useI18n();
  const e = useApp((s) => s.explained);
  const config = useApp((s) => s.config);
  if (!e) return null;
  return (
    <section className="explained-update" aria-labelledby="explained-title">
      <h2 id="explained-title">{t('train.explained.title', { update: e.update, name: t(`train.dataset.${e.dataset}`), epoch: e.epoch })}</h2>
      <p>
        {t('train.explained.about', { lr: fmt.text(e.lr, 6) })} <Tex tex={`W \\leftarrow W - ${fmt.tex(e.lr, 6)}\\,\\frac{\\partial L}{\\partial W},\\quad b \\leftarrow b - ${fmt.tex(e.lr, 6)}\\,\\frac{\\partial L}{\\partial b}`} />
      </p>
      {!linkHolds(config) && (
        <p className="link-note" data-testid="link-note">
          {t('heat.link', { b: config.B, n: config.N, t: config.T, max: SIZE_MAX })}
        </p>
      )}
      <button type="button" onClick={() => store.getState().backToTraining()}>
        {t('train.explained.back')}
      </button>
    </section>
  );
}

export default withStrings([train], ExplainedUpdate);
