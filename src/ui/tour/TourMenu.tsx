// The "Tours" menu: the built-in tours, opening a tour file, and the authoring panel.
import { useEffect, useRef, useState } from 'react';
import { MAX_BYTES, tooBig } from '../../tour/format.ts';
import { tourNotices } from '../../store/tourSlice.ts';
import { useAppStore, useI18n } from '../storeContext.tsx';
import { BUILTIN_TOURS, builtinTour, tourTitleKey } from './builtins.ts';
import { openTourText, startTour } from './play.ts';
import './tour.css';

/** The menu. */
export function TourMenu() {
  const store = useAppStore();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  // An open menu closes on a click or a tap outside it, and on Escape (focus goes back to its button), as menus do.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (menu.current && e.target instanceof Node && !menu.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !menu.current?.contains(document.activeElement)) return;
      e.stopPropagation();
      setOpen(false);
      menu.current.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    // A file over the limit is refused before it is read.
    if (f.size > MAX_BYTES) store.getState().tellTour(tourNotices(tooBig(f.size)));
    else openTourText(store, await f.text());
    if (file.current) file.current.value = '';
  };
  return (
    <details ref={menu} className="tour-menu" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary aria-label={t('tour.menu.label')}>{t('tour.menu')}</summary>
      <div className="tour-menu-list">
        <p className="tour-menu-head">{t('tour.menu.builtin')}</p>
        <ul>
          {BUILTIN_TOURS.map((id) => (
            <li key={id}>
              <button
                type="button"
                data-tour={id}
                onClick={() => {
                  setOpen(false);
                  startTour(store, builtinTour(id, t));
                }}
              >
                {t(tourTitleKey(id))}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => file.current?.click()}>
          {t('tour.menu.open')}
        </button>
        <input ref={file} type="file" accept=".json,application/json" hidden data-testid="tour-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            store.getState().setAuthoring(true);
          }}
        >
          {t('tour.menu.author')}
        </button>
      </div>
    </details>
  );
}
