// Plain-text names the Jacobian view puts on screen.
import { matrixLabel, type CellRef, type JacobianKind } from '../../core/index.ts';

/** 'y[0,1]', 'W[2,1]', 'x[1,0]', 'b[1]' or 'dL/dW[2,1]': a cell named as the lesson grids name it. */
export function cellName(cell: CellRef): string {
  const name = matrixLabel(cell.m);
  return cell.m === 'b' || cell.m === 'db' ? `${name}[${cell.c}]` : `${name}[${cell.r},${cell.c}]`;
}

/** The parameter of a Jacobian as the lesson writes it. */
export const PARAM_NAME: Record<JacobianKind, string> = { 'dY/dW': 'W', 'dY/dX': 'x', 'dY/db': 'b' };

/** The Jacobian's name in plain text and LaTeX. */
export const KIND_TEXT: Record<JacobianKind, { text: string; tex: string }> = {
  'dY/dW': { text: '∂y/∂W', tex: '\\frac{\\partial y}{\\partial W}' },
  'dY/dX': { text: '∂y/∂x', tex: '\\frac{\\partial y}{\\partial x}' },
  'dY/db': { text: '∂y/∂b', tex: '\\frac{\\partial y}{\\partial b}' },
};
