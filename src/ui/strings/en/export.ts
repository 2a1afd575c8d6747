// Export, as the first screen names it: the header's button and the dialog's frame, and the derivation panel's Copy as
// LaTeX. The dialog's body brings the rest (lazy/export.ts).
// Part of the English catalogue (../enFirst.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** Export before the dialog's body has loaded. */
export const exportShell = {
  'export.openLabel': 'Export: the lesson as a Python program (NumPy or PyTorch)',
  'export.title': 'Take this lesson with you: Python',
  'export.close': 'Close',
  'export.latex.copy': 'Copy as LaTeX',
  'export.latex.copied': 'Copied: the derivation as an align* block (amsmath).',
  'export.latex.manual': 'The clipboard is not available here: select the LaTeX below and copy it by hand.',
  'export.latex.source': 'The derivation as LaTeX',
} as const;
