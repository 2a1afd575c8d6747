// The string catalogue: every sentence the app shows, in English, gathered
// from its parts in en/ (one per part of the app). Messages use {name}
// placeholders and {n, plural, one {…} other {…}}, # standing for n. Core and
// the store return keys of this catalogue with their parameters.
import type { CoreMessageKey, MatrixName } from '../../core/index.ts';
import type { StoreMessageKey } from '../../store/messages.ts';
import { explain } from './en/explain.ts';
import { exportStrings } from './en/export.ts';
import { heatmap } from './en/heatmap.ts';
import { jacobian } from './en/jacobian.ts';
import { page } from './en/page.ts';
import { present } from './en/present.ts';
import { tour } from './en/tour.ts';
import { train } from './en/train.ts';
import { trainCharts } from './en/trainCharts.ts';
import { tours } from './en/tours.ts';

const en = { ...page, ...explain, ...jacobian, ...tour, ...tours, ...present, ...train, ...trainCharts, ...heatmap, ...exportStrings };

/** A key of the catalogue. */
export type MessageKey = keyof typeof en;

/** A catalogue: a wording for every key. */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The English catalogue. */
export const EN: Catalogue = en;

// Every key core and the store return, and every matrix's label, must be worded here: the type checker says so.
const coreKeys: Readonly<Record<CoreMessageKey | StoreMessageKey | `matrix.${MatrixName}.label`, string>> = en;
void coreKeys;
