// The text of the exported Python programs: each convention's formula lines,
// written here from DESIGN.md's convention table (not from src/core), the
// loss and activation lines, inputs that read back to the same doubles, a
// header that names the lesson, and comments that all come from the one
// table of them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, CONVENTIONS, EXPORT_FLAVOURS, LOSS_KINDS, computeLesson, isExportFlavour, makeLesson, type Activation, type Convention, type DerivationContext, type ExportFlavour, type LossKind, type Sizes } from '../../src/core/index.ts';
import { pythonFileName, pythonProgram } from '../../src/core/export/python.ts';
import { COMMENTS } from '../../src/core/export/comments.ts';
import { pyFloat } from '../../src/core/export/pyValues.ts';
import { FC_SEED } from './reference.ts';

fc.configureGlobal({ seed: FC_SEED, numRuns: 200 });

const SIZES: Sizes = { B: 2, N: 3, T: 4 };

function lessonCtx(convention: Convention, loss: LossKind, activation: Activation, lr?: number, sizes: Sizes = SIZES): DerivationContext {
  const inputs = makeLesson({ convention, loss, activation, ...sizes }, 3);
  return { convention, loss, activation, lr, sizes, inputs, outputs: computeLesson(convention, loss, inputs, activation, lr) };
}

/** The program's statements and comments, each line trimmed. */
const linesOf = (program: string): string[] => program.split('\n').map((l) => l.trim());

// DESIGN.md: row Y = XW + b, dX = G Wᵀ, dW = Xᵀ G; torch Y = XWᵀ + b, dX = G W, dW = Gᵀ X;
// column Y = WX + b1ᵀ, dX = Wᵀ G, dW = G Xᵀ; db sums G over the batch (rows, or columns in column).
const FORMULAS: Record<Convention, Record<'out' | 'dW' | 'db' | 'dX', (G: string, axis: string) => string>> = {
  row: { out: () => 'X @ W + b', dW: (G) => `X.T @ ${G}`, db: (G, a) => `${G}.sum(${a}=0)`, dX: (G) => `${G} @ W.T` },
  torch: { out: () => 'X @ W.T + b', dW: (G) => `${G}.T @ X`, db: (G, a) => `${G}.sum(${a}=0)`, dX: (G) => `${G} @ W` },
  column: { out: () => 'W @ X + b[:, None]', dW: (G) => `${G} @ X.T`, db: (G, a) => `${G}.sum(${a}=1)`, dX: (G) => `W.T @ ${G}` },
};
const AXIS: Record<ExportFlavour, string> = { numpy: 'axis', pytorch: 'dim' };

describe("the dense layer's lines follow the convention", () => {
  const cases = CONVENTIONS.flatMap((c) => EXPORT_FLAVOURS.flatMap((f) => (['identity', 'relu'] as const).map((a) => [c, f, a] as const)));
  it.each(cases)('%s, %s, %s', (conv, flavour, act) => {
    const lines = linesOf(pythonProgram(lessonCtx(conv, 'mse', act), flavour));
    const [out, G] = act === 'identity' ? ['Y', 'dY'] : ['Z', 'dZ'];
    const f = FORMULAS[conv];
    expect(lines).toContain(`${out} = ${f.out('', '')}`);
    expect(lines).toContain(`dW = ${f.dW(G, '')}`);
    expect(lines).toContain(`db = ${f.db(G, AXIS[flavour])}`);
    expect(lines).toContain(`dX = ${f.dX(G, '')}`);
  });
});

describe('the activation and the loss', () => {
  const SLOPES: Record<Exclude<Activation, 'identity'>, string> = { relu: 'dZ = dY * (Z > 0)', sigmoid: 'dZ = dY * (Y * (1 - Y))', tanh: 'dZ = dY * (1 - Y ** 2)' };
  const FORWARD: Record<ExportFlavour, Record<Exclude<Activation, 'identity'>, string>> = {
    numpy: { relu: 'Y = np.maximum(Z, 0.0)', sigmoid: 'Y = 1 / (1 + np.exp(-Z))', tanh: 'Y = np.tanh(Z)' },
    pytorch: { relu: 'Y = torch.relu(Z)', sigmoid: 'Y = torch.sigmoid(Z)', tanh: 'Y = torch.tanh(Z)' },
  };
  it.each(EXPORT_FLAVOURS)("%s: y = act(z) and dL/dz = dL/dy ⊙ act'(z); no z without an activation", (flavour) => {
    for (const act of ['relu', 'sigmoid', 'tanh'] as const) {
      const lines = linesOf(pythonProgram(lessonCtx('row', 'sum', act), flavour));
      expect(lines).toContain(FORWARD[flavour][act]);
      expect(lines).toContain(SLOPES[act]);
      expect(lines).toContain('"z": Z.tolist(),');
    }
    const plain = pythonProgram(lessonCtx('row', 'sum', 'identity'), flavour);
    expect(plain).not.toMatch(/\bZ\b|"z"|"dZ"/);
  });

  it('mse, sum and softmax-ce by hand, per sample along the convention', () => {
    const row = (loss: LossKind, conv: Convention = 'row') => linesOf(pythonProgram(lessonCtx(conv, loss, 'identity'), 'numpy'));
    expect(row('mse')).toEqual(expect.arrayContaining(['L = ((Y - target) ** 2).mean()', 'dY = 2 * (Y - target) / Y.size']));
    expect(row('sum')).toEqual(expect.arrayContaining(['L = Y.sum()', 'dY = np.ones_like(Y)']));
    expect(row('softmax-ce')).toEqual(expect.arrayContaining(['m = Y.max(axis=1, keepdims=True)', 'L = nlp[samples, target].mean()', 'dY = (p - np.eye(T)[target, :]) / B']));
    expect(row('softmax-ce', 'column')).toEqual(expect.arrayContaining(['m = Y.max(axis=0, keepdims=True)', 'L = nlp[target, samples].mean()', 'dY = (p - np.eye(T)[:, target]) / B']));
  });

  it("pytorch: PyTorch's own layer and loss, autograd, and the hand formulas checked against it", () => {
    const torch = (conv: Convention, loss: LossKind) => linesOf(pythonProgram(lessonCtx(conv, loss, 'sigmoid', 0.1), 'pytorch'));
    expect(torch('row', 'softmax-ce')).toEqual(
      expect.arrayContaining([
        'torch.testing.assert_close(Z, F.linear(X, W.T, b))',
        'loss = F.cross_entropy(Y, target)',
        'loss.backward()',
        'with torch.no_grad():',
        'torch.testing.assert_close(dW, W.grad)',
        'torch.testing.assert_close(dZ, Z.grad)',
        'torch.optim.SGD([W, b], lr=lr).step()',
        '"dW": W.grad.tolist(),',
      ]),
    );
    expect(torch('torch', 'mse')).toEqual(expect.arrayContaining(['torch.testing.assert_close(Z, F.linear(X, W, b))', 'loss = F.mse_loss(Y, target)']));
    expect(torch('column', 'softmax-ce')).toEqual(expect.arrayContaining(['torch.testing.assert_close(Z, F.linear(X.T, W, b).T)', 'loss = F.cross_entropy(Y.T, target)']));
  });

  it('upstream: dL/dy is an input, there is no loss, and the JSON says null', () => {
    for (const flavour of EXPORT_FLAVOURS) {
      const lines = linesOf(pythonProgram(lessonCtx('torch', 'upstream', 'identity'), flavour));
      expect(lines.some((l) => l.startsWith('dY = ') && l.includes('['))).toBe(true);
      expect(lines.some((l) => /^L =|^loss =/.test(l))).toBe(false);
      expect(lines).toContain('"loss": None,');
    }
    expect(linesOf(pythonProgram(lessonCtx('torch', 'upstream', 'identity'), 'pytorch'))).toContain('Y.backward(dY)');
  });
});

/** The literal assigned to `name`, read back as numbers (Python's list syntax is JSON's, but for trailing commas). */
function literalOf(program: string, name: string): unknown {
  const m = program.match(new RegExp(`^${name} = (?:np\\.array|torch\\.tensor)\\((\\[[^]*?\\])(?:\\)|, dtype)`, 'm'));
  if (!m) throw new Error(`no literal for ${name}`);
  return JSON.parse(m[1].replace(/,(\s*\])/g, '$1'));
}

describe('inputs at full precision', () => {
  it('pyFloat writes every double so that it reads back the same (Python parses decimals as JavaScript does)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => Object.is(Number(pyFloat(v)), v) && /^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(pyFloat(v))));
    expect([0.1, -0, 1, 1e21, 5e-324, 1 / 3].map(pyFloat)).toEqual(['0.1', '-0.0', '1.0', '1e+21', '5e-324', '0.3333333333333333']);
    expect([Number.NaN, Infinity, -Infinity].map(pyFloat)).toEqual(['float("nan")', 'float("inf")', '-float("inf")']);
  });

  it.each(CONVENTIONS)('%s: X, W, b, the target and dL/dy are embedded as laid out, every digit kept', (conv) => {
    const base = lessonCtx(conv, 'mse', 'identity');
    const odd = (k: number) => [1 / 3, 0.1 + 0.2, -0, Math.PI * 1e-9, -123456.789012345][k % 5];
    const inputs = { ...base.inputs, x: { ...base.inputs.x, data: base.inputs.x.data.map((_, k) => odd(k)) }, b: base.inputs.b.map((_, k) => odd(k + 1)) };
    for (const loss of ['mse', 'upstream', 'softmax-ce'] as const) {
      const ctx = { ...base, loss, inputs, outputs: computeLesson(conv, loss, inputs, 'identity') };
      for (const flavour of EXPORT_FLAVOURS) {
        const program = pythonProgram(ctx, flavour);
        const rows = (m: { rows: number; cols: number; data: Float64Array }) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));
        // toEqual tells -0 from 0, so a lost sign fails too.
        expect(literalOf(program, 'X')).toEqual(rows(inputs.x));
        expect(literalOf(program, 'W')).toEqual(rows(inputs.W));
        expect(literalOf(program, 'b')).toEqual(Array.from(inputs.b));
        if (loss === 'mse') expect(literalOf(program, 'target')).toEqual(rows(inputs.targetMatrix));
        if (loss === 'upstream') expect(literalOf(program, 'dY')).toEqual(rows(inputs.upstream));
        if (loss === 'softmax-ce') expect(literalOf(program, 'target')).toEqual(inputs.targetClasses);
        expect(program).toMatch(/-0\.0/);
      }
    }
  });
});

describe('header and comments', () => {
  it('the header names the flavour, convention, shapes, sizes, layer, loss, activation and update', () => {
    const program = pythonProgram(lessonCtx('column', 'softmax-ce', 'tanh', 0.25, { B: 1, N: 3, T: 2 }), 'pytorch');
    const header = program.slice(0, program.indexOf('\nimport')).trimEnd();
    for (const part of ['PyTorch', 'Convention: column', 'X [N, B], W [T, N], Y [T, B]', 'B = 1, N = 3, T = 2', 'Z = W @ X + b[:, None], then Y = tanh(Z)', 'softmax-ce', 'lr = 0.25']) {
      expect(header).toContain(part);
    }
    expect(header.split('\n').every((l) => l.startsWith('# '))).toBe(true);
  });

  it('every comment of every program is an entry of the comment table, filled in', () => {
    const templates = Object.values(COMMENTS).map((t) => new RegExp(`^${t.replace(/[.*+?^$()[\]\\|]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`));
    for (const conv of CONVENTIONS)
      for (const loss of LOSS_KINDS)
        for (const act of ACTIVATIONS)
          for (const flavour of EXPORT_FLAVOURS) {
            const comments = linesOf(pythonProgram(lessonCtx(conv, loss, act, 0.1), flavour)).filter((l) => l.startsWith('#')).map((l) => l.slice(2));
            expect(comments.filter((c) => !templates.some((t) => t.test(c)))).toEqual([]);
          }
  });

  it('the flavours, their names and file names', () => {
    expect(EXPORT_FLAVOURS).toEqual(['numpy', 'pytorch']);
    expect(isExportFlavour('numpy') && isExportFlavour('pytorch') && !isExportFlavour('jax') && !isExportFlavour(undefined)).toBe(true);
    expect(() => pythonProgram(lessonCtx('row', 'mse', 'identity'), 'jax' as ExportFlavour)).toThrow(/unknown flavour 'jax'/);
    expect(pythonFileName({ convention: 'torch', loss: 'softmax-ce', activation: 'relu' }, 'pytorch')).toBe('backprop-torch-softmax-ce-relu-pytorch.py');
    const program = pythonProgram(lessonCtx('row', 'mse', 'identity'), 'numpy');
    expect(program.endsWith('\n') && !program.endsWith('\n\n') && !program.includes('\t')).toBe(true);
    expect(pythonProgram(lessonCtx('row', 'mse', 'identity'), 'numpy')).toBe(program);
  });
});
