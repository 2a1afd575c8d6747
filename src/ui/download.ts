// Saves a file the app made (a program, a picture, a document) through the browser's download, from a blob URL on
// the page's own origin, so it works offline and under the app's Content-Security-Policy.
export function saveBlob(blob: Blob, file: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A canvas's pixels as a PNG, or null when the browser cannot encode them. */
export function canvasPng(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => {
    try {
      canvas.toBlob(resolve, 'image/png');
    } catch {
      resolve(null);
    }
  });
}
