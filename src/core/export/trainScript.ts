// A training run as a self-contained Python script that reproduces its loss history: the run's data, its
// seeded start and each epoch's order of the samples written out to full precision, then the same updates
// (the lesson's own statements, lessonCode.ts, inside a loop) and the same records after each epoch. It
// prints one JSON object: the loss of every update, the records, and the trained W and b (docs/export.md).
import { type LessonGraph, lessonGraph } from '../graph.ts';
import { axesOf, layoutDims } from '../layout.ts';
import type { MatrixName } from '../nodes.ts';
import { nodeLayout } from '../values.ts';
import { comment } from './comments.ts';
import { DIALECTS, type PyDialect, type PyLine, PY_VARS } from './dialect.ts';
import { type ExportFlavour, isExportFlavour } from './flavours.ts';
import { type HandContext, denseCode, handLines, lossCode, lossContext } from './lessonCode.ts';
import { heading, render } from './programLines.ts';
import { pyFloat, pyInt, pyList, pyMatrix } from './pyValues.ts';
import { type TrainScriptRun, type TrainScriptValues, trainScriptData, trainScriptPacked, trainScriptValues } from './trainScriptData.ts';
import { packedDataLines } from './trainScriptPacked.ts';

export { TRAIN_SCRIPT_LITERAL_MAX, TRAIN_SCRIPT_MAX_VALUES, trainScriptPacked, trainScriptProblem, trainScriptValues, type TrainScriptRun } from './trainScriptData.ts';

const v = PY_VARS;
const IN = '    ';

/** The lesson's statements of some nodes, by hand, in the graph's order. */
const linesOf = (c: HandContext, keep: (m: MatrixName) => boolean): PyLine[] =>
  c.graph.nodes.flatMap((r) => (r.role === 'computed' && keep(r.node) ? handLines(r, c) : []));

/** The forward pass and the loss (by hand in NumPy, PyTorch's own loss in PyTorch): what an update and a record share. */
function forwardLines(c: HandContext): PyLine[] {
  const forward = (m: MatrixName) => c.graph.forward.includes(m);
  if (c.d.flavour === 'numpy') return linesOf(c, forward);
  return [...linesOf(c, (m) => forward(m) && m !== 'L'), { code: `${v.L} = ${lossCode(c.ctx).framework(lossContext(c.ctx, c.d))}` }];
}

/** The comments at the top: what the layer, the data and the settings are, and what the script prints. */
function header(c: HandContext, { data, config }: TrainScriptRun): string[] {
  const conv = c.ctx.convention;
  const dims = (m: MatrixName) => layoutDims(nodeLayout(m, data.loss), conv).join(', ');
  return render([
    heading('train.title'),
    heading(`train.flavour.${c.d.flavour}`),
    heading('convention', { id: conv, about: comment(`convention.${conv}`) }),
    heading('shapes', { x: dims('x'), W: dims('W'), y: dims('y') }),
    heading(`layer.${config.activation}`, { dense: denseCode(conv, c.ctx, c.d) }),
    heading(`loss.${data.loss}`),
    heading('update', { lr: pyFloat(config.lr) }),
    heading('train.data', { dataset: data.id, n: data.n, N: data.features, T: data.outputs, train: data.train.length, test: data.test.length }),
    ...(data.standardised ? [heading('train.scaled')] : []),
    heading('train.settings', { lr: pyFloat(config.lr), batch: config.batch, epochs: config.epochs, seed: config.seed }),
    heading('train.run', { lib: c.d.flavour === 'numpy' ? 'NumPy' : 'PyTorch' }),
  ]);
}

/** The data, the split, the epochs' orders, the start and the settings, as literals. */
function dataLines(c: HandContext, { data, config }: TrainScriptRun, values: TrainScriptValues): PyLine[] {
  const d: PyDialect = c.d;
  const sizes = { n: data.n, N: data.features, T: data.outputs };
  const ints = (xs: readonly number[]) => pyList(xs, pyInt);
  const orders = () => `[\n${values.orders.map((o) => `${IN}${ints(o)},`).join('\n')}\n]`;
  const vector = (xs: ArrayLike<number>, grad = false) => d.floats(pyList(xs), grad);
  const stats = data.standardised;
  const run = { data, config };
  const literal = (): PyLine[] => [
    { note: stats ? 'train.features.scaled' : 'train.features', params: sizes, code: `features = ${d.floats(pyMatrix(values.features, ''), false)}` },
    Array.isArray(values.targets)
      ? { note: 'train.targets.classes', params: sizes, code: `targets = ${d.ints(ints(values.targets))}` }
      : { note: 'train.targets.matrix', params: sizes, code: `targets = ${d.floats(pyMatrix(values.targets, ''), false)}` },
    { note: 'train.split', code: `train = ${ints(values.train)}\ntest = ${ints(values.test)}` },
    { note: 'train.order', code: `order = ${orders()}` },
  ];
  const inputs = trainScriptPacked(run) ? packedDataLines(d, run, values, trainScriptValues(run)) : literal();
  const afterFeatures = inputs.findIndex((l) => l.code.startsWith('features = ')) + 1;
  if (stats) inputs.splice(afterFeatures, 0, { note: 'train.stats', code: `feature_mean = ${vector(stats.mean)}\nfeature_std = ${vector(stats.std)}` });
  return [
    heading('train.inputs'),
    ...inputs,
    { note: 'train.W', params: { dims: layoutDims(nodeLayout('W', data.loss), config.convention).join(', ') }, code: `${v.W} = ${d.floats(pyMatrix(values.W, ''), d.flavour === 'pytorch')}` },
    { note: 'train.b', code: `${v.b} = ${vector(values.b, d.flavour === 'pytorch')}` },
    { note: 'train.settings.values', code: `lr = ${pyFloat(config.lr)}\nbatch = ${pyInt(config.batch)}\nepochs = ${pyInt(config.epochs)}\nT = ${pyInt(data.outputs)}` },
  ];
}

/** The functions: a batch's X and target, one update, and the loss and accuracy on some samples. */
function functionLines(c: HandContext, { data }: TrainScriptRun): string[][] {
  const { d } = c;
  const conv = c.ctx.convention;
  const columns = axesOf('y', conv)[0] !== 's';
  const T_ = columns ? '.T' : '';
  const batchOf = [
    ...render([{ note: 'train.batchOf', code: 'def batch_of(chosen):' }]),
    `${IN}return features[chosen]${T_}, targets[chosen]${data.loss === 'mse' ? T_ : ''}`,
  ];
  const head = [`${IN}${v.x}, ${v.target} = batch_of(chosen)`, `${IN}B = len(chosen)`];
  const numpyStep = [
    ...render([{ note: 'train.step.numpy', code: `def step(chosen, ${v.W}, ${v.b}):` }]),
    ...head,
    ...render(linesOf(c, (m) => m !== 'dX'), IN),
    `${IN}return float(${v.L}), ${v.Wn}, ${v.bn}`,
  ];
  const torchStep = [
    ...render([{ note: 'train.optimiser', code: `optimiser = torch.optim.SGD([${v.W}, ${v.b}], lr=lr)` }]),
    '',
    '',
    ...render([{ note: 'train.step.pytorch', code: 'def step(chosen):' }]),
    ...head,
    ...render([...forwardLines(c), { code: 'optimiser.zero_grad()' }, { code: `${v.L}.backward()` }, { code: 'optimiser.step()' }], IN),
    `${IN}return ${v.L}.item()`,
  ];
  const outAxis = axesOf('y', conv).indexOf('j');
  const scalar = (e: string) => (d.flavour === 'numpy' ? `float(${e})` : `${e}.item()`);
  const right = `${v.y}.argmax(${d.flavour === 'numpy' ? 'axis' : 'dim'}=${outAxis}) == ${v.target}`;
  const accuracy = data.loss === 'softmax-ce' ? scalar(`(${right})${d.flavour === 'numpy' ? '' : '.double()'}.mean()`) : 'None';
  const evaluate = [
    ...(d.flavour === 'pytorch' ? ['@torch.no_grad()'] : []),
    ...render([{ note: 'train.evaluate', code: `def evaluate(chosen, ${v.W}, ${v.b}):` }]),
    ...head,
    ...render(forwardLines(c), IN),
    `${IN}return ${scalar(v.L)}, ${accuracy}`,
  ];
  const held = data.test.length > 0;
  const record = [
    ...render([{ note: 'train.record', code: `def record(epoch, updates, ${v.W}, ${v.b}):` }]),
    `${IN}train_loss, train_accuracy = evaluate(train, ${v.W}, ${v.b})`,
    `${IN}test_loss, test_accuracy = ${held ? `evaluate(test, ${v.W}, ${v.b})` : 'None, None'}`,
    `${IN}return {"epoch": epoch, "updates": updates, "trainLoss": train_loss, "testLoss": test_loss, "trainAccuracy": train_accuracy, "testAccuracy": test_accuracy}`,
  ];
  return [batchOf, d.flavour === 'numpy' ? numpyStep : torchStep, evaluate, record];
}

/** The run's loop, and the print. */
function loopLines({ d }: HandContext): string[] {
  const update = d.flavour === 'numpy' ? `${v.L}, ${v.W}, ${v.b} = step(chosen, ${v.W}, ${v.b})` : `${v.L} = step(chosen)`;
  const out = (m: string) => (d.flavour === 'numpy' ? `${m}.tolist()` : `${m}.detach().tolist()`);
  return [
    ...render([heading('train.loop')]),
    'losses = []',
    `history = [record(0, 0, ${v.W}, ${v.b})]`,
    'for epoch in range(epochs):',
    `${IN}for start in range(0, len(order[epoch]), batch):`,
    `${IN}${IN}chosen = order[epoch][start:start + batch]`,
    `${IN}${IN}${update}`,
    `${IN}${IN}losses.append(${v.L})`,
    `${IN}history.append(record(epoch + 1, len(losses), ${v.W}, ${v.b}))`,
    '',
    ...render([heading('train.print')]),
    `print(json.dumps({"losses": losses, "epochs": history, "W": ${out(v.W)}, "b": ${out(v.b)}}, allow_nan=False))`,
  ];
}

const IMPORTS: Record<ExportFlavour, string[]> = {
  numpy: ['import json', '', 'import numpy as np'],
  pytorch: ['import json', '', 'import torch', 'import torch.nn.functional as F'],
};

/** What the statements read: the layer as the run trains it, with its learning rate (so the lesson's update follows its backward pass). */
function handContext({ data, config }: TrainScriptRun, flavour: ExportFlavour): HandContext {
  const ctx = { convention: config.convention, loss: data.loss, activation: config.activation, lr: config.lr, sizes: { B: config.batch, N: data.features, T: data.outputs } };
  const graph: LessonGraph = lessonGraph(ctx);
  return { ctx, graph, d: DIALECTS[flavour] };
}

/**
 * A training run as a self-contained Python script of the given flavour, which trains every epoch the run is set to
 * and prints its loss history (docs/export.md). Throws a RangeError for an unknown flavour, or for a run that would
 * write out more than TRAIN_SCRIPT_MAX_VALUES numbers (trainScriptProblem says so first).
 */
export function trainingProgram(run: TrainScriptRun, flavour: ExportFlavour): string {
  if (!isExportFlavour(flavour)) throw new RangeError(`trainingProgram: unknown flavour '${String(flavour)}'; use numpy or pytorch`);
  const c = handContext(run, flavour);
  const values = trainScriptData(run);
  const imports = trainScriptPacked(run) ? ['import base64', ...IMPORTS[flavour].slice(0, 1), 'import zlib', ...IMPORTS[flavour].slice(1)] : IMPORTS[flavour];
  const blocks = [header(c, run), imports, render(dataLines(c, run, values)), ...functionLines(c, run), loopLines(c)];
  return `${blocks.map((b) => b.join('\n')).join('\n\n\n')}\n`;
}

/** A file name for the script: backprop-train-iris-row-softmax-ce-identity-numpy.py. */
export function trainingFileName({ data, config }: TrainScriptRun, flavour: ExportFlavour): string {
  return `backprop-train-${data.id}-${config.convention}-${data.loss}-${config.activation}-${flavour}.py`;
}
