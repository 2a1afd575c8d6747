// What every operation of the lesson says about the node it computes: the
// terms of one cell, their notation, what the cell means, the matrix form,
// and how the player computes the node step by step. derive, buildScript and
// the highlights read only these.
import type { Activation } from './activation.ts';
import type { CellBlock } from '../blocks.ts';
import type { Convention, Sizes } from '../conventions.ts';
import type { NumberFormat } from '../format.ts';
import type { Idx, LayoutName } from '../layout.ts';
import type { LessonInputs, LessonOutputs } from '../lessonTypes.ts';
import type { Msg } from '../messages.ts';
import type { CellRef, MatrixName } from '../nodes.ts';
import type { LossKind } from './lossKinds.ts';

/** The lesson an operation reads: convention, loss, activation, sizes, inputs and outputs. */
export interface DerivationContext {
  convention: Convention;
  loss: LossKind;
  /** The activation after the layer; identity when left out. */
  activation?: Activation;
  /** The learning rate of the update after the backward pass; no update when left out. */
  lr?: number;
  sizes: Sizes;
  inputs: LessonInputs;
  outputs: LessonOutputs;
}

/** What a lesson's graph depends on: which nodes it has and how they are laid out. */
export type GraphSpec = Pick<DerivationContext, 'convention' | 'loss' | 'activation' | 'lr' | 'sizes'>;

/** One term of a cell's sum, as numbers: the cells it is computed from, their values, and its own value. */
export interface NumericTerm {
  factors: CellRef[];
  /** values[k] belongs to factors[k]. */
  values: number[];
  value: number;
}

/** A cell's value as scale · Σ terms (scale is 1 for plain sums). */
export interface CellTerms {
  scale: number;
  terms: NumericTerm[];
}

/**
 * The numbers one term shows and the term worked out from them, as a learner
 * with a calculator would: what lets a derivation choose how many figures to
 * show so that its numbers line adds up.
 */
export interface PluggedTerm {
  /** The values the term's numbers show, in the order written (each rounded to the line's figures on screen). */
  shown: readonly number[];
  /** The term's value from its numbers, rounded or not. */
  of(shown: readonly number[]): number;
}

/** How one term is written. */
export interface TermNotation {
  /** With indices, in LaTeX. */
  symbolic: string;
  /** With numbers, in LaTeX. */
  tex: string;
  /** As it is read aloud. */
  speech: Msg;
}

/** How one cell of a computed node is written. */
export interface CellNotation {
  /** The rule in index notation, with letters. */
  general: string;
  /** The left side with this cell's indices. */
  lhs: string;
  /** The scale in front of the sum ('' when it is 1). */
  scaleTex: string;
  /** What follows the sum on the cell's line, e.g. ',\ c_{0} = 1' (or ''). */
  aside: string;
  terms: TermNotation[];
}

/** One factor of a matrix-form rule and its shapes. */
export interface FormFactor {
  label: string;
  dims: [string, string];
  shape: [number, number];
}

/** The matrix-form rule for a whole node, with each factor's shape. */
export interface MatrixForm {
  /** The rule as usually written, e.g. dL/dW = Xᵀ dL/dY. */
  rule: string;
  /** The rule with each factor's symbolic shape set under it. */
  tex: string;
  factors: FormFactor[];
  result: FormFactor;
  /** The dimension check, with letters and with this lesson's sizes; a view sets a word such as 'i.e.' between them. */
  check: { symbolic: string; numeric: string };
}

/** The phases of a lesson: the update only in a lesson with a learning rate. */
export type Phase = 'forward' | 'loss' | 'backward' | 'update';

/**
 * How the player computes a node: a cell at a time, a sample at a time, all
 * at once, or as a running sum over samples (one sample's terms added to
 * every cell per step).
 */
export type Schedule = 'cell' | 'sample' | 'all' | 'accumulate';

/** One group of cells the player writes in one step. */
export interface StepGroup {
  schedule: Schedule;
  /** The sample, for 'sample' and 'accumulate' groups (and the cell's sample for 'cell'). */
  s: number;
  /** The one cell of a 'cell' group. */
  cell: CellRef | null;
  /** How many samples a running sum holds after the step. */
  samplesDone: number;
}

/** What the player says for a step: a sentence and a formula. */
export interface Narration {
  text: Msg;
  tex: string;
}

/** How the player computes a node. */
export interface NodeScript {
  phase: Phase;
  fine: Schedule;
  coarse: Schedule;
  narrate(ctx: DerivationContext, g: StepGroup, fmt: NumberFormat): Narration;
}

/** A partial derivative of one cell with respect to one of its factor cells: its value (null when the values are not known) and the cell it equals, if it is one cell's value. */
export interface PartialDerivative {
  cell: CellRef | null;
  value: number | null;
}

/** The operation a node belongs to, for the labels between grids. */
export type OpId = 'input' | 'dense' | 'activation' | 'loss' | 'loss-grad' | 'activation-grad' | 'dense-grad' | 'update';

interface RuleBase {
  node: MatrixName;
  layout: LayoutName;
  op: OpId;
  /** One plain sentence on what the cell means. */
  note(ctx: DerivationContext, cell: CellRef): Msg;
  script: NodeScript | null;
}

/** A node worked out from others. */
export interface ComputedRule extends RuleBase {
  role: 'computed';
  /** The nodes this one is computed from: its edges in the graph. */
  from: readonly MatrixName[];
  terms(ctx: DerivationContext, cell: CellRef): CellTerms;
  /**
   * The cells read by the terms of the cells and terms that agree with `at`, as blocks (one per node read): an index
   * of this node picks its cells, the index a sum runs over picks its terms (the added node's term then drops out),
   * an index left out takes every value. In time of the blocks, not of the cells: the step script's reads.
   */
  reads(ctx: GraphSpec, at: Idx): CellBlock[];
  /** Term k of every cell of this node, row-major, each as terms() gives it, without building the terms: what a running sum adds at sample k (a fresh array). */
  termAt?(ctx: DerivationContext, k: number): Float64Array;
  /** The factor cells of each term, without their values: what finding the cells an input feeds needs, cheaply. */
  factors?(ctx: GraphSpec, cell: CellRef): CellRef[][];
  /** The cells of this node that read a given cell of another node, when the rule can say so directly. */
  readers?(ctx: GraphSpec, cell: CellRef): CellRef[];
  /**
   * ∂cell/∂wrt for a cell `wrt` among the factors of the cell's terms, reading values through `value` (which may
   * not know them); null when wrt is not a factor. The Jacobians' entries are these.
   */
  partial?(ctx: GraphSpec, cell: CellRef, wrt: CellRef, value: (c: CellRef) => number | null): PartialDerivative | null;
  /** The numbers each term of the cell's numbers line shows, and how each term is worked out from them. */
  plugged(ctx: DerivationContext, cell: CellRef, t: CellTerms): PluggedTerm[];
  /** How the cell is written, its plugged-in numbers to `digits` significant figures. */
  notation(ctx: DerivationContext, cell: CellRef, t: CellTerms, fmt: NumberFormat, digits: number): CellNotation;
  matrixForm(ctx: DerivationContext): MatrixForm | null;
}

/** A node given to the layer (or shown but not used): described, not derived. */
export interface GivenRule extends RuleBase {
  role: 'input' | 'unused';
  /** The nodes whose cells read this one's. */
  feeds: readonly MatrixName[];
  /** What the cell is and what it feeds, as a sentence with formulas. */
  describe(ctx: DerivationContext, cell: CellRef): Msg;
}

/** The rule of one node. */
export type NodeRule = ComputedRule | GivenRule;
