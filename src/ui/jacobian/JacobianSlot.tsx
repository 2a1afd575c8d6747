// Where the Jacobian view goes, below the lesson. Its code is a chunk of its
// own, fetched only when the view comes near the screen (after the page has
// loaded and painted) or is opened with the placeholder's button, the way a
// keyboard reaches it. Until then the heading and opening paragraph stand in,
// with room kept below them so that nothing on screen moves when it arrives.
import { Suspense, lazy, useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../storeContext.tsx';
import { afterFirstPaint } from '../texCache.ts';
import { JacobianIntro } from './JacobianIntro.tsx';

const JacobianSection = lazy(() => import('./JacobianSection.tsx').then((m) => ({ default: m.JacobianSection })));

/** How far below the screen the view starts loading: half a screen ahead of the reader. */
const AHEAD = '0px 0px 50% 0px';

/** The stand-in: the view's heading and opening paragraph, and the room the rest will take. */
function Pending({ onOpen }: { onOpen?: () => void }) {
  const { t } = useI18n();
  const h = useId();
  return (
    <section className="jacobian jacobian-pending" aria-labelledby={h} aria-busy={onOpen ? undefined : true} data-testid="jacobian-pending">
      <JacobianIntro headingId={h} />
      <div className="jac-reserve">
        {onOpen && (
          <button type="button" onClick={onOpen}>
            {t('jac.open')}
          </button>
        )}
      </div>
    </section>
  );
}

/** Once the view is in, gives it the focus the placeholder had. */
function TakeFocus({ slot, had }: { slot: RefObject<HTMLDivElement | null>; had: RefObject<boolean> }) {
  useEffect(() => {
    if (!had.current) return;
    had.current = false;
    slot.current?.querySelector<HTMLElement>('input, button, select, [tabindex="0"]')?.focus();
  }, [slot, had]);
  return null;
}

/** The Jacobian view, loaded when it is near the screen or opened. */
export function JacobianSlot() {
  // Without IntersectionObserver (an old browser, or jsdom in the component tests) the view loads at once. The
  // build's prerender (no window) draws the placeholder, as the browser that hydrates it does.
  const [open, setOpen] = useState(() => typeof window !== 'undefined' && typeof IntersectionObserver === 'undefined');
  const slot = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);
  const show = useCallback(() => {
    hadFocus.current = !!slot.current?.contains(document.activeElement);
    setOpen(true);
  }, []);
  useEffect(() => {
    if (open) return;
    let io: IntersectionObserver | null = null;
    const cancel = afterFirstPaint(() => {
      if (!slot.current) return;
      io = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) show();
        },
        { rootMargin: AHEAD },
      );
      io.observe(slot.current);
    });
    return () => {
      cancel();
      io?.disconnect();
    };
  }, [open, show]);
  return (
    <div className="jacobian-slot" ref={slot}>
      {open ? (
        <Suspense fallback={<Pending />}>
          <JacobianSection />
          <TakeFocus slot={slot} had={hadFocus} />
        </Suspense>
      ) : (
        <Pending onOpen={show} />
      )}
    </div>
  );
}
