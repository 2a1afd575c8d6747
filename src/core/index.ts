// The public API of the maths core. Pure TypeScript: runs in Node, the browser and a worker.
export type { Matrix } from './matrix.ts';
export { fromRows, toRows, zeros, transpose, clone, at, withEntry, shapeOf } from './matrix.ts';
export type { Convention, Sizes, MatrixName, CellRef, ConventionInfo } from './conventions.ts';
export {
  CONVENTIONS,
  CONVENTION_INFO,
  isConvention,
  xShape,
  wShape,
  yShape,
  matrixShape,
  matrixDims,
  sizesOf,
  xCell,
  wCell,
  yCell,
  bCell,
  xLogical,
  wLogical,
  yLogical,
} from './conventions.ts';
export { ValidationError } from './errors.ts';
export { forward, backward, type Gradients } from './dense.ts';
export { loss, softmaxRow, LOSS_SPECS, type CoreLossKind, type LossResult, type LossSpec } from './loss.ts';
export {
  jacobian,
  vectorise,
  unvectorise,
  MATERIALISE_LIMIT,
  VJP_LIMIT,
  type Jacobian,
  type JacobianKind,
  type JacobianValues,
  type Linearisation,
} from './jacobian.ts';
export { gradCheck, type GradCheckResult } from './gradcheck.ts';
export { createRng, type Rng } from './random.ts';
export {
  makeLesson,
  computeLesson,
  convertInputs,
  lessonSizes,
  assertLessonShapes,
  isLossKind,
  LOSS_KINDS,
  type LossKind,
  type LessonConfig,
  type LessonInputs,
  type LessonOutputs,
} from './lesson.ts';
export {
  derive,
  cellValue,
  matrixValues,
  matrixTex,
  matrixLabel,
  targetShape,
  type Derivation,
  type DerivationTerm,
  type DerivationContext,
  type MatrixForm,
} from './derivation.ts';
export { formatNumber, texNumber } from './format.ts';
export {
  buildScript,
  snapshotAt,
  samplesDoneAt,
  defaultGranularity,
  COMPUTED,
  COARSE_TARGET,
  type Script,
  type Step,
  type StepWrite,
  type Phase,
  type Granularity,
  type ComputedName,
  type Snapshot,
} from './script.ts';
export { deriveAtStep } from './partial.ts';
export { sparsityPattern, structuralCount, hasStructuralNonZero, patternAt, nearestNonZeroColumn, keyAt, paramOf, sparsityRaster, jacobianCost, formatBytes, formatCount, formatPercent, OUTSIDE, type AxisKey, type SparsityPattern, type PatternSpec, type RasterView, type JacobianCost } from './sparsity.ts';
export { explainEntry, shortcutWalkthrough, type EntryExplanation, type ShortcutTerm, type ShortcutColumn, type ShortcutWalkthrough } from './jacobianExplain.ts';
