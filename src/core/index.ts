// The public API of the maths core. Pure TypeScript: runs in Node, the browser and a worker.
export type { Matrix } from './matrix.ts';
export { fromRows, toRows, zeros, transpose, clone, at, withEntry, shapeOf } from './matrix.ts';
export type { Convention, Sizes } from './conventions.ts';
export { CONVENTIONS, isConvention } from './conventions.ts';
export type { IndexName, Idx, LayoutName } from './layout.ts';
export { axesOf, layoutShape, layoutDims, logicalOf, physicalOf, indicesOf, INDEX_SIZE } from './layout.ts';
export type { MatrixName, CellRef } from './nodes.ts';
export {
  MATRIX_NAMES,
  NODE_LAYOUT,
  NODE_TEX,
  ENTRY_SYMBOL_OF,
  GRADIENT_OF,
  matrixShape,
  matrixDims,
  cellAt,
  idxOf,
  xShape,
  wShape,
  yShape,
  xCell,
  wCell,
  yCell,
  bCell,
  xLogical,
  wLogical,
  yLogical,
  sizesOf,
} from './nodes.ts';
export { subOf, entryTex, ySub, xSub, wSub } from './notation.ts';
export type { Msg, MsgParam, NumParam, TexParam, CodeParam, CellParam, CoreMessageKey } from './messages.ts';
export { msg, num, code, cellParam } from './messages.ts';
export { ValidationError } from './errors.ts';
export { forward, backward, type Gradients } from './dense.ts';
export { ACTIVATIONS, ACTIVATION_SPECS, activate, activationBackward, isActivation, type Activation, type ActivationSpec } from './ops/activation.ts';
export { LOSS_KINDS, LOSS_TARGET, isLossKind, type CoreLossKind, type LossKind, type TargetKind } from './ops/lossKinds.ts';
export { loss, LOSSES, LOSS_SPECS, type LossEntry, type LossResult, type LossSpec } from './ops/losses.ts';
export { softmaxRow, crossEntropy } from './ops/lossMath.ts';
export { CONVENTION_INFO, PRODUCTS, denseNames, forwardTex, layerTex, linearRule, type ConventionInfo } from './ops/linear.ts';
export type { ComputedRule, GivenRule, NodeRule, OpId, Phase, Schedule, MatrixForm, FormFactor, Narration, NumericTerm, DerivationContext, GraphSpec } from './ops/types.ts';
export { lessonGraph, type LessonGraph } from './graph.ts';
export {
  jacobian,
  vectorise,
  unvectorise,
  MATERIALISE_LIMIT,
  VJP_LIMIT,
  type Jacobian,
  type Linearisation,
} from './jacobian.ts';
export { JACOBIAN_KINDS, JACOBIAN_SPECS, jacobianKindsFor, jacobianOf, paramOf, sharedIndices, type JacobianKind, type JacobianKindSpec, type JacobianValues } from './jacobianKinds.ts';
export { gradCheck, type GradCheckResult } from './gradcheck.ts';
export { createRng, type Rng } from './random.ts';
export { makeLesson, computeLesson, convertInputs, lessonSizes, assertLessonShapes } from './lesson.ts';
export type { LessonConfig, LessonInputs, LessonOutputs } from './lessonTypes.ts';
// The linked notations' writer is not here: the page fetches it when a derivation is first shown (its module, with the
// exported program's statements, would weigh on the first screen); take it from './linkedNotation.ts'.
export type { LinkedNotation, NotationPart, PartKind } from './linkedNotation.ts';
export { partCells } from './partCells.ts';
export { linkedTex, partsOf, plainText, type PartId, type Token } from './tokens.ts';
export { derive, uniqueCells, type Derivation, type DerivationTerm, type Progress } from './derivation.ts';
export { cellValue, matrixValues, nodeLayout, nodeMatrix, nodeShape, nodeDims, targetShape, inShape } from './values.ts';
export { formatNumber, texNumber, numberFormat, ENGLISH, type NumberFormat } from './format.ts';
export {
  buildScript,
  snapshotAt,
  samplesDoneAt,
  stepWrites,
  defaultGranularity,
  phaseJump,
  phaseShown,
  PHASES,
  COMPUTED,
  COARSE_TARGET,
  type Script,
  type Step,
  type StepWrite,
  type Granularity,
  type ComputedName,
  type Snapshot,
} from './script.ts';
export { blockAt, blockCells, blockHas, blockSize, type CellBlock } from './blocks.ts';
export { deriveAtStep } from './partial.ts';
export {
  sparsityPattern,
  structuralCount,
  hasStructuralNonZero,
  patternAt,
  nearestNonZeroColumn,
  keyAt,
  sparsityRaster,
  jacobianCost,
  OUTSIDE,
  type AxisKey,
  type SparsityPattern,
  type PatternSpec,
  type RasterView,
  type JacobianCost,
} from './sparsity.ts';
export {
  explainEntry,
  shortcutWalkthrough,
  WALKTHROUGH_STEPS,
  type EntryExplanation,
  type ShortcutTerm,
  type ShortcutColumn,
  type ShortcutWalkthrough,
  type WalkthroughStep,
} from './jacobianExplain.ts';
export { parseNumber } from './parseNumber.ts';
export { UPDATED, isLearningRate, updateRules, updateTex } from './ops/update.ts';
export { sgdStep, applyUpdate, TRAIN_LOSSES, type TrainLoss, type SgdResult } from './train/sgd.ts';
export {
  DATASET_IDS,
  REGRESSION_TRUTH,
  isDatasetId,
  permutation,
  split,
  standardise,
  regressionData,
  classificationData,
  irisData,
  digitsData,
  type Dataset,
  type DatasetId,
} from './train/dataset.ts';
export {
  BATCH_MAX,
  EPOCHS_MAX,
  assertTrainConfig,
  batchOf,
  epochOrder,
  evaluate,
  initialWeights,
  nextBatch,
  runDone,
  startRun,
  trainUpdates,
  updatesPerEpoch,
  type Batch,
  type EpochRecord,
  type TrainConfig,
  type TrainRun,
} from './train/loop.ts';
export { CSV_MAX_CLASSES, CSV_MAX_NUMBERS, csvData, parseCsv, type CsvTable } from './train/csv.ts';
export { logicalWeight, truthGap, type TruthGap } from './train/truth.ts';
export { EXPORT_FLAVOURS, isExportFlavour, type ExportFlavour } from './export/flavours.ts';
export { MAX_TERMS, shownTerms, indexedTex, indexedRhsTex, openerTex, closerTex, numbersTex, resultTex } from './derivationTex.ts';
// The exporters (export/python.ts, latex.ts, latexDocument.ts, latexValues.ts) are imported from their own modules,
// never from here: a bundler keeps what this index names beside the first screen's code, and they are not needed there.
export { EXERCISE_KINDS, HINT_LEVELS, MISS_WEIGHT, QUIZ_MAX, QUIZ_MIN, isExerciseKind, type Outcome, type QuizSpec, type Answer, type BugExercise, type BugId, type CheckedGradient, type DepsExercise, type Exercise, type ExerciseKind, type FormulaExercise, type Hint, type PredictExercise, type ShapeExercise, type Verdict } from './exercises/types.ts';
// The exercises' generation and checking (exercises/engine.ts) are imported from their own module, never from here:
// the exercise mode loads them when it opens, as the exporters are.
