// The app's compact file of handwritten digits (assets/mnist-digits.bin, made at build time by build/mnist.ts
// from the `mnist` package's JSON). All numbers little-endian:
//
//   offset  size        what
//   0       4           magic, the ASCII bytes "MNST"
//   4       1           version, 1
//   5       3           reserved, written as 0 (not read)
//   8       4           count: how many digits, uint32
//   12      count       labels, one byte each, 0 to 9
//   12+count count×784  pixels, 28×28 a digit, row by row, uint8 = round(value × 255) for a value in [0, 1]
//
// The file is exactly 12 + 785·count bytes. Pure: no fetching here (src/train/loadDigits.ts fetches).
import { ValidationError } from '../errors.ts';

/** Pixels per digit (28×28). */
export const DIGIT_PIXELS = 784;
/** The file's first four bytes, "MNST". */
export const DIGITS_MAGIC = 'MNST';
/** The only version there is. */
export const DIGITS_VERSION = 1;
/** Bytes before the labels: magic, version, reserved, count. */
export const DIGITS_HEADER_BYTES = 12;
/** The largest class label. */
const MAX_LABEL = 9;

/** Digits as the app trains on them: `labels.length` digits, each 784 uint8 pixels, one after another. */
export interface Digits {
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** The size of a file of `count` digits, in bytes. */
export const digitsByteLength = (count: number): number => DIGITS_HEADER_BYTES + count * (DIGIT_PIXELS + 1);

const fail = (message: string): never => {
  throw new ValidationError('digits', message);
};

function checkLabels(labels: Uint8Array, where: string): void {
  const bad = labels.findIndex((l) => l > MAX_LABEL);
  if (bad >= 0) fail(`${where}: label ${bad} is ${labels[bad]}, not a digit from 0 to ${MAX_LABEL}`);
}

/** The file for some digits. Throws when the pixels are not 784 per label or a label is above 9. */
export function encodeDigits(d: Digits): Uint8Array {
  const count = d.labels.length;
  if (d.pixels.length !== count * DIGIT_PIXELS) fail(`encodeDigits: ${count} labels need ${count * DIGIT_PIXELS} pixels, not ${d.pixels.length}`);
  checkLabels(d.labels, 'encodeDigits');
  const out = new Uint8Array(digitsByteLength(count));
  for (let k = 0; k < 4; k++) out[k] = DIGITS_MAGIC.charCodeAt(k);
  out[4] = DIGITS_VERSION;
  new DataView(out.buffer).setUint32(8, count, true);
  out.set(d.labels, DIGITS_HEADER_BYTES);
  out.set(d.pixels, DIGITS_HEADER_BYTES + count);
  return out;
}

/**
 * Digits from one flat array of pixel values in [0, 1] per class (`byClass[d]` holds the digits labelled d, 784
 * values each, as the `mnist` package's JSON files do), kept in class blocks in label order. Each value becomes
 * round(value × 255). Throws on more than 10 classes, a length that is not a multiple of 784, or a value outside [0, 1].
 */
export function digitsFromClasses(byClass: readonly ArrayLike<number>[]): Digits {
  if (byClass.length > MAX_LABEL + 1) fail(`digitsFromClasses: ${byClass.length} classes, at most ${MAX_LABEL + 1}`);
  byClass.forEach((values, d) => {
    if (values.length % DIGIT_PIXELS !== 0) fail(`digitsFromClasses: class ${d} has ${values.length} values, not a multiple of ${DIGIT_PIXELS}`);
  });
  const count = byClass.reduce((n, values) => n + values.length / DIGIT_PIXELS, 0);
  const pixels = new Uint8Array(count * DIGIT_PIXELS), labels = new Uint8Array(count);
  let at = 0;
  byClass.forEach((values, d) => {
    labels.fill(d, at / DIGIT_PIXELS, at / DIGIT_PIXELS + values.length / DIGIT_PIXELS);
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!(v >= 0 && v <= 1)) fail(`digitsFromClasses: class ${d}, value ${k} is ${String(v)}, not a number from 0 to 1`);
      pixels[at++] = Math.round(v * 255);
    }
  });
  return { pixels, labels };
}

/**
 * Reads the file. The arrays are views on `buf` (no copy). Throws a ValidationError naming what is wrong: too
 * short for the header, another magic or version, a length that does not match the count, a label above 9.
 */
export function decodeDigits(buf: ArrayBuffer): Digits {
  if (buf.byteLength < DIGITS_HEADER_BYTES) fail(`decodeDigits: ${buf.byteLength} bytes, too short for the ${DIGITS_HEADER_BYTES}-byte header`);
  const bytes = new Uint8Array(buf);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== DIGITS_MAGIC) fail(`decodeDigits: the file starts with ${JSON.stringify(magic)}, not "${DIGITS_MAGIC}": not a digits file`);
  if (bytes[4] !== DIGITS_VERSION) fail(`decodeDigits: version ${bytes[4]}, but only version ${DIGITS_VERSION} can be read`);
  const count = new DataView(buf).getUint32(8, true);
  const expected = digitsByteLength(count);
  if (buf.byteLength !== expected) fail(`decodeDigits: ${count} digits need ${expected} bytes, but the file has ${buf.byteLength}`);
  const labels = bytes.subarray(DIGITS_HEADER_BYTES, DIGITS_HEADER_BYTES + count);
  checkLabels(labels, 'decodeDigits');
  return { labels, pixels: bytes.subarray(DIGITS_HEADER_BYTES + count) };
}
