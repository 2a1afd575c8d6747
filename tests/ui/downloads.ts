// A component test's view of the files a page saves: the blobs handed to URL.createObjectURL and the clicks on the
// link that downloads them (jsdom downloads nothing), and a saved blob's text.
import { vi } from 'vitest';

/** Catches every blob the page saves from now on, and the link clicks that would download them. */
export function captureDownloads() {
  const made: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    made.push(b);
    return `blob:${made.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { made, click };
}

/** The text of a saved blob. */
export const blobText = (b: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(b);
  });
