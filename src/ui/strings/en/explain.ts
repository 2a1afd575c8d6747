// What explains a number: the derivation panel, and what core says about a cell, reads aloud and narrates
// Part of the English catalogue (../en.ts): messages use {name} placeholders and
// {n, plural, one {…} other {…}}, # standing for n.

/** What explains a number. */
export const explain = {
  // The derivation panel.
  'derivation.label': 'Derivation of the selected number',
  'derivation.hint':
    'Point at any number, or move to it with Tab and the arrow keys, to see where it comes from: the rule, the numbers that go into it, and the matrix form it belongs to.',
  'derivation.hint.touch': 'Tap any number to see where it comes from: the rule, the numbers that go into it, and the matrix form it belongs to.',
  'derivation.edit': 'Edit {cell}',
  'derivation.line.rule': 'rule',
  'derivation.line.cell': 'this cell',
  'derivation.line.numbers': 'numbers',
  'derivation.line.result': 'result',
  'derivation.scrolls': '{name}, scrolls sideways',
  'derivation.term': 'term {k}: {speech} = {value}',
  'derivation.moreTerms': 'and {n, plural, one {# more term} other {# more terms}}',
  'derivation.allTerms': 'Show all {n} terms',
  'derivation.fewerTerms': 'Show fewer terms',
  'derivation.notComputed': 'not computed yet',
  'derivation.notUsed': 'not used',
  'derivation.soFar': '(so far)',
  'derivation.pendingNote': 'Not computed yet: this value is written at step {at} of {of}.',
  'derivation.partialNote': 'A running sum: {done} of {of, plural, one {# sample} other {# samples}} added so far.',
  'derivation.rounded':
    'The numbers above are rounded to {digits} significant figures, so worked out as shown they give {value}; the result is worked out from the unrounded values.',
  'derivation.matrixForm': 'The whole matrix at once',
  'derivation.ie': 'i.e.',
  'derivation.code': 'As code',
  'derivation.code.einsum': 'einsum',
  'derivation.code.numpy': 'NumPy',
  'derivation.code.pytorch': 'PyTorch',
  'derivation.code.row': 'code, {tag}',
  'notation.parts': '{name}: use the left and right arrow keys to point at its parts, which light up in every notation and in the grids',
  'notation.part.result': '{name}, the result',
  'notation.part.factor': '{name}, a factor',
  'notation.part.summed': 'index {index}, summed over',
  'notation.part.index': 'index {index}',
  'notation.part.slope': 'the slope of {fn}',
  'notation.pointing': 'Pointing at {part}',

  // Core: values given to the layer.
  'input.feeds.everyOutput': '{cell} feeds {target} for every output j',
  'input.feeds.everySample': '{cell} feeds {target} for every sample s',
  'input.added.everySample': '{cell} is added to {target} for every sample s',
  'input.target.matrix': '{cell} is the target for {y}',
  'input.target.class': '{cell}: the true class of sample {s}',
  'input.upstream': '{cell} is given: it arrives from the layers above',
  'input.noLoss': 'No loss here: {g} is given directly',

  // Core: what each cell means.
  'note.x': 'Input {i} of sample {s}: it enters every output of that sample, once per weight.',
  'note.W': 'The weight from input {i} to output {j}: every sample’s output {j} uses it.',
  'note.b': 'Bias {j} is added to output {j} of every sample.',
  'note.dense': 'Output {j} of sample {s}: the dot product of that sample’s inputs with the weights into output {j}, plus bias {j}.',
  'note.dense.beforeActivation':
    'Output {j} of sample {s} before the activation: the dot product of that sample’s inputs with the weights into output {j}, plus bias {j}.',
  'note.activation': 'Output {j} of sample {s}: {fn} applied to the dense product z in the same place.',
  'note.target.matrix': 'The value output {j} of sample {s} should have.',
  'note.target.class': 'The index of sample {s}’s true class, one of 0 to {last}.',
  'note.L.mse': '{n, plural, =1 {The one squared error: the mean of a single error is itself.} =2 {The mean of both squared errors.} other {The mean of the # squared errors.}}',
  'note.L.softmax-ce': 'The mean over the batch of minus the log-probability the softmax gives each sample’s true class.',
  'note.L.sum': 'The loss is the sum of every output.',
  'note.L.upstream': 'With the upstream gradient typed in, the layer never sees L itself, only how L changes with y.',
  'note.dY.mse':
    'The error of this output times 2, {n, plural, =1 {divided by 1: the mean runs over this one output.} =2 {divided by 2, for the two outputs the mean runs over.} other {divided by the # outputs the mean runs over.}}',
  'note.dY.softmax-ce': 'The softmax probability of output {j} for sample {s}, minus 1 if {j} is the true class ({c}), over the batch size {B}.',
  'note.dY.sum': 'With L the plain sum of the outputs, every output moves L one-for-one.',
  'note.dY.upstream': 'The gradient arriving from the layers above, taken as given; typing a new value changes every gradient below it.',
  'note.dZ': 'The chain rule through {fn}: the gradient arriving at y, times the slope of {fn} at this z. {slope}',
  'note.dW':
    'How the loss changes with the weight from input {i} to output {j}: input {i} times {g} at output {j}, {B, plural, =1 {from the one sample of the batch.} =2 {summed over both samples of the batch.} other {summed over the # samples of the batch.}}',
  'note.db': 'Bias {j} is added to output {j} of every sample, so its gradient is {g} at output {j}, summed over the batch.',
  'note.Wn': 'The weight from input {i} to output {j} after one step of gradient descent: the weight now, minus the learning rate {lr} times its gradient dL/dW.',
  'note.bn': 'Bias {j} after one step of gradient descent: the bias now, minus the learning rate {lr} times its gradient dL/db.',
  'note.dX':
    'Input {i} of sample {s} reaches {T, plural, =1 {the one output through one weight, so its gradient is {g} at that output of that sample, times the weight.} =2 {both outputs through one weight each, so its gradient gathers {g} at both outputs of that sample, each times its weight.} other {every output through one weight each, so its gradient gathers {g} at all # outputs of that sample, each times its weight.}}',

  // Core: terms read aloud.
  'speech.value': '{a}',
  'speech.product': '{a} times {b}',
  'speech.difference': '{a} minus {b}',
  'speech.squaredDifference': '{a} minus {b}, squared',
  'speech.negativeLog': 'minus log of probability {p}',
  'speech.probabilityMinus': 'probability {p} minus {hit}',
  'speech.apply': '{fn} of {a}',
  'speech.update': '{a} minus {lr} times {g}',
  'speech.slope': '{g} times the slope of {fn} at {z}, which is {d}',

  // Core: the player's narration.
  'narr.sample': 'Sample {s}: {text}',
  'narr.dense.cell': '{cell}: multiply sample {s}’s inputs by the weights into output {j}, add them up, then add bias {j}: {value}.',
  'narr.dense.sample.columnsOfW':
    'Sample {s}: {T, plural, =1 {its one output, the sample’s inputs times the one column of W} =2 {both outputs at once, each the sample’s inputs times one column of W} other {all # outputs at once, each the sample’s inputs times one column of W}}, plus its bias.',
  'narr.dense.sample.rowsOfW':
    'Sample {s}: {T, plural, =1 {its one output, the sample’s inputs times the one row of W} =2 {both outputs at once, each the sample’s inputs times one row of W} other {all # outputs at once, each the sample’s inputs times one row of W}}, plus its bias.',
  'narr.activation.sample': 'Sample {s}: {fn} is applied to each of its values of z.',
  'narr.activation.all': 'Every entry of z goes through {fn} on its own: y = {fn}(z), entry by entry.',
  'narr.L': 'The loss turns all of y into one number: L = {value}.',
  'narr.dY.mse': 'dL/dy is each output’s error, times 2 over the number of outputs.',
  'narr.dY.softmax-ce': 'dL/dy is the softmax probabilities minus 1 at each true class, over the batch size.',
  'narr.dY.sum': 'Every output adds to L one-for-one, so dL/dy is all ones.',
  'narr.dY.upstream': 'dL/dy arrives from the layers above: it is given, not computed here.',
  'narr.dZ.sample': 'Sample {s}: back through {fn}, each dL/dz is dL/dy times the slope of {fn} at that z.',
  'narr.dZ.all': 'Back through {fn}: every dL/dz is dL/dy times the slope of {fn} at that z.',
  'narr.dW.first': 'dL/dW starts as sample 0’s outer product: its inputs times its values of {g}, every pair.',
  'narr.dW.add': 'Add sample {s}’s outer product to dL/dW; the sum now covers {done} of {B, plural, one {# sample} other {# samples}}.',
  'narr.db.add': 'Add sample {s}’s values of {g} to dL/db ({done} of {B, plural, one {# sample} other {# samples}}).',
  'narr.db.all': 'dL/db is {g} summed over the batch: each bias touches every sample’s output.',
  'narr.update.W': 'One step of gradient descent: every weight moves against its gradient, W minus {lr} times dL/dW.',
  'narr.update.b': 'The bias moves the same way: b minus {lr} times dL/db.',
  'narr.dX.sample': 'Sample {s}’s input gradients: its values of {g} sent back through the same weights.',

};
