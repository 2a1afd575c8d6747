// The PyTorch program's body: the forward under autograd with PyTorch's own
// layer, activation and loss, its backward, the hand formulas beside it, the
// checks that they agree, and the optimiser's step.
import { axesOf } from '../layout.ts';
import { GRADIENT_OF, type MatrixName, NODE_LAYOUT } from '../nodes.ts';
import type { ComputedRule } from '../ops/types.ts';
import { type PyLine, PY_VARS } from './dialect.ts';
import { type CodeContext, type HandContext, handLines, lossCode, lossContext } from './lessonCode.ts';
import { hasLoss, heading, inPhase, render, tracked } from './programLines.ts';

const v = PY_VARS;

/** The names of a context's statements: PY_VARS unless it asks for others, and autograd's gradient of each (W.grad). */
const spelling = (c: HandContext) => {
  const n = c.names ?? v;
  return { n, grad: (m: MatrixName) => c.grads?.[m] ?? `${n[m]}.grad` };
};

/** F.linear(x, W, b) = x Wᵀ + b takes one sample a row and W as [T, N]: each matrix transposed to that, and y back. */
function linearCall(c: HandContext): string {
  const conv = c.ctx.convention;
  const { n } = spelling(c);
  const t = (m: MatrixName, rows: 's' | 'j') => (axesOf(NODE_LAYOUT[m], conv)[0] === rows ? n[m] : `${n[m]}.T`);
  return `F.linear(${t('x', 's')}, ${t('W', 'j')}, ${n.b})${axesOf('y', conv)[0] === 's' ? '' : '.T'}`;
}

/** PyTorch's own loss on the lesson's Y, which autograd differentiates. */
const lossLine = (c: HandContext): PyLine => ({ note: 'torch.loss', code: `loss = ${lossCode(c.ctx).framework(lossContext(c.ctx, c.d, spelling(c).n))}` });

/** The check of a node worked out by hand against PyTorch: L against its loss, a gradient against autograd's; null for the others. */
function checkLine(r: ComputedRule, c: HandContext): PyLine | null {
  const { n, grad } = spelling(c);
  if (r.node === 'L') return { code: `torch.testing.assert_close(${n.L}, loss)` };
  const of = GRADIENT_OF[r.node];
  return of ? { code: `torch.testing.assert_close(${n[r.node]}, ${grad(of)})` } : null;
}

/** The statements of the PyTorch program that work out one node and hold it against PyTorch's own, in the program's order (the linked notation's code). */
export function torchNodeLines(r: ComputedRule, c: HandContext): PyLine[] {
  const check = checkLine(r, c);
  return [
    ...handLines(r, c),
    ...(r.op === 'dense' ? [{ note: 'torch.linear', code: `torch.testing.assert_close(${spelling(c).n[r.node]}, ${linearCall(c)})` } satisfies PyLine] : []),
    ...(r.node === 'L' ? [lossLine(c)] : []),
    ...(check ? [check] : []),
  ];
}

/** PyTorch: the forward under autograd, its backward, the hand formulas, the checks, and the optimiser's step. */
export function pytorchBody(c: CodeContext): string[][] {
  const { graph } = c;
  const loss = hasLoss(graph);
  const retain = (m: MatrixName): PyLine[] => (tracked(graph, m) ? [{ note: 'torch.retain', params: { name: v[m] }, code: `${v[m]}.retain_grad()` }] : []);
  const forward: PyLine[] = [
    heading('torch.forward'),
    ...inPhase(graph, 'forward').flatMap((r) => [
      ...handLines(r, c),
      ...(r.op === 'dense' ? [{ note: 'torch.linear', code: `torch.testing.assert_close(${v[r.node]}, ${linearCall(c)})` } satisfies PyLine] : []),
      ...retain(r.node),
    ]),
    ...(loss ? [lossLine(c)] : []),
  ];
  const backward: PyLine = loss ? { note: 'torch.backward.loss', code: 'loss.backward()' } : { note: 'torch.backward.upstream', code: `${v.y}.backward(${v.dY})` };
  const hand = (['loss', 'backward', 'update'] as const).flatMap((phase) => inPhase(graph, phase));
  const checks: PyLine[] = [heading('torch.check'), ...hand.flatMap((r) => checkLine(r, c) ?? [])];
  const updates = inPhase(graph, 'update');
  const step: PyLine[] = updates.flatMap((r, k) => [
    ...(k === 0 ? [{ note: 'torch.sgd', code: `torch.optim.SGD([${updates.map((u) => v[u.from[0]]).join(', ')}], lr=lr).step()` } satisfies PyLine] : []),
    { code: `torch.testing.assert_close(${v[r.node]}, ${v[r.from[0]]})` },
  ]);
  return [
    render(forward),
    render([backward]),
    [...render([heading('torch.hand'), { code: 'with torch.no_grad():' }]), ...render(hand.flatMap((r) => handLines(r, c)), '    ')],
    render(checks),
    render(step),
  ];
}

