// The values and shapes of a lesson's nodes, as laid out on screen.
import type { Convention, Sizes } from './conventions.ts';
import { ValidationError } from './errors.ts';
import { type LayoutName, layoutDims, layoutShape } from './layout.ts';
import type { Matrix } from './matrix.ts';
import { type CellRef, type MatrixName, NODE_LAYOUT } from './nodes.ts';
import { LOSS_TARGET, type LossKind } from './ops/lossKinds.ts';
import type { DerivationContext } from './ops/types.ts';

/** The layout of a node in a lesson: class targets are one row of B indices. */
export function nodeLayout(m: MatrixName, loss: LossKind): LayoutName {
  return m === 'target' && LOSS_TARGET[loss] === 'classes' ? 'classes' : NODE_LAYOUT[m];
}

/** The displayed shape of any node, including the 1×B class-target row. */
export function nodeShape(m: MatrixName, conv: Convention, sizes: Sizes, loss: LossKind): [number, number] {
  return layoutShape(nodeLayout(m, loss), conv, sizes);
}

/** The symbolic shape of any node as displayed, e.g. ['1','B'] for class targets. */
export function nodeDims(m: MatrixName, conv: Convention, loss: LossKind): [string, string] {
  return layoutDims(nodeLayout(m, loss), conv);
}

/** The shape of the target as displayed: y's shape for mse, one class per sample otherwise. */
export function targetShape(ctx: Pick<DerivationContext, 'convention' | 'loss' | 'sizes'>): [number, number] {
  return nodeShape('target', ctx.convention, ctx.sizes, ctx.loss);
}

/** All values of a displayed matrix, row-major as laid out on screen (L as a single value). */
export function matrixValues(ctx: DerivationContext, m: MatrixName): ArrayLike<number> {
  const { inputs, outputs } = ctx;
  switch (m) {
    case 'x':
      return inputs.x.data;
    case 'W':
      return inputs.W.data;
    case 'b':
      return inputs.b;
    case 'target':
      return LOSS_TARGET[ctx.loss] === 'classes' ? inputs.targetClasses : inputs.targetMatrix.data;
    case 'z':
      return outputs.z.data;
    case 'y':
      return outputs.y.data;
    case 'L':
      return [outputs.L];
    case 'dY':
      return outputs.dY.data;
    case 'dZ':
      return outputs.dZ.data;
    case 'dW':
      return outputs.dW.data;
    case 'db':
      return outputs.db;
    case 'dX':
      return outputs.dX.data;
    case 'Wn':
    case 'bn': {
      const v = m === 'Wn' ? outputs.Wn?.data : outputs.bn;
      if (!v) throw new ValidationError('cell', `matrixValues: ${m} is only part of a lesson with a learning rate`);
      return v;
    }
  }
}

/** A node's values as a matrix of its displayed shape (b and class targets as one row, L as 1×1). */
export function nodeMatrix(ctx: DerivationContext, m: MatrixName): Matrix {
  const [rows, cols] = nodeShape(m, ctx.convention, ctx.sizes, ctx.loss);
  const v = matrixValues(ctx, m);
  return { rows, cols, data: v instanceof Float64Array ? v : Float64Array.from(v) };
}

/** True when a cell lies inside its matrix as the lesson displays it. */
export function inShape(ctx: Pick<DerivationContext, 'convention' | 'loss' | 'sizes'>, cell: CellRef): boolean {
  const [rows, cols] = nodeShape(cell.m, ctx.convention, ctx.sizes, ctx.loss);
  return Number.isInteger(cell.r) && Number.isInteger(cell.c) && cell.r >= 0 && cell.c >= 0 && cell.r < rows && cell.c < cols;
}

/** The value of any displayed cell. Throws when the cell is outside its matrix. */
export function cellValue(ctx: DerivationContext, cell: CellRef): number {
  const [rows, cols] = nodeShape(cell.m, ctx.convention, ctx.sizes, ctx.loss);
  if (!inShape(ctx, cell)) throw new ValidationError('cell', `cellValue: ${cell.m}[${cell.r},${cell.c}] is outside its shape [${rows},${cols}]`);
  return matrixValues(ctx, cell.m)[cell.r * cols + cell.c];
}
