// "Download PNG" for the sparsity pattern: the pattern's canvas as drawn (at the screen's pixel density, with its
// axes) on white, the pointer's overlay left out, saved under the Jacobian's name and the layer's sizes.
import type { RefObject } from 'react';
import { canvasPng } from '../download.ts';
import { SaveFile } from '../SaveFile.tsx';
import { useI18n } from '../storeContext.tsx';

/** The pattern on white, as a PNG; null when there is no canvas or the browser cannot draw one. */
async function patternPng(c: HTMLCanvasElement | null): Promise<Blob | null> {
  if (!c) return null;
  // On white, as on screen: the canvas itself is transparent where nothing is drawn (its axes' labels), which a dark
  // slide would swallow.
  const out = document.createElement('canvas');
  [out.width, out.height] = [c.width, c.height];
  const g = out.getContext('2d');
  if (!g) return null;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(c, 0, 0);
  return canvasPng(out);
}

export function SparsityDownload({ canvas, file }: { canvas: RefObject<HTMLCanvasElement | null>; file: string }) {
  const { t } = useI18n();
  const make = async () => {
    const blob = await patternPng(canvas.current);
    return blob && { blob, file };
  };
  return <SaveFile className="jac-png" label={t('sparsity.png')} make={make} failed={t('sparsity.png.failed')} />;
}
