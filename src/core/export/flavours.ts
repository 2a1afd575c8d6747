// The flavours of Python program a lesson exports to: explicit NumPy formulas,
// or PyTorch's autograd checked against the same formulas.

/** The kinds of exported program: 'numpy' works every step by hand; 'pytorch' lets autograd work them and checks the hand formulas against it. */
export type ExportFlavour = 'numpy' | 'pytorch';

/** Every flavour, in the order the app lists them. */
export const EXPORT_FLAVOURS: readonly ExportFlavour[] = ['numpy', 'pytorch'];

/** True when s names an export flavour. */
export function isExportFlavour(s: unknown): s is ExportFlavour {
  return typeof s === 'string' && (EXPORT_FLAVOURS as readonly string[]).includes(s);
}

/** The framework whose convention each convention is: PyTorch's for torch, NumPy's for row and column (the linked notation's code is in its spelling). */
export const CONVENTION_FLAVOUR: Readonly<Record<'row' | 'torch' | 'column', ExportFlavour>> = { row: 'numpy', torch: 'pytorch', column: 'numpy' };
