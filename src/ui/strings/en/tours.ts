// The built-in tours' words (src/ui/tour/builtins.ts holds their lessons): one key per stop's caption, and
// `.q` for the question a stop asks before its answer is shown. Maths between $…$, typeset by KaTeX.
// Part of the English catalogue (../en.ts). TeX braces never hold a bare word, which would read as a
// placeholder: write W_{i j} (with a space), not W_{ij} (tests/ui/tourText.test.ts).

/** The built-in tours. */
export const tours = {
  // Seed 000: one output at a time.
  'tours.outputs.title': 'One output at a time, and why dL/dx is dL/dy times the weights',
  'tours.outputs.1':
    'One sample with three inputs and two outputs, and the gradient $\\partial L/\\partial y$ handed to us from above. Nothing is computed yet.',
  'tours.outputs.2':
    'The first output is a weighted sum of every input plus its bias: $y_0 = x_0 W_{0 0} + x_1 W_{1 0} + x_2 W_{2 0} + b_0$. Column 0 of W belongs to output 0.',
  'tours.outputs.3': 'The second output reads the same inputs through the other column: $y_1 = \\sum_i x_i W_{i 1} + b_1$.',
  'tours.outputs.4.q': 'Input $x_0$ went into how many outputs, and with which weights?',
  'tours.outputs.4':
    'Into both: as $x_0 W_{0 0}$ in $y_0$ and as $x_0 W_{0 1}$ in $y_1$. So its gradient collects one term per output: $\\partial L/\\partial x_0 = \\sum_j \\partial L/\\partial y_j \\, W_{0 j}$.',
  'tours.outputs.5':
    'Every input works the same way, each with its own row of W. Side by side, the rows make a matrix product: $\\partial L/\\partial x = \\partial L/\\partial y \\; W^\\top$.',
  'tours.outputs.6.q': 'Weight $W_{1 0}$ appears in one output only. Which, and what multiplies it there?',
  'tours.outputs.6':
    'Only in $y_0$, multiplied by $x_1$. So $\\partial L/\\partial W_{1 0} = x_1 \\, \\partial L/\\partial y_0$: the input of its row times the gradient of its column.',

  // Seed 001: PyTorch's nn.Linear.
  'tours.torch.title': 'PyTorch stores Wᵀ: reading nn.Linear’s gradients',
  'tours.torch.1':
    'PyTorch’s nn.Linear keeps its weight as [out_features, in_features], here 2×3, and computes $Y = X W^\\top + b$. Row j of W holds the weights of output j.',
  'tours.torch.2':
    'In index notation $Y_{s j} = \\sum_i X_{s i} W_{j i} + b_j$: the output index comes first on W, which is why the product needs the transpose.',
  'tours.torch.3.q': 'What shape will dL/dW have, and which two matrices make it?',
  'tours.torch.3':
    'The shape of W itself, [out, in]: $\\partial L/\\partial W = G^\\top X$ with $G = \\partial L/\\partial Y$, so entry $(j, i)$ sums $G_{s j} X_{s i}$ over the batch. This is what W.grad holds.',
  'tours.torch.4': 'The input’s gradient uses W as stored, with no transpose: $\\partial L/\\partial X = G \\, W$, one row per sample.',
  'tours.torch.5': 'The bias is added to every sample, so its gradient adds up G over the batch: $\\partial L/\\partial b_j = \\sum_s G_{s j}$.',
  'tours.torch.6':
    'The same layer written as $Y = X W + b$, with W stored [in, out]: every number is the same, transposed. Compare this $\\partial L/\\partial W_{2 1}$ with the last stop’s.',

  // Seeds 002 and 003: batches.
  'tours.batches.title': 'Batches: dW is a sum of outer products, db sums over the batch',
  'tours.batches.1': 'Three samples, and the gradient $\\partial L/\\partial y$ of the mean squared error, one row per sample. The backward pass starts here.',
  'tours.batches.2':
    'The first sample alone gives a whole matrix: the outer product $x_0^\\top \\, \\partial L/\\partial y_0$, inputs down the side, output gradients across.',
  'tours.batches.3': 'The second sample adds its own outer product to the running sum. Watch $\\partial L/\\partial W_{0 0}$ change.',
  'tours.batches.4': 'After the third, $\\partial L/\\partial W = \\sum_s x_s^\\top \\, \\partial L/\\partial y_s = X^\\top G$: the matrix product is this sum, done all at once.',
  'tours.batches.5.q': 'How many terms does $\\partial L/\\partial b_1$ add up, and what are they?',
  'tours.batches.5':
    'Three, one per sample: the bias is added to every row of the batch, so its gradient is the column sum $\\sum_s G_{s 1}$. No input multiplies it.',

  // Seed 003: the Jacobian.
  'tours.jacobian.title': 'Why nobody builds the Jacobian',
  'tours.jacobian.1':
    'The textbook layout: a column input and $y = W x + b$, with W of shape [T, N]. The chain rule asks for $\\partial L/\\partial W = \\partial L/\\partial y \\cdot \\partial y/\\partial W$.',
  'tours.jacobian.2.q': 'dy/dW has one row per output and one column per weight. How many of its entries are not zero?',
  'tours.jacobian.2':
    'One per row for each input: output $y_j$ depends only on row j of W, so the [T, N·T] Jacobian is almost all zeros. The Jacobian view below draws the pattern.',
  'tours.jacobian.3': 'dy/dx is just W itself, [T, N]: the only Jacobian here worth storing.',
  'tours.jacobian.4': 'With a batch, dy/dW grows to [T·B, N·T], with the same diagonal of copies of x for every sample.',
  'tours.jacobian.5':
    'For one 128×128 image, N = 16384, and with T = 100 outputs dy/dW has $1.6 \\cdot 10^8$ entries, about 0.6 GiB as float32; a batch of 32 makes 5.2 billion. Choose those sizes in the Jacobian view’s menu: the shortcut $\\partial L/\\partial W = \\partial L/\\partial y \\; x^\\top$ needs only N·T numbers.',

  // Seed 004: the chain rule through an intermediate variable.
  'tours.activation.title': 'Stick to the chain rule: through z, with an activation',
  'tours.activation.1': 'With a sigmoid after the layer, name the dense product first: $z = x W + b$. This intermediate variable is what makes the rest easy.',
  'tours.activation.2': 'Then $y = \\sigma(z)$, one entry at a time: each $y$ depends on its own $z$ only.',
  'tours.activation.3':
    'Softmax cross-entropy hands back a simple gradient, one row per sample: $\\partial L/\\partial y = (p - t) / B$, with p the softmax of y and t the one-hot target.',
  'tours.activation.4.q': 'What is dL/dz made of, entry by entry?',
  'tours.activation.4':
    'One step of the chain rule: $\\partial L/\\partial z = \\partial L/\\partial y \\odot \\sigma(z)(1 - \\sigma(z))$. The Jacobian dy/dz is diagonal, so it is a product entry by entry, not a matrix product.',
  'tours.activation.5':
    'Now the layer is the familiar one with $G = \\partial L/\\partial z$: $\\partial L/\\partial W = x^\\top G$. No four-dimensional tensor was needed on the way.',
} as const;
