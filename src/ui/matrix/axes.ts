import type { Convention, MatrixName } from '../../core/index.ts';
import { matrixDims } from '../../core/index.ts';

/** What an axis of size B, N or T counts, and the index letter the derivations use. */
const AXIS: Record<string, { word: string; letter: string }> = {
  B: { word: 'sample', letter: 's' },
  N: { word: 'input', letter: 'i' },
  T: { word: 'output', letter: 'j' },
  '1': { word: '', letter: '' },
};

/** Row and column meaning of a displayed matrix in a convention. */
export function axesOf(conv: Convention, m: MatrixName, classTargets: boolean): { rows: { word: string; letter: string }; cols: { word: string; letter: string } } {
  if (m === 'target' && classTargets) return { rows: AXIS['1'], cols: AXIS.B };
  const [r, c] = matrixDims(conv, m);
  return { rows: AXIS[r], cols: AXIS[c] };
}
