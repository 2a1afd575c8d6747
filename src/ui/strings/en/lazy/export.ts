// The Export dialog: the lesson as a Python program to take to a notebook, as a LaTeX document or as a picture; and the
// derivation panel's Copy as LaTeX.
export const exportStrings = {
  'export.flavour': 'Program',
  'export.flavour.numpy': 'NumPy',
  'export.flavour.pytorch': 'PyTorch',
  'export.about.numpy': 'Every step by hand with NumPy, in the formulas this lesson shows ({convention} convention).',
  'export.about.pytorch': 'PyTorch works the gradients with autograd, and the program checks this lesson’s formulas against it ({convention} convention).',
  'export.run': 'It holds every value of the lesson to full precision. Run it with {command}: it prints y, the loss and every gradient as one JSON object, laid out as the grids show them.',
  'export.code': 'The program, {flavour}',
  'export.copy': 'Copy',
  'export.copied': 'Copied.',
  'export.manual': 'The clipboard is not available here: select the program and copy it by hand.',
  'export.download': 'Download {file}',
  'export.failed': 'The browser could not make the file.',
  'export.latex.heading': 'LaTeX',
  'export.latex.about': 'The whole lesson as a LaTeX document to compile (article, amsmath): every matrix as a bmatrix under its name and shape, each rule in index notation and in matrix form, every number to full precision. It is saved as {file}.',
  'export.latex.download': 'Download LaTeX (.tex)',
  'export.picture.heading': 'Picture',
  'export.picture.about': 'The lesson as on screen, for slides and notes: each grid with its label, shape and numbers, and the explained cell’s derivation. The SVG keeps its words and numbers as text and needs no other file; the PNG has {density} times the pixels each way. Saved as {svg} or {png}.',
  'export.picture.svg': 'Download SVG',
  'export.picture.png': 'Download PNG ({density}x)',
  'export.picture.failed': 'The browser could not draw the picture.',
  // The words of the exported LaTeX document (core/export/latexText.ts sets them in LaTeX): plain text, {places}
  // filled with LaTeX (a name, a formula).
  'latex.doc.title': 'Backprop through one dense layer',
  'latex.doc.source': 'Exported from a lesson of backprop-dense.',
  'latex.doc.lesson': 'Convention {convention}, loss {loss}, activation {activation}; sizes {B} (samples), {N} (input features) and {T} (outputs).',
  'latex.doc.layer': 'The layer:',
  'latex.doc.update': 'After the backward pass, one step of gradient descent with the learning rate {lr}.',
  'latex.doc.numbers':
    'Every number is written to full precision, as the shortest decimal that reads back as the same double. Each matrix is laid out as the lesson shows it in its convention, its shape in letters under its name.',
  'latex.doc.section.inputs': 'The inputs',
  'latex.doc.section.forward': 'Forward',
  'latex.doc.section.loss': 'The loss',
  'latex.doc.section.backward': 'Backward',
  'latex.doc.section.update': 'The update',
  'latex.doc.upstream': 'This lesson has no loss: {dY} is given.',
} as const;
