// The grid cells a part of a linked notation stands for: apart from linkedNotation.ts, which the page loads only
// when a derivation is first shown, since pointing at a part needs only the notation already made.
import type { Derivation } from './derivation.ts';
import type { LinkedNotation } from './linkedNotation.ts';
import type { CellRef } from './nodes.ts';
import type { PartId } from './tokens.ts';

/** The grid cells a part of the explained cell's rule stands for: its factor cells among the derivation's, and the cell's own place. */
export function partCells(n: LinkedNotation, d: Derivation, id: PartId): CellRef[] {
  const part = n.parts.find((p) => p.id === id);
  if (!part) return [];
  const here = part.here.map((m) => ({ m, r: d.cell.r, c: d.cell.c }));
  const seen = new Set<string>();
  return [...here, ...d.deps.filter((c) => part.nodes.includes(c.m))].filter((c) => {
    const k = `${c.m}:${c.r},${c.c}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
