// Roving-focus movement shared by every grid: arrows, Home/End (Ctrl for the corners), and optionally PageUp/PageDown.

/** The cell a navigation key moves to, clamped to the grid, or null when the key does not navigate. */
export function gridMove(
  key: string,
  ctrl: boolean,
  at: { r: number; c: number },
  rows: number,
  cols: number,
  pageKeys = false,
): { r: number; c: number } | null {
  const { r, c } = at;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [r - 1, c],
    ArrowDown: [r + 1, c],
    ArrowLeft: [r, c - 1],
    ArrowRight: [r, c + 1],
    Home: [ctrl ? 0 : r, 0],
    End: [ctrl ? rows - 1 : r, cols - 1],
    ...(pageKeys ? { PageUp: [0, c] as [number, number], PageDown: [rows - 1, c] as [number, number] } : {}),
  };
  const m = moves[key];
  if (!m) return null;
  return { r: Math.max(0, Math.min(rows - 1, m[0])), c: Math.max(0, Math.min(cols - 1, m[1])) };
}
