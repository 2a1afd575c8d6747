// The focus slice: the cell being explained (hover wins over focus while it
// lasts), the term of its sum being pointed at, and cells pointed at from
// another view.
import type { StateCreator } from 'zustand/vanilla';
import { inShape, type CellRef } from '../core/index.ts';
import type { Selectors } from './selectors.ts';
import type { AppState, FocusSlice } from './state.ts';

const same = (a: CellRef | null, b: CellRef | null) => a === b || (!!a && !!b && a.m === b.m && a.r === b.r && a.c === b.c);

/** Creates the focus slice. */
export function createFocusSlice(select: Selectors, focus: CellRef | null): StateCreator<AppState, [], [], FocusSlice> {
  return (set, get) => {
    /** The cell when this lesson shows it, else null. */
    const shown = (cell: CellRef | null): CellRef | null => {
      const s = get();
      return cell && select.graph(s).rule(cell.m) && inShape(select.ctx(s), cell) ? { m: cell.m, r: cell.r, c: cell.c } : null;
    };
    return {
      focus,
      hover: null,
      term: null,
      linked: [],
      notationWriter: null,
      setFocus: (cell) => {
        const f = shown(cell);
        if (same(f, get().focus)) return;
        set({ focus: f, term: null });
      },
      setHover: (cell) => {
        const h = shown(cell);
        if (same(h, get().hover)) return;
        set({ hover: h, term: null });
      },
      setTerm: (k) => {
        const d = select.derivation(get());
        const term = k !== null && d && d.terms[k] ? k : null;
        if (term !== get().term) set({ term });
      },
      setLinked: (cells) => set({ linked: cells ? cells.slice() : [] }),
      setNotationWriter: (writer) => set({ notationWriter: writer }),
    };
  };
}
