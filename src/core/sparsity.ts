// The sparsity pattern of the layer's Jacobians in closed form, so any
// rectangle of (row, column) index space can be asked "how many structural
// non-zeros are in here?" in O(1), at any size, without touching entries.
//
// Entry (r, c) is non-zero exactly when the logical indices the row's cell and
// the column's cell share are equal (jacobianKinds.ts):
//   dy/dW and dy/db share the output j; dy/dx shares the sample s;
//   dy/dz shares both, so it is diagonal.
// After linearisation a single shared index is either floor(k / d) (it is the
// outer, slower-moving index) or k mod m (the inner one), for both axes; two
// shared indices are the whole linear index, floor(k / 1).
import type { Sizes } from './conventions.ts';
import type { Jacobian, JacobianKind, Linearisation } from './jacobian.ts';
import { paramOf, sharedIndices } from './jacobianKinds.ts';
import { type IndexName, type LayoutName, axesOf } from './layout.ts';
import { NODE_LAYOUT, matrixShape } from './nodes.ts';

export { paramOf } from './jacobianKinds.ts';

/** How a linear index k maps to the index that decides structure: floor(k / d), or k mod m. */
export type AxisKey = { op: 'div'; d: number } | { op: 'mod'; m: number };

/** The structure of a Jacobian: entry (r, c) is non-zero exactly when rowKey(r) = colKey(c). */
export interface SparsityPattern {
  rows: number;
  cols: number;
  rowKey: AxisKey;
  colKey: AxisKey;
}

/** What a Jacobian's pattern depends on; a structured Jacobian has all of it. */
export type PatternSpec = Pick<Jacobian, 'kind' | 'convention' | 'sizes' | 'linearisation'>;

/**
 * The key of a linear index into a rows×cols matrix when the deciding index
 * sits on its physical rows ('r') or columns ('c').
 */
function keyOf(lin: Linearisation, rows: number, cols: number, axis: 'r' | 'c'): AxisKey {
  if (lin === 'row-major') return axis === 'r' ? { op: 'div', d: cols } : { op: 'mod', m: cols };
  return axis === 'c' ? { op: 'div', d: rows } : { op: 'mod', m: rows };
}

/** Which physical axis of a layout holds an index. */
const axisOf = (layout: LayoutName, spec: PatternSpec, k: IndexName): 'r' | 'c' => (axesOf(layout, spec.convention)[0] === k ? 'r' : 'c');

/** The closed-form sparsity pattern of a Jacobian. O(1). */
export function sparsityPattern(spec: PatternSpec): SparsityPattern {
  const { kind, convention: conv, sizes, linearisation: lin } = spec;
  const [yr, yc] = matrixShape(conv, sizes, 'y');
  const param = paramOf(kind);
  const [pr, pc] = matrixShape(conv, sizes, param);
  const shared = sharedIndices(kind, conv);
  if (shared.length === 2) {
    // Row and column cells are both y-shaped and flattened alike: the pattern is the diagonal.
    return { rows: yr * yc, cols: pr * pc, rowKey: { op: 'div', d: 1 }, colKey: { op: 'div', d: 1 } };
  }
  const k = shared[0];
  return {
    rows: yr * yc,
    cols: pr * pc,
    rowKey: keyOf(lin, yr, yc, axisOf('y', spec, k)),
    colKey: keyOf(lin, pr, pc, axisOf(NODE_LAYOUT[param], spec, k)),
  };
}

/** The key of one index. */
export function keyAt(key: AxisKey, k: number): number {
  return key.op === 'div' ? Math.floor(k / key.d) : k % key.m;
}

/**
 * Writes the histogram of keys over indices [i0, i1) as at most three
 * (start, end, count) segments of key space into out at offset; returns how
 * many. Segments may overlap; counts add up.
 */
function segments(key: AxisKey, i0: number, i1: number, out: Float64Array, at: number): number {
  if (i1 <= i0) return 0;
  if (key.op === 'div') {
    const d = key.d;
    const k0 = Math.floor(i0 / d), k1 = Math.floor((i1 - 1) / d);
    if (k0 === k1) return put(out, at, 0, k0, k0 + 1, i1 - i0);
    let n = put(out, at, 0, k0, k0 + 1, (k0 + 1) * d - i0);
    if (k1 > k0 + 1) n = put(out, at, n, k0 + 1, k1, d);
    return put(out, at, n, k1, k1 + 1, i1 - k1 * d);
  }
  const m = key.m;
  const len = i1 - i0;
  const q = Math.floor(len / m), rem = len - q * m, s = i0 % m;
  let n = 0;
  if (q > 0) n = put(out, at, n, 0, m, q);
  if (rem > 0) {
    if (s + rem <= m) n = put(out, at, n, s, s + rem, 1);
    else {
      n = put(out, at, n, s, m, 1);
      n = put(out, at, n, 0, s + rem - m, 1);
    }
  }
  return n;
}

function put(out: Float64Array, at: number, n: number, start: number, end: number, count: number): number {
  const o = at + 3 * n;
  out[o] = start;
  out[o + 1] = end;
  out[o + 2] = count;
  return n + 1;
}

/** Σ over keys of rowCount(key)·colCount(key), from two segment lists. */
function dot(a: Float64Array, ao: number, an: number, b: Float64Array, bo: number, bn: number): number {
  let sum = 0;
  for (let i = 0; i < an; i++) {
    const as = a[ao + 3 * i], ae = a[ao + 3 * i + 1], av = a[ao + 3 * i + 2];
    for (let j = 0; j < bn; j++) {
      const lo = Math.max(as, b[bo + 3 * j]), hi = Math.min(ae, b[bo + 3 * j + 1]);
      if (hi > lo) sum += av * b[bo + 3 * j + 2] * (hi - lo);
    }
  }
  return sum;
}

/** Number of structural non-zeros in rows [r0, r1) × columns [c0, c1), clipped to the matrix. O(1). */
export function structuralCount(p: SparsityPattern, r0: number, r1: number, c0: number, c1: number): number {
  const a0 = Math.max(0, Math.floor(r0)), a1 = Math.min(p.rows, Math.ceil(r1));
  const b0 = Math.max(0, Math.floor(c0)), b1 = Math.min(p.cols, Math.ceil(c1));
  if (a1 <= a0 || b1 <= b0) return 0;
  // Each axis has at most three segments of three numbers: small enough to allocate per call.
  const sa = new Float64Array(9);
  const sb = new Float64Array(9);
  const an = segments(p.rowKey, a0, a1, sa, 0);
  const bn = segments(p.colKey, b0, b1, sb, 0);
  return dot(sa, 0, an, sb, 0, bn);
}

/** True when rows [r0, r1) × columns [c0, c1) hold at least one structural non-zero. O(1). */
export function hasStructuralNonZero(p: SparsityPattern, r0: number, r1: number, c0: number, c1: number): boolean {
  return structuralCount(p, r0, r1, c0, c1) > 0;
}

/** True when entry (r, c) is a structural non-zero. */
export function patternAt(p: SparsityPattern, r: number, c: number): boolean {
  return keyAt(p.rowKey, r) === keyAt(p.colKey, c);
}

/** The structurally non-zero column of row r nearest to column c (every row has at least one). O(1). */
export function nearestNonZeroColumn(p: SparsityPattern, r: number, c: number): number {
  const k = keyAt(p.rowKey, r);
  const key = p.colKey;
  if (key.op === 'div') return Math.min(p.cols - 1, Math.max(k * key.d, Math.min((k + 1) * key.d - 1, c)));
  const base = c - (c % key.m) + k;
  let best = -1;
  for (const cand of [base - key.m, base, base + key.m]) {
    if (cand < 0 || cand >= p.cols) continue;
    if (best < 0 || Math.abs(cand - c) < Math.abs(best - c)) best = cand;
  }
  return best;
}

/** A window onto index space: the top-left index and how many rows and columns one pixel spans. */
export interface RasterView {
  /** Fractional row index at the top edge. */
  row0: number;
  /** Rows per pixel (below 1 when zoomed in past single entries). */
  rowsPerPx: number;
  height: number;
  col0: number;
  colsPerPx: number;
  width: number;
}

/** Pixels outside the matrix get this density. */
export const OUTSIDE = -1;

/**
 * The density of structural non-zeros under each pixel of a view, row after
 * row (width·height values in [0, 1], or OUTSIDE). A pixel covers every
 * entry it touches, so a pixel with any non-zero under it is never 0.
 * O(width·height) time; out is reused when large enough.
 */
export function sparsityRaster(p: SparsityPattern, v: RasterView, out?: Float32Array): Float32Array {
  const { width, height } = v;
  const res = out && out.length >= width * height ? out : new Float32Array(width * height);
  const colSegs = new Float64Array(width * 9);
  const colN = new Uint8Array(width);
  const colLen = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const [j0, j1] = band(v.col0, v.colsPerPx, x, p.cols);
    colLen[x] = j1 - j0;
    colN[x] = j1 > j0 ? segments(p.colKey, j0, j1, colSegs, 9 * x) : 0;
  }
  const rowSegs = new Float64Array(9);
  for (let y = 0; y < height; y++) {
    const [i0, i1] = band(v.row0, v.rowsPerPx, y, p.rows);
    const o = y * width;
    if (i1 <= i0) {
      res.fill(OUTSIDE, o, o + width);
      continue;
    }
    const rn = segments(p.rowKey, i0, i1, rowSegs, 0);
    const rlen = i1 - i0;
    for (let x = 0; x < width; x++) {
      const cn = colN[x];
      res[o + x] = cn === 0 ? OUTSIDE : dot(rowSegs, 0, rn, colSegs, 9 * x, cn) / (rlen * colLen[x]);
    }
  }
  return res;
}

/** The whole indices pixel k touches, [start, end), clipped to [0, n). */
function band(origin: number, perPx: number, k: number, n: number): [number, number] {
  const a = origin + k * perPx, b = a + perPx;
  const start = Math.floor(a);
  const end = Math.max(start + 1, Math.ceil(b - 1e-9));
  return [Math.max(0, start), Math.min(n, end)];
}

/** The cost figures of a Jacobian, as the cost panel shows them. */
export interface JacobianCost {
  kind: JacobianKind;
  sizes: Sizes;
  /** Rows and columns: |y| and the parameter's size. */
  shape: [number, number];
  entries: number;
  nnz: number;
  /** Fraction of entries that are structural zeros. */
  sparsity: number;
  /** Bytes of the materialised matrix. */
  float32: number;
  float64: number;
  /** Multiply-adds of the vector–Jacobian product through the full matrix, and by the shortcut formula. */
  macsFull: number;
  macsShortcut: number;
  /** macsFull / macsShortcut. */
  ratio: number;
}

/** The cost figures of a structured Jacobian, read from its fields. O(1). */
export function jacobianCost(J: Jacobian): JacobianCost {
  return {
    kind: J.kind,
    sizes: { ...J.sizes },
    shape: [J.rows, J.cols],
    entries: J.entries,
    nnz: J.nnz,
    sparsity: 1 - J.nnz / J.entries,
    float32: J.bytes.float32,
    float64: J.bytes.float64,
    macsFull: J.macs.full,
    macsShortcut: J.macs.shortcut,
    ratio: J.macs.full / J.macs.shortcut,
  };
}
