// The string catalogue: every sentence the app shows, in English, gathered
// from its parts in en/ (one per part of the app). Messages use {name}
// placeholders and {n, plural, one {…} other {…}}, # standing for n. Core and
// the store return keys of this catalogue with their parameters.
//
// The app itself never imports this whole catalogue: it starts with ./enFirst.ts, and each view that loads later
// brings its own part from en/lazy/ (./parts.ts). Tests and types read it whole.
import type { CoreMessageKey, MatrixName } from '../../core/index.ts';
import type { StoreMessageKey } from '../../store/messages.ts';
import { EN_FIRST } from './enFirst.ts';
import { exportStrings } from './en/lazy/export.ts';
import { jacobian } from './en/lazy/jacobian.ts';
import { quiz } from './en/lazy/quiz.ts';
import { train } from './en/lazy/train.ts';
import { trainCharts } from './en/lazy/trainCharts.ts';

const en = { ...EN_FIRST, ...jacobian, ...train, ...trainCharts, ...exportStrings, ...quiz };

/** A key of the catalogue. */
export type MessageKey = keyof typeof en;

/** A catalogue: a wording for every key. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** Some of a catalogue: the first screen's wording, or a part a view brings with it. */
export type CataloguePart = Readonly<Partial<Record<MessageKey, string>>>;

/** The whole English catalogue. */
export const EN: Catalogue = en;

// Every key core and the store return, and every matrix's label, must be worded here: the type checker says so.
const coreKeys: Readonly<Record<CoreMessageKey | StoreMessageKey | `matrix.${MatrixName}.label`, string>> = en;
void coreKeys;
