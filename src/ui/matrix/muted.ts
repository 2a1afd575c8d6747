// Which cells of a grid show no value: those its owner mutes (an unused matrix, a cell an exercise hides) and
// those not computed yet (NaN). Shared by the cell grid and the canvas heatmap.

/** Whether cell k (row-major) is drawn muted: all, in the muted set, or not a number. */
export function isMuted(muted: ReadonlySet<string> | 'all' | undefined, values: ArrayLike<number>, cols: number, k: number): boolean {
  return Number.isNaN(values[k]) || isHidden(muted, cols, k);
}

/** Whether cell k is muted by the grid's owner (the whole matrix unused, or the cell hidden by an exercise), whatever its value. */
export function isHidden(muted: ReadonlySet<string> | 'all' | undefined, cols: number, k: number): boolean {
  return muted === 'all' || (!!muted && muted.size > 0 && muted.has(`${Math.floor(k / cols)},${k % cols}`));
}
