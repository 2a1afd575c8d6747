// "Download PNG" for the sparsity pattern: the pattern's canvas as drawn (at the screen's pixel density, with its
// axes) on white, the pointer's overlay left out, saved under the Jacobian's name and the layer's sizes.
import { type RefObject, useState } from 'react';
import { saveBlob } from '../download.ts';
import { useI18n } from '../storeContext.tsx';

export function SparsityDownload({ canvas, file }: { canvas: RefObject<HTMLCanvasElement | null>; file: string }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const save = () => {
    const c = canvas.current;
    if (!c) return;
    // On white, as on screen: the canvas itself is transparent where nothing is drawn (its axes' labels), which a dark
    // slide would swallow.
    const out = document.createElement('canvas');
    [out.width, out.height] = [c.width, c.height];
    const g = out.getContext('2d');
    if (!g) return setSaid(t('sparsity.png.failed'));
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, out.width, out.height);
    g.drawImage(c, 0, 0);
    out.toBlob((png) => {
      if (!png) return setSaid(t('sparsity.png.failed'));
      saveBlob(png, file);
      setSaid(t('sparsity.png.saved', { file }));
    }, 'image/png');
  };
  return (
    <span className="jac-png">
      <button type="button" onClick={save}>
        {t('sparsity.png')}
      </button>
      <span role="status" className="muted-text">
        {said}
      </span>
    </span>
  );
}
