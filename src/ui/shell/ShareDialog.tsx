// "Share or embed": the lesson's link, and an iframe snippet for a course
// page with the sections to show, the lock and the size chosen, previewed
// live in a frame.
import { type ChangeEvent, useId, useRef, useState } from 'react';
import { lessonQuery } from '../../embed/lessonState.ts';
import { embedUrl, iframeSnippet } from '../../embed/snippet.ts';
import { SECTIONS, type Section } from '../../store/frame.ts';
import { copyText } from '../clipboard.ts';
import { useApp, useAppStore, useI18n } from '../storeContext.tsx';
import './embed.css';

/** A read-only text with a Copy button that says whether it worked. */
function CopyField({ label, text, rows }: { label: string; text: string; rows?: number }) {
  const { t } = useI18n();
  const id = useId();
  const [said, setSaid] = useState('');
  const copy = async () => setSaid(t((await copyText(text)) ? 'share.copied' : 'share.manual'));
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea id={id} readOnly rows={rows} value={text} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={id} type="text" readOnly value={text} onFocus={(e) => e.currentTarget.select()} />
      )}
      <button type="button" onClick={() => void copy()}>
        {t('share.copy')} <span className="sr-only">{label}</span>
      </button>
      <span role="status" className="muted-text">
        {said}
      </span>
    </div>
  );
}

/** The dialog's body: choices, link, snippet and preview. */
function ShareBody() {
  const store = useAppStore();
  const { t } = useI18n();
  const lesson = useApp(() => lessonQuery(store));
  const [show, setShow] = useState<readonly Section[]>(SECTIONS);
  const [lock, setLock] = useState(false);
  const [width, setWidth] = useState(760);
  const [height, setHeight] = useState(520);
  const base = `${window.location.origin}${window.location.pathname}`;
  const choice = { base, lesson, show, lock, width, height, title: t('app.title') };
  const link = `${base}${lesson ? `?${lesson}` : ''}`;
  const toggle = (s: Section) => setShow((cur) => (cur.includes(s) ? (cur.length > 1 ? cur.filter((x) => x !== s) : cur) : SECTIONS.filter((x) => x === s || cur.includes(x))));
  const size = (set: (v: number) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    const v = Number(e.target.value);
    if (Number.isFinite(v) && v >= 200 && v <= 2000) set(Math.round(v));
  };
  return (
    <>
      <CopyField label={t('share.link')} text={link} />
      <fieldset className="share-choices">
        <legend>{t('share.show')}</legend>
        {SECTIONS.map((s) => (
          <label key={s}>
            <input type="checkbox" data-section={s} checked={show.includes(s)} onChange={() => toggle(s)} /> {t(`section.${s}`)}
          </label>
        ))}
      </fieldset>
      <label className="share-lock">
        <input type="checkbox" data-choice="lock" checked={lock} onChange={(e) => setLock(e.target.checked)} /> {t('share.lock')}
      </label>
      <div className="share-size">
        <label>
          {t('share.width')} <input type="number" min={200} max={2000} defaultValue={width} onChange={size(setWidth)} />
        </label>
        <label>
          {t('share.height')} <input type="number" min={200} max={2000} defaultValue={height} onChange={size(setHeight)} />
        </label>
      </div>
      <CopyField label={t('share.snippet')} text={iframeSnippet(choice)} rows={4} />
      <p className="muted-text">{t('share.docs')}</p>
      <h3>{t('share.preview')}</h3>
      <div className="share-preview">
        <iframe title={t('share.previewTitle')} src={embedUrl(choice)} width={width} height={height} loading="lazy" allow="fullscreen" />
      </div>
    </>
  );
}

/** The button that opens the dialog, and the dialog (a modal <dialog>: focus stays inside, Escape closes it). */
export function ShareButton() {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <div className="field">
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          ref.current?.showModal();
        }}
      >
        {t('share.open')}
      </button>
      <dialog ref={ref} className="share-dialog" aria-labelledby={titleId} onClose={() => setOpen(false)}>
        <div className="share-head">
          <h2 id={titleId}>{t('share.title')}</h2>
          <button type="button" onClick={() => ref.current?.close()}>
            {t('share.close')}
          </button>
        </div>
        {open && <ShareBody />}
      </dialog>
    </div>
  );
}
