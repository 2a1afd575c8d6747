// Fetches the app's digits file (built by build/mnist.ts) from the app's own origin, reporting how much has arrived.
import { decodeDigits, digitsByteLength, DIGITS_HEADER_BYTES, type Digits } from '../core/train/digitsFormat.ts';

/** The digits file's path below the app's base (build/mnist.ts emits it there). */
const ASSET = 'assets/mnist-digits.bin';

/** The digits file's URL: below the app's base (relative, './', in the build), resolved against the page. */
export function digitsUrl(base: string = document.baseURI): string {
  return new URL(`${import.meta.env.BASE_URL}${ASSET}`, base).href;
}

/** The total the body will have, when the response says so and the bytes read are the bytes sent (not compressed). */
function declaredLength(res: Response): number | null {
  const length = Number(res.headers.get('Content-Length'));
  const encoding = res.headers.get('Content-Encoding');
  return length > 0 && Number.isInteger(length) && (encoding === null || encoding === 'identity') ? length : null;
}

/** The file's size as its header gives it, once its first 12 bytes have arrived. */
function headerLength(chunks: readonly Uint8Array[]): number | null {
  const head = new Uint8Array(DIGITS_HEADER_BYTES);
  let got = 0;
  for (const c of chunks) {
    if (got >= DIGITS_HEADER_BYTES) break;
    const part = c.subarray(0, DIGITS_HEADER_BYTES - got);
    head.set(part, got);
    got += part.length;
  }
  return got < DIGITS_HEADER_BYTES ? null : digitsByteLength(new DataView(head.buffer).getUint32(8, true));
}

function concat(chunks: readonly Uint8Array[], length: number): ArrayBuffer {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}

/**
 * Fetches and decodes the digits file at `url`. `onProgress` gets the fraction arrived (0 to 1, never falling,
 * 1 at the end), from the response's Content-Length or, without one, from the size the file's header gives.
 * Rejects on a failed request, an answer other than 2xx, an abort (the signal's reason) or a malformed file.
 */
export async function loadDigits(url: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Digits> {
  const res = await fetch(url, { signal, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`loadDigits: ${url} answered ${res.status} ${res.statusText}`.trim());
  onProgress(0);
  if (res.body === null) {
    const buf = await res.arrayBuffer();
    onProgress(1);
    return decodeDigits(buf);
  }
  let total = declaredLength(res);
  const chunks: Uint8Array[] = [];
  let received = 0, shown = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    total ??= headerLength(chunks);
    const fraction = total === null ? 0 : Math.min(1, received / total);
    if (fraction > shown) onProgress((shown = fraction));
  }
  const digits = decodeDigits(concat(chunks, received));
  if (shown < 1) onProgress(1);
  return digits;
}
