// The lesson as a graph of named nodes: x, W, b → z (the dense product) →
// y = act(z) → L, and back through dL/dy, dL/dz to dL/dW, dL/db, dL/dx.
// Without an activation y is the dense product itself and there is no z.
// With a learning rate, an update follows: W⁺ = W − lr·dL/dW and b⁺ likewise.
// Derivations, the step script, the highlights and the views walk this list.
import { ValidationError } from './errors.ts';
import type { MatrixName } from './nodes.ts';
import { ACTIVATION_SPECS } from './ops/activation.ts';
import { activationRules } from './ops/activationRules.ts';
import { linearRules } from './ops/linear.ts';
import { LOSSES } from './ops/losses.ts';
import type { GivenRule, GraphSpec, NodeRule } from './ops/types.ts';
import { updateRules } from './ops/update.ts';

/** The nodes of a lesson in order, and how they split into the forward and the backward row. */
export interface LessonGraph {
  nodes: NodeRule[];
  /** The nodes of the forward pass and the loss, in order. */
  forward: MatrixName[];
  /** The gradients, in the order the backward pass computes them. */
  backward: MatrixName[];
  /** W and b after the update, in a lesson with a learning rate (empty without one). */
  update: MatrixName[];
  /** The rule of a node, or null when the lesson does not have it. */
  rule(m: MatrixName): NodeRule | null;
}

/** The graph of a lesson: which nodes it has (they depend on its loss and activation) and the rule of each. */
export function lessonGraph(ctx: GraphSpec): LessonGraph {
  const entry = (LOSSES as Record<string, (typeof LOSSES)[keyof typeof LOSSES] | undefined>)[ctx.loss];
  if (!entry) throw new ValidationError('loss', `lessonGraph: unknown loss '${String(ctx.loss)}'; use ${Object.keys(LOSSES).join(', ')}`);
  if (!ACTIVATION_SPECS[ctx.activation ?? 'identity']) throw new ValidationError('activation', `lessonGraph: unknown activation '${String(ctx.activation)}'`);
  const lin = linearRules(ctx);
  const loss = entry.rules(ctx);
  const act = (ctx.activation ?? 'identity') === 'identity' ? null : activationRules(ctx);
  const forward: NodeRule[] = [...lin.inputs, lin.out, ...(act ? [act.y] : []), ...(loss.target ? [loss.target] : []), loss.L];
  const backward: NodeRule[] = [loss.dY, ...(act ? [act.dZ] : []), ...lin.grads];
  const upd = ctx.lr === undefined ? null : updateRules(ctx);
  const update: NodeRule[] = upd ? [upd.Wn, upd.bn] : [];
  // With an update, W and b also feed their updated selves.
  const inputs = upd ? lin.inputs.map((r): GivenRule => (r.node === 'W' || r.node === 'b' ? { ...r, feeds: [...r.feeds, r.node === 'W' ? 'Wn' : 'bn'] } : r)) : lin.inputs;
  forward.splice(0, inputs.length, ...inputs);
  const nodes = [...forward, ...backward, ...update];
  const byName = new Map(nodes.map((n) => [n.node, n]));
  return {
    nodes,
    forward: forward.map((n) => n.node),
    backward: backward.map((n) => n.node),
    update: update.map((n) => n.node),
    rule: (m) => byName.get(m) ?? null,
  };
}
