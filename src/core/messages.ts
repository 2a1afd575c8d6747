// Core never writes English: what it has to say is a message key with its
// parameters, worded by the app's string catalogue (src/ui/strings).
import type { CoreMessageKey } from './messageKeys.ts';
import type { CellRef } from './cells.ts';
import type { LayoutName } from './layout.ts';

export type { CoreMessageKey };

/** A number to be written with `digits` significant digits in the reader's locale. */
export interface NumParam {
  num: number;
  digits: number;
}

/** A formula, typeset where the message is shown as rich text. */
export interface TexParam {
  tex: string;
}

/** An identifier or something the reader typed (a URL parameter, its value): shown as it is, never translated. */
export interface CodeParam {
  code: string;
}

/** A cell, named as the grids name it (for example 'dL/dW[1,0]'), laid out as `layout` when its node's usual layout is not the lesson's. */
export interface CellParam {
  cell: CellRef;
  layout?: LayoutName;
}

/** A parameter: a word or identifier, a whole number, a number to round, a formula, a cell, or another message. */
export type MsgParam<K extends string = CoreMessageKey> = string | number | NumParam | TexParam | CodeParam | CellParam | Msg<K>;

/** A message: a key of the catalogue and the values its placeholders take. */
export interface Msg<K extends string = CoreMessageKey> {
  key: K;
  params?: Readonly<Record<string, MsgParam<K>>>;
}

/** A message. */
export const msg = (key: CoreMessageKey, params?: Record<string, MsgParam>): Msg => (params ? { key, params } : { key });

/** A number rounded to `digits` significant digits when shown. */
export const num = (v: number, digits = 6): NumParam => ({ num: v, digits });

/** A formula parameter. */
export const tex = (t: string): TexParam => ({ tex: t });

/** An identifier parameter. */
export const code = (c: string): CodeParam => ({ code: c });

/** A cell parameter, named in its lesson's layout when given (class targets are one row of B). */
export const cellParam = (cell: CellRef, layout?: LayoutName): CellParam => (layout ? { cell, layout } : { cell });
