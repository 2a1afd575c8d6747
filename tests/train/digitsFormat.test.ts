import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/index.ts';
import { decodeDigits, digitsByteLength, digitsFromClasses, DIGIT_PIXELS, encodeDigits } from '../../src/core/train/digitsFormat.ts';

/** Three digits: labels 7, 0, 9, each pixel a seeded-looking byte. */
function sample() {
  const labels = Uint8Array.from([7, 0, 9]);
  const pixels = Uint8Array.from({ length: 3 * DIGIT_PIXELS }, (_, k) => (k * 37 + 11) % 256);
  return { labels, pixels };
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

const thrown = (f: () => unknown): ValidationError => {
  try {
    f();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('nothing was thrown');
};

describe('digits file format', () => {
  it('writes the header, labels and pixels where the format says', () => {
    const bytes = encodeDigits(sample());
    expect(bytes.length).toBe(12 + 3 * 785);
    expect(bytes.length).toBe(digitsByteLength(3));
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('MNST');
    expect(Array.from(bytes.subarray(4, 12))).toEqual([1, 0, 0, 0, 3, 0, 0, 0]);
    expect(Array.from(bytes.subarray(12, 15))).toEqual([7, 0, 9]);
    expect(bytes[15]).toBe(11);
  });

  it('reads back exactly what it wrote', () => {
    const d = sample();
    const back = decodeDigits(buffer(encodeDigits(d)));
    expect(Array.from(back.labels)).toEqual(Array.from(d.labels));
    expect(back.pixels).toEqual(d.pixels);
  });

  it('round-trips no digits at all', () => {
    const back = decodeDigits(buffer(encodeDigits({ labels: new Uint8Array(0), pixels: new Uint8Array(0) })));
    expect(back.labels.length).toBe(0);
    expect(back.pixels.length).toBe(0);
  });

  it('makes class blocks in label order from values in [0, 1], each k/255 rounded to 3 digits back to k', () => {
    const values = (k: number) => Array.from({ length: DIGIT_PIXELS }, (_, i) => Math.round(((i + k) % 256) / 255 * 1000) / 1000);
    const d = digitsFromClasses([[...values(0), ...values(1)], [], values(2)]);
    expect(Array.from(d.labels)).toEqual([0, 0, 2]);
    for (let i = 0; i < DIGIT_PIXELS; i++) {
      expect(d.pixels[i]).toBe(i % 256);
      expect(d.pixels[DIGIT_PIXELS + i]).toBe((i + 1) % 256);
      expect(d.pixels[2 * DIGIT_PIXELS + i]).toBe((i + 2) % 256);
    }
  });

  it('names what is wrong with a bad file', () => {
    const good = encodeDigits(sample());
    expect(thrown(() => decodeDigits(new ArrayBuffer(5))).message).toMatch(/5 bytes, too short for the 12-byte header/);
    const magic = good.slice();
    magic[0] = 'X'.charCodeAt(0);
    expect(thrown(() => decodeDigits(magic.buffer)).message).toMatch(/starts with "XNST", not "MNST"/);
    const version = good.slice();
    version[4] = 2;
    expect(thrown(() => decodeDigits(version.buffer)).message).toMatch(/version 2, but only version 1/);
    expect(thrown(() => decodeDigits(good.slice(0, good.length - 1).buffer)).message).toMatch(/3 digits need 2367 bytes, but the file has 2366/);
    const longer = new Uint8Array(good.length + 4);
    longer.set(good);
    expect(thrown(() => decodeDigits(longer.buffer)).message).toMatch(/but the file has 2371/);
    const label = good.slice();
    label[13] = 10;
    expect(thrown(() => decodeDigits(label.buffer)).message).toMatch(/label 1 is 10, not a digit from 0 to 9/);
  });

  it('names what is wrong with bad digits to write', () => {
    const d = sample();
    expect(thrown(() => encodeDigits({ labels: d.labels, pixels: d.pixels.subarray(1) })).message).toMatch(/3 labels need 2352 pixels, not 2351/);
    expect(thrown(() => encodeDigits({ labels: Uint8Array.from([1, 12, 3]), pixels: d.pixels })).message).toMatch(/label 1 is 12/);
    expect(thrown(() => digitsFromClasses([[0.5, 0.5]])).message).toMatch(/class 0 has 2 values, not a multiple of 784/);
    expect(thrown(() => digitsFromClasses([new Array<number>(DIGIT_PIXELS).fill(1.5)])).message).toMatch(/class 0, value 0 is 1.5, not a number from 0 to 1/);
    expect(thrown(() => digitsFromClasses([[Number.NaN, ...new Array<number>(DIGIT_PIXELS - 1).fill(0)]])).message).toMatch(/is NaN/);
    expect(thrown(() => digitsFromClasses(Array.from({ length: 11 }, () => []))).message).toMatch(/11 classes, at most 10/);
  });
});
