// What a lesson matrix's grid is framed with, and how it writes a number: its label and shape badge in the
// lesson's convention, its rows and columns, what they count. The grids (MatrixView, MatrixGrid) and the picture of
// the lesson (export/lessonPicture.ts) read them here, so a picture says what the screen says.
import { layoutDims, layoutShape, type Convention, type MatrixName, type NodeRule, type NumberFormat, type Sizes } from '../../core/index.ts';
import type { I18n } from '../strings/i18n.ts';
import { type Axis, axesOfLayout } from './axes.ts';

/** A grid's frame. */
export interface GridFrame {
  name: MatrixName;
  /** 'dL/dW', or 'target class' for class targets. */
  label: string;
  /** '[N×T] = [3×2]', or 'scalar' / 'not used' for the loss. */
  badge: string;
  rows: number;
  cols: number;
  rowAxis: Axis;
  colAxis: Axis;
  /** Its values are class indices, written as whole numbers. */
  integer: boolean;
  /** A loss the lesson does without: every cell is shown as not computed. */
  unused: boolean;
}

/** The frame of a node's grid in a convention at the lesson's sizes. */
export function gridFrame(rule: NodeRule, conv: Convention, sizes: Sizes, i18n: Pick<I18n, 't' | 'label'>): GridFrame {
  const { t } = i18n;
  const name = rule.node;
  const layout = rule.layout;
  const integer = layout === 'classes';
  const [rows, cols] = layoutShape(layout, conv, sizes);
  const dims = layoutDims(layout, conv);
  const unused = rule.role === 'unused';
  const badge = name === 'L' ? t(unused ? 'grid.badge.unused' : 'grid.badge.scalar') : t('grid.badge', { d0: dims[0], d1: dims[1], r: rows, c: cols });
  const axes = axesOfLayout(layout, conv);
  return { name, label: integer ? t('matrix.target.classLabel') : i18n.label(name), badge, rows, cols, rowAxis: axes.rows, colAxis: axes.cols, integer, unused };
}

/** A number as a grid's cell shows it: three significant figures, or a whole number for a class index. */
export const gridText = (fmt: NumberFormat, v: number, integer = false): string => (integer ? fmt.integer(v) : fmt.text(v, 3));
