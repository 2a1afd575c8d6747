// Cells and matrices as links name them: which matrices a lesson shows, their
// shapes, and cells written `dW:1,0`.
import { MATRIX_NAMES, type Activation, type CellRef, type Convention, type LossKind, type MatrixName, type Sizes, lessonGraph, nodeLayout, nodeShape } from '../core/index.ts';

/** The displayed shape of any matrix, including the 1×B class-target row. */
export function cellShape(m: MatrixName, conv: Convention, sizes: Sizes, loss: LossKind): [number, number] {
  return nodeShape(m, conv, sizes, loss);
}

/** The matrices a lesson shows, given its loss, activation and learning rate (none: no update). */
export function shownMatrices(conv: Convention, sizes: Sizes, loss: LossKind, activation: Activation, lr?: number | null): MatrixName[] {
  const g = lessonGraph({ convention: conv, sizes, loss, activation, lr: lr ?? undefined });
  return [...g.forward, ...g.backward, ...g.update];
}

/** Parses `dW:1,0` into a cell, or null. */
export function parseCell(text: string): CellRef | null {
  const m = /^([A-Za-z]+):(\d+),(\d+)$/.exec(text.trim());
  if (!m || !(MATRIX_NAMES as readonly string[]).includes(m[1])) return null;
  return { m: m[1] as MatrixName, r: Number(m[2]), c: Number(m[3]) };
}

/** The cell `text` names (like `dW:1,0`) when the lesson shows it, or null. */
export function lessonCell(text: string, st: { convention: Convention; sizes: Sizes; loss: LossKind; activation: Activation; lr?: number | null }): CellRef | null {
  const cell = parseCell(text);
  if (cell === null || !shownMatrices(st.convention, st.sizes, st.loss, st.activation, st.lr).includes(cell.m)) return null;
  const [rows, cols] = cellShape(cell.m, st.convention, st.sizes, st.loss);
  // Links from before b was a column in the column convention name its entries b:0,j; they mean b:j,0.
  const moved = nodeLayout(cell.m, st.loss) === 'b' && cols === 1 && cell.r === 0 && cell.c > 0 ? { ...cell, r: cell.c, c: 0 } : cell;
  return moved.r < rows && moved.c < cols ? moved : null;
}

/** Writes a cell as `dW:1,0`. */
export function writeCell(c: CellRef): string {
  return `${c.m}:${c.r},${c.c}`;
}
