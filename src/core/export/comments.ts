// Every comment an exported program carries, in one table: they are part of
// the artefact a learner takes away (English, like code comments), kept here
// so that a translator finds them all in one place. {name} is filled in.

/** The comments of the exported programs. */
export const COMMENTS = {
  title: 'Backprop through one dense layer, exported from a lesson of backprop-dense.',
  'flavour.numpy': 'NumPy: every step by hand, with the formulas the lesson shows.',
  'flavour.pytorch': 'PyTorch: autograd works the gradients, and the formulas the lesson shows are checked against it.',
  convention: 'Convention: {id}, {about}.',
  'convention.row': 'samples are rows, as in NumPy lessons',
  'convention.torch': 'samples are rows and W is [T, N], as in PyTorch nn.Linear',
  'convention.column': "samples are columns, as in the textbooks' y = Wx + b",
  shapes: 'Shapes: X [{x}], W [{W}], Y [{y}]; b and db are lists of T numbers.',
  sizes: 'Sizes: B = {B}, N = {N}, T = {T} (samples, input features, outputs).',
  'layer.identity': 'Layer: {dense}, with no activation.',
  'layer.relu': 'Layer: {dense}, then Y = relu(Z) = max(Z, 0).',
  'layer.sigmoid': 'Layer: {dense}, then Y = sigmoid(Z) = 1 / (1 + exp(-Z)).',
  'layer.tanh': 'Layer: {dense}, then Y = tanh(Z).',
  'loss.mse': 'Loss: mse, L = the mean of (Y - target)^2 over all B*T outputs.',
  'loss.softmax-ce': "Loss: softmax-ce, L = the mean over the samples of -log p of each sample's class, p the softmax of its T outputs.",
  'loss.sum': 'Loss: sum, L = the sum of every entry of Y.',
  'loss.upstream': 'No loss: dL/dY is given.',
  update: 'Update: one step of gradient descent, W - lr dL/dW and b - lr dL/db, with lr = {lr}.',
  'names.identity': 'Names as in the app: X and Y are its x and y; dY, dW, db and dX its dL/dy, dL/dW, dL/db and dL/dx.',
  'names.activation': 'Names as in the app: X, Z and Y are its x, z and y; dY, dZ, dW, db and dX its dL/dy, dL/dz, dL/dW, dL/db and dL/dx.',
  'names.update': 'W_new and b_new are its W+ and b+, W and b after the update.',
  'run.numpy': 'Runs with Python 3 and NumPy, and prints one JSON object: the results, laid out as the app shows them.',
  'run.pytorch': 'Runs with Python 3 and PyTorch, and prints one JSON object: the results, laid out as the app shows them.',

  'inputs.numpy': "The lesson's inputs, every value to full precision",
  'inputs.pytorch': "The lesson's inputs as float64 tensors, every value to full precision; autograd tracks X, W and b",
  'input.x': 'X, the input: [{dims}]',
  'input.W': 'W, the weights: [{dims}]',
  'input.b': 'b, the bias: T numbers',
  'input.target.matrix': 'target, what Y should be: [{dims}]',
  'input.target.classes': "target, each sample's class (an index into its T outputs): B numbers",
  'input.dY': 'dY = dL/dY, given: [{dims}]',
  'input.sizes': 'The sizes',
  'input.lr': 'The learning rate',

  'dense.y': "Forward: the dense product, the layer's output",
  'dense.z': 'Forward: the dense product, before the activation',
  'activation.numpy': 'The activation, entry by entry',
  'activation.pytorch': "The activation, with PyTorch's own function",
  'mse.L': 'The loss: the mean of the squared errors over all B*T outputs',
  'mse.dY': 'dL/dY = 2 (Y - target) / (B*T)',
  'ce.softmax': "Softmax over each sample's T outputs, shifted by the sample's largest so that exp cannot overflow",
  'ce.nlp': '-log p of every output, as m + log(sum of e) - Y: finite even where p underflows to 0',
  'ce.L': "The loss: the mean over the batch of -log p of each sample's class",
  'ce.dY': "dL/dY = (p - onehot) / B, onehot being 1 at each sample's class and 0 elsewhere",
  'sum.L': 'The loss: the sum of every output',
  'sum.dY': 'dL/dY is 1 everywhere',
  slope: 'Back through the activation, entry by entry: dL/dZ = dL/dY * {slope}',
  'slope.identity': '1',
  'slope.relu': "relu'(Z), 1 where Z > 0 and 0 elsewhere (0 at Z = 0, as in PyTorch)",
  'slope.sigmoid': "sigmoid'(Z) = Y (1 - Y)",
  'slope.tanh': "tanh'(Z) = 1 - Y^2",
  dW: 'dL/dW: one outer product per sample, summed over the batch',
  db: 'dL/db: the gradient at the dense product, summed over the batch',
  dX: 'dL/dX: the gradient sent back to the input',
  'step.update': 'One step of gradient descent',
  'print.numpy': 'The results, laid out as the app shows them, as one JSON object',
  'print.pytorch': "PyTorch's results, laid out as the app shows them, as one JSON object",

  'torch.forward': 'Autograd records every step from here to the loss',
  'torch.linear': "PyTorch's own layer (F.linear, as in nn.Linear) gives the same",
  'torch.retain': 'Keep dL/d{name} as well: autograd keeps only the gradients of the inputs unless asked',
  'torch.loss': "The loss, with PyTorch's own function",
  'torch.backward.loss': 'Backward, by autograd',
  'torch.backward.upstream': 'Backward, by autograd, from the given dL/dY',
  'torch.hand': 'The same by hand, with the formulas the lesson shows',
  'torch.check': 'The hand formulas agree with autograd',
  'torch.sgd': "The same step by PyTorch's optimiser, which updates W and b in place",

  // A training run's script (trainScript.ts).
  'train.title': 'A training run of one dense layer, exported from backprop-dense: plain gradient descent on mini-batches.',
  'train.flavour.numpy': 'NumPy: every update by hand, with the formulas the lesson shows.',
  'train.flavour.pytorch': "PyTorch: autograd works each update's gradients, and torch.optim.SGD takes the step.",
  'train.data': 'Data: {dataset}, {n} samples of N = {N} features and T = {T} outputs; {train} trained on, {test} held out.',
  'train.scaled': 'The features are standardised: each had the mean of the training samples removed and was divided by their standard deviation.',
  'train.settings': 'Settings: lr = {lr}, batch = {batch}, epochs = {epochs}, seed = {seed}. The seed drew the starting W and each epoch\'s order of the samples; both are written out below.',
  'train.run': 'Runs with Python 3 and {lib}, and prints one JSON object: the loss of every update (before it), the losses and accuracies after each epoch, and the trained W and b.',
  'train.inputs': "The run's data and start, every value to full precision",
  'train.features': "features: each sample's features, one row per sample: [{n}, {N}]",
  'train.features.scaled': "features: each sample's features after standardisation, one row per sample: [{n}, {N}]",
  'train.stats': "The training samples' mean and standard deviation of each raw feature: a new sample is standardised with these",
  'train.targets.matrix': "targets: each sample's target, one row per sample: [{n}, {T}]",
  'train.targets.classes': "targets: each sample's class (an index into the T outputs): {n} numbers",
  'train.packed': 'The data is too large to read as literals ({values} numbers), so it is packed: each array as little-endian bytes, deflated (zlib) and written in base64url; unpack() turns one back into an array',
  'train.features.pixels': "features: each sample's pixels as bytes 0-255, times scale = {scale} in float64 as the app reads them, one row per sample: [{n}, {N}]",
  'train.split': 'The samples trained on, and those held out, by index',
  'train.order': "Each epoch's order of the training samples, as the app's seeded shuffle drew it: the mini-batches are its consecutive slices of batch samples (the last may be smaller)",
  'train.W': 'W, the starting weights, as the seed drew them: [{dims}]',
  'train.b': 'b, the starting bias: T numbers',
  'train.settings.values': 'The settings',
  'train.batchOf': 'X and target of some samples (by index), laid out in the convention',
  'train.step.numpy': 'One update on a mini-batch: forward, loss, backward, then the step; it returns the loss before the step',
  'train.step.pytorch': "One update on a mini-batch: forward, loss, backward by autograd, then the optimiser's step; it returns the loss before the step",
  'train.optimiser': "PyTorch's optimiser: plain gradient descent, W - lr dW and b - lr db, in place",
  'train.evaluate': 'The loss and, for classes, the accuracy (the share of samples whose largest output is their class) on some samples',
  'train.record': "The losses and accuracies after an epoch, on the samples trained on and those held out (null where there are none)",
  'train.loop': "The run: each epoch's mini-batches in order, and a record after each epoch (epoch 0 is the start)",
  'train.print': 'The loss of every update, the records and the trained W and b, as one JSON object',
} as const satisfies Record<string, string>;

/** A comment of the exported programs. */
export type CommentKey = keyof typeof COMMENTS;

/** The values a comment's {name} places take. */
export type CommentParams = Readonly<Record<string, string | number>>;

/** A comment's text with its places filled in; a place without a value is an error, not a gap. */
export function comment(key: CommentKey, params: CommentParams = {}): string {
  return COMMENTS[key].replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new RangeError(`comment '${key}': no value for {${name}}`);
    return String(params[name]);
  });
}
