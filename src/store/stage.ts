// The stage of presentation mode: the matrices the current step or the
// focused cell involves, in the lesson's order, so a projected screen shows
// those few large instead of every grid small. The view shows whichever of
// the two changed last.
import type { CellRef, Derivation, LessonGraph, MatrixName, Script } from '../core/index.ts';

/** The matrices of some cells or blocks of cells, in the graph's order. */
function inOrder(graph: LessonGraph, cells: readonly Pick<CellRef, 'm'>[]): readonly MatrixName[] {
  const on = new Set(cells.map((c) => c.m));
  return graph.nodes.map((r) => r.node).filter((m) => on.has(m));
}

/**
 * The matrices the step last applied reads and writes: at the start, the first step's; once the lesson is complete,
 * the last step's. The forward pass's when the script has no steps.
 */
export function stepStage(graph: LessonGraph, script: Script, step: number): readonly MatrixName[] {
  const n = script.steps.length;
  if (n === 0) return graph.forward;
  const st = script.steps[Math.max(0, Math.min(n - 1, step - 1))];
  return inOrder(graph, [...st.reads, st.writes]);
}

/** The focused cell's matrix and the matrices of the cells it depends on or feeds; null with no cell focused. */
export function focusStage(graph: LessonGraph, focused: Derivation | null): readonly MatrixName[] | null {
  return focused ? inOrder(graph, [focused.cell, ...focused.deps, ...focused.feeds]) : null;
}
