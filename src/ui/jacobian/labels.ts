// Plain-text names the Jacobian view puts on screen.
import type { CellRef, JacobianKind } from '../../core/index.ts';

/** 'y[0,1]', 'W[2,1]', 'x[1,0]', 'b[1]' or 'dW[2,1]': a cell as the lesson grids index it. */
export function cellName(cell: CellRef): string {
  const m = cell.m === 'b' || cell.m === 'db' ? `${cell.m}[${cell.c}]` : `${cell.m}[${cell.r},${cell.c}]`;
  return m.replace(/^d([A-Za-z])/, 'dL/d$1');
}

/** The parameter of a Jacobian as the lesson writes it. */
export const PARAM_NAME: Record<JacobianKind, string> = { 'dY/dW': 'W', 'dY/dX': 'x', 'dY/db': 'b' };

/** The Jacobian's name in plain text and LaTeX. */
export const KIND_TEXT: Record<JacobianKind, { text: string; tex: string }> = {
  'dY/dW': { text: '∂y/∂W', tex: '\\frac{\\partial y}{\\partial W}' },
  'dY/dX': { text: '∂y/∂x', tex: '\\frac{\\partial y}{\\partial X}' },
  'dY/db': { text: '∂y/∂b', tex: '\\frac{\\partial y}{\\partial b}' },
};
