// The lesson's rows of grids, as the lesson view lays them out and the picture of the lesson draws them: the
// forward pass, the backward pass and (with a learning rate) the update, each its graph's nodes in order, with an
// arrow naming the operation before the first node of each operation after the first grid.
import type { LessonGraph, NodeRule, OpId } from '../../core/index.ts';

/** The three rows; the update is empty without a learning rate. */
export type Pass = 'forward' | 'backward' | 'update';

/** The nodes of each row, in the graph's order. */
export function passNodes(graph: LessonGraph): Record<Pass, NodeRule[]> {
  const of = (names: readonly string[]) => graph.nodes.filter((n) => names.includes(n.node));
  return { forward: of(graph.forward), backward: of(graph.backward), update: of(graph.update) };
}

/** The operation an arrow before node k of a row names, or null when the node has no arrow before it. */
export const arrowBefore = (nodes: readonly NodeRule[], k: number): OpId | null =>
  k > 0 && nodes[k].op !== 'input' && nodes[k - 1].op !== nodes[k].op ? nodes[k].op : null;
