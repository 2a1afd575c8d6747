// The data lines of a training script too large to write as literals (the digits): each array packed as
// little-endian bytes, deflated in zlib format and written in base64url, so Python's standard library
// (base64, zlib) and NumPy's or PyTorch's frombuffer read it back, with every number exactly as the run has it.
import { zlibSync } from 'fflate';
import { toBase64Url } from '../base64.ts';
import type { PyDialect, PyLine } from './dialect.ts';
import { pyFloat } from './pyValues.ts';
import type { TrainScriptRun, TrainScriptValues } from './trainScriptData.ts';

/** Bytes deflated (zlib format, which Python's zlib.decompress reads) and in base64url, as a Python string literal. */
export function packBytes(bytes: Uint8Array): string {
  return `"${toBase64Url(zlibSync(bytes, { level: 6 }))}"`;
}

const bytesOf = (a: Float64Array | Int32Array | Uint8Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The dtype names of each flavour: bytes, 32-bit integers and float64, all little-endian. */
const DTYPES = {
  numpy: { u8: '"u1"', i32: '"<i4"', f64: '"<f8"' },
  pytorch: { u8: 'torch.uint8', i32: 'torch.int32', f64: 'torch.float64' },
} as const;

/** unpack(text, dtype): the array a packed literal holds, flat. */
function unpackLine(d: PyDialect): PyLine {
  const raw = 'zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))';
  const body = d.flavour === 'numpy' ? `np.frombuffer(${raw}, dtype=dtype)` : `torch.frombuffer(bytearray(${raw}), dtype=dtype)`;
  return { code: `def unpack(text, dtype):\n    return ${body}` };
}

/** The run's data as packed literals, then the same names the literal form defines (features, targets, train, test, order). */
export function packedDataLines(d: PyDialect, { data, config }: TrainScriptRun, values: TrainScriptValues, count: number): PyLine[] {
  const t = DTYPES[d.flavour];
  const sizes = { n: data.n, N: data.features, T: data.outputs };
  const np = d.flavour === 'numpy';
  const f64 = np ? '.astype(np.float64)' : '.to(torch.float64)';
  const i64 = np ? '.astype(np.int64)' : '.long()';
  const ints = (a: ArrayLike<number>) => (a.length === 0 ? '[]' : `unpack(${packBytes(bytesOf(Int32Array.from(a)))}, ${t.i32})${i64}`);
  const pixels = data.x instanceof Uint8Array && !data.standardised;
  const features: PyLine = pixels
    ? { note: 'train.features.pixels', params: { ...sizes, scale: pyFloat(data.scale) }, code: `features = unpack(${packBytes(data.x as Uint8Array)}, ${t.u8})${f64}.reshape(${data.n}, ${data.features}) * ${pyFloat(data.scale)}` }
    : { note: data.standardised ? 'train.features.scaled' : 'train.features', params: sizes, code: `features = unpack(${packBytes(bytesOf(values.features.data))}, ${t.f64}).reshape(${data.n}, ${data.features})` };
  const targets: PyLine = Array.isArray(values.targets)
    ? { note: 'train.targets.classes', params: sizes, code: `targets = ${ints(values.targets)}` }
    : { note: 'train.targets.matrix', params: sizes, code: `targets = unpack(${packBytes(bytesOf(values.targets.data))}, ${t.f64}).reshape(${data.n}, ${data.outputs})` };
  const orders = Int32Array.from(values.orders.flat());
  const order = orders.length === 0 ? '[]' : `unpack(${packBytes(bytesOf(orders))}, ${t.i32})${i64}.reshape(${config.epochs}, ${data.train.length})`;
  return [
    { note: 'train.packed', params: { values: count }, code: '' },
    unpackLine(d),
    features,
    targets,
    { note: 'train.split', code: `train = ${ints(values.train)}\ntest = ${ints(values.test)}` },
    { note: 'train.order', code: `order = ${order}` },
  ];
}
