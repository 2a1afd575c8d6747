// The part of the English catalogue the first screen needs: the lesson, its
// derivation, tours, presentation, and what the header and the link's notices
// name of the views that load later. Those views bring the rest of their
// wording with them (en/lazy/, given to their subtree by withStrings). The
// whole catalogue, for types and tests, is ./en.ts.
import type { StoreMessageKey } from '../../store/messages.ts';
import { explain } from './en/explain.ts';
import { exportShell } from './en/export.ts';
import { heatmap } from './en/heatmap.ts';
import { jacobianShell } from './en/jacobian.ts';
import { page } from './en/page.ts';
import { present } from './en/present.ts';
import { quizShell } from './en/quiz.ts';
import { tour } from './en/tour.ts';
import { trainShell } from './en/train.ts';
import { tours } from './en/tours.ts';

/** The wording the first screen needs, in English. */
export const EN_FIRST = { ...page, ...explain, ...jacobianShell, ...tour, ...tours, ...present, ...trainShell, ...heatmap, ...exportShell, ...quizShell };

// The store's messages (the link's notices, refusals) show before any later view has loaded: the type checker says
// they are all worded here.
const storeKeys: Readonly<Record<StoreMessageKey, string>> = EN_FIRST;
void storeKeys;
