// How a view outside a grid opens one of its cells for editing: the derivation panel's Edit button, the way to
// edit on a touch screen, where there is no Enter key and a double tap is not a double click. One registry per app.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { CellRef, MatrixName } from '../../core/index.ts';

/** Opens a cell's editor in its grid. */
export type OpenEditor = (r: number, c: number) => void;

/** The grids of one app that can open an editor, by matrix. */
export interface CellEditors {
  /** A grid offers its editor; returns the function that withdraws it. */
  register(m: MatrixName, open: OpenEditor): () => void;
  /** Opens the cell's editor; false when no grid of that matrix offers one. */
  open(cell: CellRef): boolean;
}

/** Makes an empty registry. */
export function createCellEditors(): CellEditors {
  const editors = new Map<MatrixName, OpenEditor>();
  return {
    register(m, open) {
      editors.set(m, open);
      return () => {
        if (editors.get(m) === open) editors.delete(m);
      };
    },
    open(cell) {
      const open = editors.get(cell.m);
      if (!open) return false;
      open(cell.r, cell.c);
      return true;
    },
  };
}

const Ctx = createContext<CellEditors | null>(null);

/** Gives the views below it one registry of cell editors. */
export function CellEditorsProvider({ children }: { children: ReactNode }) {
  const [editors] = useState(createCellEditors);
  return <Ctx.Provider value={editors}>{children}</Ctx.Provider>;
}

/** The app's registry of cell editors, or null outside a provider. */
export function useCellEditors(): CellEditors | null {
  return useContext(Ctx);
}
