// t(): every sentence the app shows, from one catalogue, with its numbers
// written by one formatter for the reader's locale. One instance per app.
import { NODE_LAYOUT, type CellRef, type LayoutName, type MatrixName, type Msg, type MsgParam, type NumberFormat, numberFormat } from '../../core/index.ts';
import type { CataloguePart, MessageKey } from './en.ts';
import { type Part, parseTemplate } from './template.ts';

/** Parameters of a message: words, numbers, formulas, cells or other messages. */
export type Params = Readonly<Record<string, MsgParam<MessageKey>>>;

/** A piece of a message shown as rich text: words, or a formula to typeset. */
export type Segment = { kind: 'text'; text: string } | { kind: 'tex'; tex: string } | { kind: 'code'; code: string };

/** Everything a view needs to put words and numbers on screen. */
export interface I18n {
  readonly locale: string;
  readonly fmt: NumberFormat;
  /** A message as plain text. Formula parameters are written as their LaTeX source, so use rich() for those. */
  t(key: MessageKey, params?: Params): string;
  /** A message (from core, the store or a view) as plain text. */
  msg(m: Msg<MessageKey>): string;
  /** A message as text and formula segments. */
  rich(m: Msg<MessageKey>): Segment[];
  /** A cell named as the grids name it: 'dL/dW[1,0]', 'b[1]', 'target class[1]' (given the layout of class targets). */
  cellName(cell: CellRef, layout?: LayoutName): string;
  /** A matrix's short name: 'x', 'dL/dW', 'target'. */
  label(m: MatrixName): string;
  /** A count for people: exact below a million, then '164 million', '5.24 billion'. */
  count(n: number): string;
  /** A byte count in binary units: '96 B', '1.5 KiB', '610 MiB'. */
  bytes(n: number): string;
  /** A fraction as a percentage with enough digits to tell 99% from 99.99%. */
  percent(f: number): string;
  /** These strings and a part of the catalogue a view brought with it (en/lazy/), worded for the same locale. */
  with(part: CataloguePart): I18n;
}

/** How strings are made: a part's wording for the locale, and what to do about a key no loaded part words. */
export interface I18nOptions {
  /** The locale's wording of an English part (the pseudo-locale accents it); as it is by default. */
  wording?: (en: CataloguePart) => CataloguePart;
  /** Told once per key the strings have no wording for; console.error by default. The key itself is shown. */
  onMissing?: (key: string) => void;
}

const reportMissing = (key: string): void =>
  console.error(`backprop-dense: no wording for the message '${key}': the view that shows it must bring its part of the catalogue (withStrings)`);


/** Makes the strings of one app from a locale and its catalogue (the first screen's, or all of it). */
export function createI18n(locale: string, catalogue: CataloguePart, options: I18nOptions = {}): I18n {
  const { wording = (en: CataloguePart) => en, onMissing = reportMissing } = options;
  const fmt = numberFormat(locale);
  let plural: Intl.PluralRules;
  try {
    plural = new Intl.PluralRules(locale);
  } catch {
    plural = new Intl.PluralRules('en');
  }
  const parsed = new Map<string, Part[]>();
  const partsOf = (key: string): Part[] => {
    let p = parsed.get(key);
    if (!p) {
      const text = (catalogue as Record<string, string | undefined>)[key];
      if (text === undefined) onMissing(key);
      parsed.set(key, (p = parseTemplate(text ?? key)));
    }
    return p;
  };
  const trim = (v: number): string => fmt.text(v, 3);

  const paramText = (v: MsgParam<MessageKey> | undefined, name: string): string => {
    if (v === undefined) return `{${name}}`;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isInteger(v) ? fmt.integer(v) : fmt.text(v, 6);
    if ('num' in v) return fmt.text(v.num, v.digits);
    if ('tex' in v) return v.tex;
    if ('code' in v) return v.code;
    if ('cell' in v) return cellName(v.cell, v.layout);
    return msgText(v);
  };
  const render = (parts: Part[], params: Params | undefined, onSeg: ((seg: Segment) => void) | null, hash: number | null, out: { text: string }) => {
    for (const p of parts) {
      if (p.kind === 'text') out.text += p.text;
      else if (p.kind === 'hash') out.text += hash === null ? '#' : fmt.integer(hash);
      else if (p.kind === 'param') {
        const v = params?.[p.name];
        if (onSeg && v !== undefined && typeof v === 'object' && 'tex' in v) onSeg({ kind: 'tex', tex: v.tex });
        else if (onSeg && v !== undefined && typeof v === 'object' && 'code' in v) onSeg({ kind: 'code', code: v.code });
        else if (onSeg && v !== undefined && typeof v === 'object' && 'key' in v) {
          // A nested message keeps its formulas and identifiers as segments too.
          render(partsOf(v.key), v.params, onSeg, null, out);
        } else out.text += paramText(v, p.name);
      } else {
        const n = Number(params?.[p.name] ?? 0);
        const branch = p.branches[`=${n}`] ?? p.branches[plural.select(n)] ?? p.branches.other ?? [];
        render(branch, params, onSeg, n, out);
      }
    }
  };
  const text = (key: string, params?: Params): string => {
    const out = { text: '' };
    render(partsOf(key), params, null, null, out);
    return out.text;
  };
  const msgText = (m: Msg<MessageKey>): string => text(m.key, m.params);
  const label = (m: MatrixName): string => text(`matrix.${m}.label`);
  // One index for the layouts that are a vector by nature (b, the loss, class targets), whether laid out as a row or
  // a column (b is T×1 in the column convention): the other index is 0, so r + c is the position. Two for the rest.
  const cellName = (cell: CellRef, layout: LayoutName = NODE_LAYOUT[cell.m]): string => {
    if (layout === 'classes') return `${text('matrix.target.classLabel')}[${cell.r + cell.c}]`;
    return layout === 'b' || layout === 'scalar' ? `${label(cell.m)}[${cell.r + cell.c}]` : `${label(cell.m)}[${cell.r},${cell.c}]`;
  };

  return {
    locale,
    fmt,
    t: (key, params) => text(key, params),
    msg: msgText,
    rich: (m) => {
      const segs: Segment[] = [];
      const out = { text: '' };
      const onSeg = (seg: Segment) => {
        if (out.text) segs.push({ kind: 'text', text: out.text });
        out.text = '';
        segs.push(seg);
      };
      render(partsOf(m.key), m.params, onSeg, null, out);
      if (out.text) segs.push({ kind: 'text', text: out.text });
      return segs;
    },
    cellName,
    label,
    count: (n) => {
      if (n < 1e6) return fmt.integer(Math.round(n));
      if (n >= 1e12) return text('count.trillion', { n: trim(n / 1e12) });
      if (n >= 1e9) return text('count.billion', { n: trim(n / 1e9) });
      return text('count.million', { n: trim(n / 1e6) });
    },
    bytes: (n) => {
      const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
      let v = n, u = 0;
      while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
      }
      return text(`bytes.${units[u]}`, { n: u === 0 ? fmt.integer(n) : trim(v) });
    },
    percent: (f) => {
      if (f === 0 || f === 1) return text('percent', { n: fmt.integer(f * 100) });
      const p = f * 100;
      // Keep digits until the distance to 100 (or 0) shows.
      const gap = Math.min(p, 100 - p);
      const decimals = Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(gap))));
      return text('percent', { n: fmt.text(Number(p.toFixed(decimals)), 12) });
    },
    with: (part) => createI18n(locale, { ...catalogue, ...wording(part) }, options),
  };
}
