// The PyTorch program's body: the forward under autograd with PyTorch's own
// layer, activation and loss, its backward, the hand formulas beside it, the
// checks that they agree, and the optimiser's step.
import { axesOf } from '../layout.ts';
import { GRADIENT_OF, type MatrixName, NODE_LAYOUT } from '../nodes.ts';
import { type PyLine, PY_VARS } from './dialect.ts';
import { type CodeContext, handLines, lossCode, lossContext } from './lessonCode.ts';
import { hasLoss, heading, inPhase, render, tracked } from './programLines.ts';

const v = PY_VARS;

/** PyTorch: the forward under autograd, its backward, the hand formulas, the checks, and the optimiser's step. */
export function pytorchBody(c: CodeContext): string[][] {
  const { ctx, graph, d } = c;
  const conv = ctx.convention;
  const loss = hasLoss(graph);
  const retain = (m: MatrixName): PyLine[] => (tracked(graph, m) ? [{ note: 'torch.retain', params: { name: v[m] }, code: `${v[m]}.retain_grad()` }] : []);
  // F.linear(x, W, b) = x Wᵀ + b takes one sample a row and W as [T, N]: each matrix transposed to that, and y back.
  const t = (m: MatrixName, rows: 's' | 'j') => (axesOf(NODE_LAYOUT[m], conv)[0] === rows ? v[m] : `${v[m]}.T`);
  const linear = `F.linear(${t('x', 's')}, ${t('W', 'j')}, ${v.b})${axesOf('y', conv)[0] === 's' ? '' : '.T'}`;
  const forward: PyLine[] = [
    heading('torch.forward'),
    ...inPhase(graph, 'forward').flatMap((r) => [
      ...handLines(r, c),
      ...(r.op === 'dense' ? [{ note: 'torch.linear', code: `torch.testing.assert_close(${v[r.node]}, ${linear})` } satisfies PyLine] : []),
      ...retain(r.node),
    ]),
    ...(loss ? [{ note: 'torch.loss', code: `loss = ${lossCode(ctx).framework(lossContext(ctx, d))}` } satisfies PyLine] : []),
  ];
  const backward: PyLine = loss ? { note: 'torch.backward.loss', code: 'loss.backward()' } : { note: 'torch.backward.upstream', code: `${v.y}.backward(${v.dY})` };
  const hand = (['loss', 'backward', 'update'] as const).flatMap((phase) => inPhase(graph, phase));
  const checks: PyLine[] = [
    heading('torch.check'),
    ...(loss ? [{ code: `torch.testing.assert_close(${v.L}, loss)` }] : []),
    ...hand.flatMap((r) => {
      const of = GRADIENT_OF[r.node];
      return of ? [{ code: `torch.testing.assert_close(${v[r.node]}, ${v[of]}.grad)` }] : [];
    }),
  ];
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

