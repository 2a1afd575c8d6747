// The parts every exported program has, whatever its flavour: statements
// rendered under their comments, the lesson's nodes by phase, the header
// that names the lesson, and the inputs written to full precision.
import type { LessonGraph } from '../graph.ts';
import { axesOf, layoutDims } from '../layout.ts';
import type { Matrix } from '../matrix.ts';
import { GRADIENT_OF, type MatrixName } from '../nodes.ts';
import { LOSS_TARGET } from '../ops/lossKinds.ts';
import type { ComputedRule, Phase } from '../ops/types.ts';
import { matrixValues, nodeLayout, nodeMatrix } from '../values.ts';
import { type CommentKey, type CommentParams, comment } from './comments.ts';
import { type PyLine, PY_VARS } from './dialect.ts';
import { type CodeContext, denseCode } from './lessonCode.ts';
import { pyFloat, pyInt, pyList, pyMatrix } from './pyValues.ts';

const v = PY_VARS;

/** A comment line of its own, above the statements it names. */
export const heading = (note: CommentKey, params?: CommentParams): PyLine => ({ note, params, code: '' });

/** Lines of Python: each statement under its comment, indented. */
export function render(lines: readonly PyLine[], indent = ''): string[] {
  return lines.flatMap((l) => [
    ...(l.note ? [`${indent}# ${comment(l.note, l.params)}`] : []),
    ...(l.code === '' ? [] : l.code.split('\n').map((s) => `${indent}${s}`)),
  ]);
}

/** The computed nodes of one phase of the lesson (the phase its script puts it in), in the graph's order. */
export function inPhase(graph: LessonGraph, phase: Phase): ComputedRule[] {
  return graph.nodes.filter((r): r is ComputedRule => {
    if (r.role !== 'computed') return false;
    if (!r.script) throw new RangeError(`pythonProgram: ${r.node} is computed in no phase`);
    return r.script.phase === phase;
  });
}

/** The lesson named in comments: flavour, convention, shapes, sizes, layer, loss, update, names. */
export function header({ ctx, d }: CodeContext): string[] {
  const conv = ctx.convention;
  const dims = (m: MatrixName) => layoutDims(nodeLayout(m, ctx.loss), conv).join(', ');
  const notes: PyLine[] = [
    heading('title'),
    heading(`flavour.${d.flavour}`),
    heading('convention', { id: conv, about: comment(`convention.${conv}`) }),
    heading('shapes', { x: dims('x'), W: dims('W'), y: dims('y') }),
    heading('sizes', { ...ctx.sizes }),
    heading(`layer.${ctx.activation ?? 'identity'}`, { dense: denseCode(conv, ctx, d) }),
    heading(`loss.${ctx.loss}`),
    ...(ctx.lr === undefined ? [] : [heading('update', { lr: pyFloat(ctx.lr) })]),
    heading((ctx.activation ?? 'identity') === 'identity' ? 'names.identity' : 'names.activation'),
    ...(ctx.lr === undefined ? [] : [heading('names.update')]),
    heading(`run.${d.flavour}`),
  ];
  return render(notes);
}

/** True when the lesson works out the gradient of node m, so autograd tracks it: x, W, b, and y (or z) for dL/dy (dL/dz). */
export const tracked = (graph: LessonGraph, m: MatrixName): boolean => graph.backward.some((g) => GRADIENT_OF[g] === m);

/** True when the lesson has a loss to compute (not dL/dy given). */
export const hasLoss = (graph: LessonGraph): boolean => graph.rule('L')?.role === 'computed';

/** The comment above each input, the target's by its kind. */
const INPUT_NOTES = { x: 'input.x', W: 'input.W', b: 'input.b', dY: 'input.dY' } as const satisfies Partial<Record<MatrixName, CommentKey>>;

/** One input as a literal: a matrix as nested rows, a vector (b, class indices) as a flat list. */
function inputLine({ ctx, graph, d }: CodeContext, node: MatrixName): PyLine {
  const layout = nodeLayout(node, ctx.loss);
  const params = { dims: layoutDims(layout, ctx.convention).join(', ') };
  const kind = LOSS_TARGET[ctx.loss];
  const note: CommentKey | undefined = node === 'target' ? (kind ? `input.target.${kind}` : undefined) : (INPUT_NOTES as Partial<Record<MatrixName, CommentKey>>)[node];
  if (!note) throw new RangeError(`pythonProgram: no comment for the input ${node}`);
  if (layout === 'classes') return { note, params, code: `${v[node]} = ${d.ints(pyList(matrixValues(ctx, node), pyInt))}` };
  const vector = axesOf(layout, ctx.convention).includes(null);
  const m: Matrix = nodeMatrix(ctx, node);
  return { note, params, code: `${v[node]} = ${d.floats(vector ? pyList(m.data) : pyMatrix(m, ''), tracked(graph, node))}` };
}

/** The inputs, the sizes and the learning rate. */
export function inputs(c: CodeContext): PyLine[] {
  const { ctx, graph, d } = c;
  const { B, N, T } = ctx.sizes;
  return [
    heading(`inputs.${d.flavour}`),
    ...graph.nodes.filter((r) => r.role === 'input').map((r) => inputLine(c, r.node)),
    { note: 'input.sizes', code: `B, N, T = ${pyInt(B)}, ${pyInt(N)}, ${pyInt(T)}` },
    ...(ctx.lr === undefined ? [] : [{ note: 'input.lr', code: `lr = ${pyFloat(ctx.lr)}` } satisfies PyLine]),
  ];
}

