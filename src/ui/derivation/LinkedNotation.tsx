// The three notations of a rule linked by their parts: pointing at a part (a
// factor, an index, the result) in the index notation, the matrix form or the
// code lights the same part in the other two and its cells in the grids. Each
// notation is one tab stop; the left and right arrow keys walk its parts, and
// the part pointed at is said. Core gives the tokens and their parts
// (core/linkedNotation.ts); this lays them out.
import { type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode, useLayoutEffect, useRef } from 'react';
import { type LinkedNotation, type PartId, type Token, linkedTex, partsOf } from '../../core/index.ts';
import { useI18n } from '../storeContext.tsx';
import { Tex } from './Tex.tsx';
import './notation.css';

/** The part pointed at, and how to point at another (null to let go). */
export interface PartPointer {
  part: PartId | null;
  onPart(part: PartId | null): void;
}

/** The part under an event's target: the innermost element of the notation that carries one. */
function partAt(e: { target: EventTarget | null }, root: HTMLElement): PartId | null {
  const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-part]') : null;
  return el && root.contains(el) ? (el.dataset.part ?? null) : null;
}

/** One notation: a tab stop whose parts answer the pointer and the arrow keys. */
function PartsGroup(props: { tokens: readonly Token[]; name: string; pointer: PartPointer; className: string; typeset?: boolean; children: ReactNode }) {
  const { tokens, name, pointer, className, typeset = false, children } = props;
  const { t } = useI18n();
  const ref = useRef<HTMLSpanElement>(null);
  const order = partsOf(tokens);
  const { part, onPart } = pointer;
  // KaTeX writes a formula's parts' spans: they are marked from here, inside this notation only.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root || !typeset) return;
    for (const el of root.querySelectorAll<HTMLElement>('[data-part]')) el.classList.toggle('part-on', el.dataset.part === part);
  });
  const move = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (e.key === 'Escape' && part !== null) {
      e.stopPropagation();
      onPart(null);
      return;
    }
    if (step === 0 || order.length === 0) return;
    e.preventDefault();
    const k = part === null ? -1 : order.indexOf(part);
    onPart(order[(k + step + order.length) % order.length]);
  };
  const root = () => ref.current as HTMLElement;
  return (
    <span
      ref={ref}
      className={`parts ${className}`}
      tabIndex={0}
      role="group"
      aria-label={t('notation.parts', { name })}
      onMouseOver={(e: MouseEvent) => onPart(partAt(e, root()))}
      onMouseLeave={() => onPart(null)}
      onFocus={(e: FocusEvent) => e.target === ref.current && part === null && onPart(order[0] ?? null)}
      onBlur={() => onPart(null)}
      onKeyDown={move}
    >
      {children}
    </span>
  );
}

/** A formula of the linked notation, its parts marked for KaTeX. */
export function LinkedTex({ tokens, name, pointer, display = false }: { tokens: readonly Token[]; name: string; pointer: PartPointer; display?: boolean }) {
  return (
    <PartsGroup tokens={tokens} name={name} pointer={pointer} className={display ? 'parts-display' : 'line-tex parts-tex'} typeset>
      <Tex tex={linkedTex(tokens)} display={display} />
    </PartsGroup>
  );
}

/** One line of code, each token in its own span. */
function CodeLine({ tokens, part }: { tokens: readonly Token[]; part: PartId | null }) {
  return (
    <code className="code-line">
      {tokens.map((tk, k) => {
        const inner = tk.parts[tk.parts.length - 1];
        const on = part !== null && tk.parts.includes(part);
        return inner === undefined ? (
          <span key={k}>{tk.text}</span>
        ) : (
          <span key={k} data-part={inner} className={on ? 'part-on' : undefined}>
            {tk.text}
          </span>
        );
      })}
    </code>
  );
}

/** The button that shows or hides the code: a disclosure that costs no line of its own, set in a heading's row. */
export function CodeToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="code-toggle" aria-expanded={open} onClick={onToggle}>
      <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
      {t('derivation.code')}
    </button>
  );
}

/** The code of a rule: its einsum (for a sum) and the exported program's statements, each a tab stop. */
export function CodeForm({ n, pointer }: { n: LinkedNotation; pointer: PartPointer }) {
  const { t } = useI18n();
  const rows: { tag: string; lines: readonly (readonly Token[])[] }[] = [
    ...(n.einsum ? [{ tag: t('derivation.code.einsum'), lines: [n.einsum] }] : []),
    { tag: t(`derivation.code.${n.flavour}`), lines: n.code },
  ];
  return (
    <div className="code-form" data-line="code">
      {rows.map((row) => (
        <div className="code-row" key={row.tag} data-code={row.tag}>
          <span className="line-tag">{row.tag}</span>
          <PartsGroup tokens={row.lines.flat()} name={t('derivation.code.row', { tag: row.tag })} pointer={pointer} className="code-lines">
            {row.lines.map((line, k) => (
              <CodeLine key={k} tokens={line} part={pointer.part} />
            ))}
          </PartsGroup>
        </div>
      ))}
    </div>
  );
}

/** What is said of the part pointed at, inside the panel's live region. */
export function PartSaid({ n, part }: { n: LinkedNotation; part: PartId | null }) {
  const { t, msg } = useI18n();
  const p = part === null ? undefined : n.parts.find((x) => x.id === part);
  return <span className="sr-only">{p ? t('notation.pointing', { part: msg(p.speech) }) : ''}</span>;
}
