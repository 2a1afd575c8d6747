// Progress kept in a Web Storage (localStorage), under keys naming the set; storage that refuses (private mode, a
// sandboxed frame) keeps nothing, and the progress lives on in the store for the visit.
import type { ProgressStorage } from '../../store/quizState.ts';

/** A ProgressStorage in a Web Storage. */
export function webProgress(storage: () => Storage): ProgressStorage {
  return {
    load: (key) => {
      try {
        return storage().getItem(key);
      } catch {
        return null;
      }
    },
    save: (key, text) => {
      try {
        storage().setItem(key, text);
      } catch {
        // Full or refused: kept in the store only.
      }
    },
    remove: (key) => {
      try {
        storage().removeItem(key);
      } catch {
        // Refused: nothing was kept.
      }
    },
  };
}
