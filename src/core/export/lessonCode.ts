// The statements of each node of a lesson's graph, read from the operations'
// own tables: the dense product and its gradients from PRODUCTS (through the
// same sum rules the matrix forms are written from), the activation and the
// loss from their entries' code forms, the update from the rule's edges.
import type { Convention } from '../conventions.ts';
import type { LessonGraph } from '../graph.ts';
import { axesOf } from '../layout.ts';
import { type MatrixName, NODE_LAYOUT } from '../nodes.ts';
import { ACTIVATION_SPECS } from '../ops/activation.ts';
import { denseNames, linearRule } from '../ops/linear.ts';
import { LOSSES } from '../ops/losses.ts';
import type { SumRule } from '../ops/sums.ts';
import type { ComputedRule, DerivationContext, GraphSpec, OpId } from '../ops/types.ts';
import { comment } from './comments.ts';
import { type LossCode, type PyDialect, type PyLine, type PyLossContext, PY_VARS } from './dialect.ts';

const v = PY_VARS;

/** What the statements of a node read: what the layer is (not its values), its graph and the flavour's spellings. */
export interface HandContext {
  ctx: GraphSpec;
  graph: LessonGraph;
  d: PyDialect;
  /** The names of the matrices in the statements: PY_VARS unless another spelling is asked for (the linked notation marks them). */
  names?: Readonly<Record<MatrixName, string>>;
  /** PyTorch's spelling of autograd's gradient of each matrix: `${name}.grad` unless another is asked for. */
  grads?: Readonly<Partial<Record<MatrixName, string>>>;
}

/** What the statements of a lesson read: the lesson, its graph and the flavour's spellings. */
export interface CodeContext extends HandContext {
  ctx: DerivationContext;
}

/** A vector along y's outputs (the bias), shaped to be added to a y-shaped matrix: b, or b[:, None] where outputs run down the rows. */
export function broadcast(m: MatrixName, conv: Convention, names: Readonly<Record<MatrixName, string>> = v): string {
  return axesOf(NODE_LAYOUT[m], conv)[0] === null ? names[m] : `${names[m]}[:, None]`;
}

/** A sum rule in Python: its factors multiplied with @ (transposed with .T) and the bias added, or one matrix summed over the index the rule runs over. */
export function sumCode(rule: SumRule, conv: Convention, d: PyDialect, names: Readonly<Record<MatrixName, string>> = v): string {
  if (rule.factors.length === 1) {
    const f = rule.factors[0];
    const axis = axesOf(NODE_LAYOUT[f.node], conv).indexOf(rule.over);
    if (axis < 0) throw new RangeError(`sumCode: ${f.node} has no axis ${rule.over} (convention '${conv}')`);
    return d.sum(names[f.node], axis);
  }
  const product = rule.factors.map((f) => `${names[f.node]}${f.transposed ? '.T' : ''}`).join(' @ ');
  return rule.plus ? `${product} + ${broadcast(rule.plus, conv, names)}` : product;
}

/** The dense product as one statement: Y = X @ W + b, Z = W @ X + b[:, None]. */
export function denseCode(conv: Convention, ctx: Pick<DerivationContext, 'activation'>, d: PyDialect, names: Readonly<Record<MatrixName, string>> = v): string {
  const rule = linearRule('out', conv, ctx.activation);
  return `${names[rule.result]} = ${sumCode(rule, conv, d, names)}`;
}

/** What a loss's code form reads, for a lesson. */
export function lossContext(ctx: Pick<GraphSpec, 'convention'>, d: PyDialect, names: Readonly<Record<MatrixName, string>> = v): PyLossContext {
  const axes = axesOf('y', ctx.convention);
  const outAxis = axes.indexOf('j');
  return {
    d,
    v: names,
    outAxis,
    at: (m, idx) => `${m}[${axes.map((a) => (a === 's' ? idx.s : idx.j)).join(', ')}]`,
    bySample: (m) => (axes[0] === 's' ? m : `${m}.T`),
  };
}

/** The code form of the lesson's loss; only asked for in a lesson that has one. */
export function lossCode(ctx: Pick<GraphSpec, 'loss'>): LossCode {
  const code = LOSSES[ctx.loss].code;
  if (!code) throw new RangeError(`lossCode: the '${ctx.loss}' lesson has no loss to compute`);
  return code;
}

const GRADS = ['dW', 'db', 'dX'] as const;
const isGrad = (m: MatrixName): m is (typeof GRADS)[number] => (GRADS as readonly MatrixName[]).includes(m);

/** The statements of a computed node worked out by hand, one entry per operation of the graph. */
const HAND: Record<Exclude<OpId, 'input'>, (rule: ComputedRule, c: HandContext, v: Readonly<Record<MatrixName, string>>) => PyLine[]> = {
  dense: (_rule, { ctx, d }, v) => [{ note: `dense.${denseNames(ctx.activation).out}`, code: denseCode(ctx.convention, ctx, d, v) }],
  activation: ({ node }, { ctx, d }, v) => [
    { note: `activation.${d.flavour}`, code: `${v[node]} = ${ACTIVATION_SPECS[ctx.activation ?? 'identity'].code.forward[d.flavour](v.z)}` },
  ],
  loss: (_rule, { ctx, d }, v) => lossCode(ctx).value(lossContext(ctx, d, v)),
  'loss-grad': (_rule, { ctx, d }, v) => lossCode(ctx).grad(lossContext(ctx, d, v)),
  'activation-grad': ({ node }, { ctx }, v) => {
    const a = ctx.activation ?? 'identity';
    return [{ note: 'slope', params: { slope: comment(`slope.${a}`) }, code: `${v[node]} = ${v.dY} * ${ACTIVATION_SPECS[a].code.slope(v.z, v.y)}` }];
  },
  'dense-grad': ({ node }, { ctx, d }, v) => {
    if (!isGrad(node)) throw new RangeError(`HAND: ${node} is not a gradient of the dense product`);
    return [{ note: node, code: `${v[node]} = ${sumCode(linearRule(node, ctx.convention, ctx.activation), ctx.convention, d, v)}` }];
  },
  // W⁺ = W − lr·dW from the rule's edges [W, dW]; the comment once, above the first.
  update: ({ node, from }, { graph }, v) => [
    { note: graph.update[0] === node ? 'step.update' : undefined, code: `${v[node]} = ${v[from[0]]} - lr * ${v[from[1]]}` },
  ],
};

/** The statements that work out a computed node by hand. */
export function handLines(rule: ComputedRule, c: HandContext): PyLine[] {
  if (rule.op === 'input') throw new RangeError(`handLines: ${rule.node} is an input`);
  return HAND[rule.op](rule, c, c.names ?? v);
}
