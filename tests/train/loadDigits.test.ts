import { afterEach, describe, expect, it, vi } from 'vitest';
import { DIGIT_PIXELS, encodeDigits } from '../../src/core/train/digitsFormat.ts';
import { digitsUrl, loadDigits } from '../../src/train/loadDigits.ts';

const file = encodeDigits({ labels: Uint8Array.from([3, 1, 4, 1, 5]), pixels: Uint8Array.from({ length: 5 * DIGIT_PIXELS }, (_, k) => k % 251) });

/** A response whose body arrives in pieces of `chunk` bytes. */
function respond(bytes: Uint8Array, chunk: number, headers: Record<string, string>, status = 200): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, (at += chunk)));
    },
  });
  return new Response(body, { status, headers });
}

afterEach(() => vi.unstubAllGlobals());

describe('loadDigits', () => {
  it('reports rising fractions from Content-Length, ending at 1, and decodes the file', async () => {
    const fetch = vi.fn(async () => respond(file, 1000, { 'Content-Length': String(file.length) }));
    vi.stubGlobal('fetch', fetch);
    const seen: number[] = [];
    const d = await loadDigits('https://app.example/assets/mnist-digits.bin', (f) => seen.push(f));
    expect(fetch).toHaveBeenCalledWith('https://app.example/assets/mnist-digits.bin', expect.objectContaining({ credentials: 'same-origin' }));
    expect(Array.from(d.labels)).toEqual([3, 1, 4, 1, 5]);
    expect(d.pixels[DIGIT_PIXELS + 2]).toBe((DIGIT_PIXELS + 2) % 251);
    expect(seen[0]).toBe(0);
    expect(seen[1]).toBeCloseTo(1000 / file.length, 12);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, k) => k === 0 || f > seen[k - 1])).toBe(true);
  });

  it('without Content-Length (or with a compressed body), reports against the size the header gives', async () => {
    for (const headers of [{}, { 'Content-Length': '900', 'Content-Encoding': 'gzip' }] as Record<string, string>[]) {
      vi.stubGlobal('fetch', async () => respond(file, 5, headers));
      const seen: number[] = [];
      await loadDigits('/x.bin', (f) => seen.push(f));
      // The first 5 bytes cannot say the size (the count is at bytes 8 to 11); from the third piece on they can.
      expect(seen.slice(0, 2)).toEqual([0, 15 / file.length]);
      expect(seen.at(-1)).toBe(1);
      expect(Math.max(...seen)).toBe(1);
    }
  });

  it('rejects on an answer other than 2xx, a malformed file, and an abort', async () => {
    vi.stubGlobal('fetch', async () => respond(new Uint8Array(0), 1, {}, 404));
    await expect(loadDigits('/missing.bin', () => {})).rejects.toThrow(/\/missing.bin answered 404/);
    vi.stubGlobal('fetch', async () => respond(file.subarray(0, 100), 30, {}));
    await expect(loadDigits('/short.bin', () => {})).rejects.toThrow(/5 digits need 3937 bytes, but the file has 100/);
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted();
      return respond(file, 100, {});
    });
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(loadDigits('/x.bin', () => {}, stop.signal)).rejects.toThrow(/stopped/);
  });

  it('finds the file below the app base, against the page', () => {
    expect(digitsUrl('https://course.example/unit3/app/index.html')).toBe(new URL(`${import.meta.env.BASE_URL}assets/mnist-digits.bin`, 'https://course.example/unit3/app/index.html').href);
    expect(digitsUrl('https://course.example/unit3/app/index.html')).toMatch(/\/assets\/mnist-digits\.bin$/);
  });
});
