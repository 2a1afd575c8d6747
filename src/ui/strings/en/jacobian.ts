// The Jacobians, as the lesson introduces them before their section loads (its title, button and first words), and
// counts and byte sizes, which i18n.ts writes for any view. The section's own wording comes with it (lazy/jacobian.ts).
// Part of the English catalogue (../enFirst.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** The Jacobians before their section has loaded. */
export const jacobianShell = {
  // The Jacobian view.
  'jac.title': 'The full Jacobian, and why nobody builds it',
  'jac.open': 'Show the Jacobian view',
  'jac.intro':
    'The backward pass needs {dLdp}. The chain rule writes it as the row vector {dLdy} times the Jacobian {dydp}: a matrix with one row for every element of {of} and one column for {column}. {sparse}, so most entries are 0, and the matrix grows with the product of the sizes. The compact formulas of the backward pass are that product with the zeros left out.',
  'jac.column.dW': 'every weight',
  'jac.column.dX': 'every input value',
  'jac.column.db': 'every bias',
  'jac.column.dZ': 'every entry of z',
  'jac.sparse.dW': 'Each output only ever touches the weights that lead into it',
  'jac.sparse.dX': 'Each output only ever touches its own sample’s inputs',
  'jac.sparse.db': 'Each output only ever touches its own bias',
  'jac.sparse.dZ': 'An activation works entry by entry, so each output only ever touches its own z: the matrix is diagonal',
  'count.million': '{n} million',
  'count.billion': '{n} billion',
  'count.trillion': '{n} trillion',
  'bytes.B': '{n} B',
  'bytes.KiB': '{n} KiB',
  'bytes.MiB': '{n} MiB',
  'bytes.GiB': '{n} GiB',
  'bytes.TiB': '{n} TiB',
  'bytes.PiB': '{n} PiB',
  percent: '{n}%',
};
