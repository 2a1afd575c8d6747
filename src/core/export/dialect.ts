// What the exported programs' lines are made of: the names of the lesson's
// matrices in Python, one statement and its comment, the few spellings in
// which NumPy and PyTorch differ, and the shape of the code forms the
// operations' entries carry (activation.ts, losses/*.ts).
import { MATRIX_NAMES, type MatrixName } from '../cells.ts';
import type { CommentKey, CommentParams } from './comments.ts';
import type { ExportFlavour } from './flavours.ts';

/** Names that differ from the app's own (MatrixName): X, Z and Y in capitals as its matrix forms write them, W⁺ and b⁺ spelt out. */
const RENAMED: Partial<Record<MatrixName, string>> = { x: 'X', z: 'Z', y: 'Y', Wn: 'W_new', bn: 'b_new' };

/** The names of the lesson's matrices in a program: x → X, dY → dY, Wn → W_new. */
export const PY_VARS: Readonly<Record<MatrixName, string>> = Object.fromEntries(MATRIX_NAMES.map((m) => [m, RENAMED[m] ?? m])) as Record<MatrixName, string>;

/** One statement of a program, with the comment written above it. */
export interface PyLine {
  code: string;
  note?: CommentKey;
  params?: CommentParams;
}

/** The spellings in which NumPy and PyTorch differ, in the lines the operations write. */
export interface PyDialect {
  flavour: ExportFlavour;
  /** The module of the array functions (exp, log, ones_like, arange): np or torch. */
  lib: string;
  /** The sum of e over one axis, the axis kept (as a row or column of sums) or dropped. */
  sum(e: string, axis: number, keep?: boolean): string;
  /** The largest entry of e along one axis, the axis kept. */
  max(e: string, axis: number): string;
  /** The number of entries of e. */
  size(e: string): string;
  /** The n×n identity, in float64. */
  eye(n: string): string;
  /** A float64 array from a literal of nested lists; tracked by autograd when `grad` is true (PyTorch). */
  floats(literal: string, grad: boolean): string;
  /** An integer array from a literal. */
  ints(literal: string): string;
}

const axisArgs = (axis: string, keep: string, a: number, k: boolean): string => `${axis}=${a}${k ? `, ${keep}=True` : ''}`;

/** The dialect of each flavour. */
export const DIALECTS: Record<ExportFlavour, PyDialect> = {
  numpy: {
    flavour: 'numpy',
    lib: 'np',
    sum: (e, a, k = false) => `${e}.sum(${axisArgs('axis', 'keepdims', a, k)})`,
    max: (e, a) => `${e}.max(${axisArgs('axis', 'keepdims', a, true)})`,
    size: (e) => `${e}.size`,
    eye: (n) => `np.eye(${n})`,
    floats: (lit) => `np.array(${lit})`,
    ints: (lit) => `np.array(${lit})`,
  },
  pytorch: {
    flavour: 'pytorch',
    lib: 'torch',
    sum: (e, a, k = false) => `${e}.sum(${axisArgs('dim', 'keepdim', a, k)})`,
    max: (e, a) => `${e}.amax(${axisArgs('dim', 'keepdim', a, true)})`,
    size: (e) => `${e}.numel()`,
    eye: (n) => `torch.eye(${n}, dtype=torch.float64)`,
    floats: (lit, grad) => `torch.tensor(${lit}, dtype=torch.float64${grad ? ', requires_grad=True' : ''})`,
    ints: (lit) => `torch.tensor(${lit})`,
  },
};

/** What a loss's code form reads: the dialect, the names, and where Y keeps its samples and outputs. */
export interface PyLossContext {
  d: PyDialect;
  v: Readonly<Record<MatrixName, string>>;
  /** The axis of Y along which one sample's T outputs lie: 1 where samples are rows, 0 where they are columns. */
  outAxis: number;
  /** m[s, j] or m[j, s]: a Y-shaped m indexed by a sample and an output, in the order Y's layout puts them. */
  at(m: string, idx: { s: string; j: string }): string;
  /** A Y-shaped m with one sample a row: m itself, or m.T where samples are columns. */
  bySample(m: string): string;
}

/** A loss in Python: L and dL/dY by hand, and PyTorch's own loss, which autograd differentiates. */
export interface LossCode {
  /** The statements that compute L from Y (and the target), the last one assigning L. */
  value(p: PyLossContext): PyLine[];
  /** The statements that compute dL/dY, after those of L. */
  grad(p: PyLossContext): PyLine[];
  /** PyTorch's own function for L. */
  framework(p: PyLossContext): string;
}

/** An activation in Python. */
export interface ActivationCode {
  /** Y from Z: by hand with NumPy, and with PyTorch's own function (which autograd differentiates). */
  forward: Record<ExportFlavour, (z: string) => string>;
  /** act'(Z) as an expression of Z and Y that NumPy and PyTorch both evaluate, in brackets where it has an operator. */
  slope(z: string, y: string): string;
}
