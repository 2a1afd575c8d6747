// What the rows and columns of a grid count, from the layout table.
import { axesOf, type Convention, type IndexName, type LayoutName } from '../../core/index.ts';

/** An axis of a grid: the index it counts ('s', 'i' or 'j'), or null for an axis of length 1. */
export type Axis = IndexName | null;

/** The indices along the rows and columns of a layout. */
export function axesOfLayout(layout: LayoutName, conv: Convention): { rows: Axis; cols: Axis } {
  const [rows, cols] = axesOf(layout, conv);
  return { rows, cols };
}
