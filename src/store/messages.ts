// What the store says to the learner: message keys with parameters, worded by
// the string catalogue (src/ui/strings), like core's.
import type { CoreMessageKey, Msg, MsgParam } from '../core/index.ts';
import type { TourMessageKey } from '../tour/messages.ts';

/** Keys of the messages the store returns. */
export type StoreMessageKey =
  | TourMessageKey
  | 'notice.choice'
  | 'notice.choice.auto'
  | 'notice.size.notNumber'
  | 'notice.size.clamped'
  | 'notice.seed'
  | 'notice.quiz.kind'
  | 'notice.qseed'
  | 'notice.qn'
  | 'notice.update'
  | 'notice.matrix.malformed'
  | 'notice.matrix.shape'
  | 'notice.target.classes'
  | 'notice.focus'
  | 'notice.step'
  | 'notice.step.past'
  | 'notice.overflow.explicit'
  | 'notice.overflow.change'
  | 'notice.flag'
  | 'notice.show.unknown'
  | 'notice.show.none'
  | 'notice.origin'
  | 'notice.state.unknown'
  | 'notice.state.frame'
  | 'notice.train.without'
  | 'notice.train.option'
  | 'train.load.failed'
  | 'train.start.failed'
  | 'train.explain.tooLarge'
  | 'train.csv.fix'
  | 'problem.empty'
  | 'problem.notNumber'
  | 'problem.ragged'
  | 'problem.notMatrix'
  | 'problem.internal'
  | 'edit.empty'
  | 'edit.notNumber'
  | 'edit.computed'
  | 'edit.outside'
  | 'edit.classIndex'
  | 'edit.overflow'
  | 'edit.locked';

/** A message from the store or from core. */
export type Note = Msg<StoreMessageKey | CoreMessageKey>;

/** A message. */
export const note = (key: StoreMessageKey, params?: Record<string, MsgParam<StoreMessageKey | CoreMessageKey>>): Note => (params ? { key, params } : { key });

/** The result of an edit or a setting: accepted, or refused with a message naming the problem. */
export type EditResult = { ok: true } | { ok: false; message: Note };
