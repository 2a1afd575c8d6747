// The third notation: every node's code line and einsum, for every convention ×
// activation × loss, with and without the update, checked against an
// independent statement of DESIGN.md's formulas in the convention's framework
// (NumPy for row and column, PyTorch for torch); the tokens' parts (which
// letters are the summed index, which name is which factor); the plain text of
// the index notation and matrix form equal to the derivation's; the code lines
// those of the exported program of that flavour, and the einsum worked out by
// a tiny interpreter equal to the lesson's values.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  LOSS_KINDS,
  computeLesson,
  derive,
  lessonGraph,
  makeLesson,
  matrixValues,
  nodeShape,
  partCells,
  linkedTex,
  plainText,
  type Activation,
  type Convention,
  type DerivationContext,
  type LossKind,
  type MatrixName,
  type Token,
} from '../../src/core/index.ts';
import { linkedNotation } from '../../src/core/linkedNotation.ts';
import { pythonProgram } from '../../src/core/export/python.ts';

const CONVS: Convention[] = ['row', 'torch', 'column'];
const SIZES = { B: 2, N: 3, T: 2 };

function lesson(conv: Convention, loss: LossKind, activation: Activation, lr?: number): DerivationContext {
  const inputs = makeLesson({ convention: conv, loss, ...SIZES }, 7);
  return { convention: conv, loss, activation, lr, sizes: SIZES, inputs, outputs: computeLesson(conv, loss, inputs, activation, lr) };
}

// ---- DESIGN.md's convention table, stated again: layouts as index letters, products as NumPy. ----
const LETTERS: Record<'x' | 'W' | 'y' | 'b', Record<Convention, string>> = {
  x: { row: 'si', torch: 'si', column: 'is' },
  W: { row: 'ij', torch: 'ji', column: 'ji' },
  y: { row: 'sj', torch: 'sj', column: 'js' },
  b: { row: 'j', torch: 'j', column: 'j' },
};
const PRODUCT: Record<'out' | 'dW' | 'dX', Record<Convention, (g: string) => string>> = {
  out: { row: () => 'X @ W + b', torch: () => 'X @ W.T + b', column: () => 'W @ X + b[:, None]' },
  dW: { row: (g) => `X.T @ ${g}`, torch: (g) => `${g}.T @ X`, column: (g) => `${g} @ X.T` },
  dX: { row: (g) => `${g} @ W.T`, torch: (g) => `${g} @ W`, column: (g) => `W.T @ ${g}` },
};
const FORWARD: Record<'np' | 'torch', Record<Activation, string>> = {
  np: { identity: '', relu: 'np.maximum(Z, 0.0)', sigmoid: '1 / (1 + np.exp(-Z))', tanh: 'np.tanh(Z)' },
  torch: { identity: '', relu: 'torch.relu(Z)', sigmoid: 'torch.sigmoid(Z)', tanh: 'torch.tanh(Z)' },
};
/** The same with NumPy's names for the arguments in PyTorch's: axis → dim, keepdims → keepdim. */
const TORCH_ARGS = (s: string) => s.replace(/axis=/g, 'dim=').replace(/keepdims=/g, 'keepdim=');
const SLOPE: Record<Activation, string> = { identity: '', relu: '(Z > 0)', sigmoid: '(Y * (1 - Y))', tanh: '(1 - Y ** 2)' };

/** The expected statements of each node, and its einsum (null where there is none): NumPy's in row and column, PyTorch's in torch (by hand, then held against PyTorch's own). */
function expected(conv: Convention, loss: LossKind, a: Activation, update: boolean): Partial<Record<MatrixName, { code: string[]; einsum: string | null }>> {
  const torch = conv === 'torch';
  const lib = torch ? 'torch' : 'np';
  const args = torch ? TORCH_ARGS : (s: string) => s;
  const check = (m: string, of: string) => (torch ? [`torch.testing.assert_close(${m}, ${of})`] : []);
  const act = a !== 'identity';
  const out = act ? 'Z' : 'Y';
  const g = act ? 'dZ' : 'dY';
  const y = LETTERS.y[conv];
  const bias = conv === 'column' ? ' + b[:, None]' : ' + b';
  const outAxis = conv === 'column' ? 0 : 1;
  const keep = args(`axis=${outAxis}, keepdims=True`);
  const framework: Record<LossKind, string> = { mse: 'F.mse_loss(Y, target)', sum: 'Y.sum()', 'softmax-ce': 'F.cross_entropy(Y, target)', upstream: '' };
  const L: Record<LossKind, string[] | null> = {
    mse: ['L = ((Y - target) ** 2).mean()'],
    sum: ['L = Y.sum()'],
    'softmax-ce': [
      `m = Y.${torch ? 'amax' : 'max'}(${keep})`,
      `e = ${lib}.exp(Y - m)`,
      `p = e / e.sum(${keep})`,
      `nlp = m + ${lib}.log(e.sum(${keep})) - Y`,
      `samples = ${lib}.arange(B)`,
      `L = nlp[${conv === 'column' ? 'target, samples' : 'samples, target'}].mean()`,
    ],
    upstream: null,
  };
  const dY: Record<LossKind, string[] | null> = {
    mse: [`dY = 2 * (Y - target) / ${torch ? 'Y.numel()' : 'Y.size'}`],
    sum: [`dY = ${lib}.ones_like(Y)`],
    'softmax-ce': [`dY = (p - ${torch ? 'torch.eye(T, dtype=torch.float64)' : 'np.eye(T)'}[${conv === 'column' ? ':, target' : 'target, :'}]) / B`],
    upstream: null,
  };
  const ein = (s: string) => s.replace('np.einsum', `${lib}.einsum`);
  const e: Partial<Record<MatrixName, { code: string[]; einsum: string | null }>> = {
    [out === 'Z' ? 'z' : 'y']: {
      code: [`${out} = ${PRODUCT.out[conv](g)}`, ...check(out, 'F.linear(X, W, b)')],
      einsum: ein(`${out} = np.einsum('${conv === 'column' ? 'ji,is' : `${LETTERS.x[conv]},${LETTERS.W[conv]}`}->${y}', ${conv === 'column' ? 'W, X' : 'X, W'})${bias}`),
    },
    dW: { code: [`dW = ${PRODUCT.dW[conv](g)}`, ...check('dW', 'W.grad')], einsum: ein(conv === 'row' ? `dW = np.einsum('si,sj->ij', X, ${g})` : conv === 'torch' ? `dW = np.einsum('sj,si->ji', ${g}, X)` : `dW = np.einsum('js,is->ji', ${g}, X)`) },
    dX: { code: [`dX = ${PRODUCT.dX[conv](g)}`, ...check('dX', 'X.grad')], einsum: ein(conv === 'column' ? `dX = np.einsum('ji,js->is', W, ${g})` : `dX = np.einsum('${y},${LETTERS.W[conv]}->si', ${g}, W)`) },
    db: { code: [`db = ${g}.sum(${args('axis=')}${conv === 'column' ? 1 : 0})`, ...check('db', 'b.grad')], einsum: ein(`db = np.einsum('${y}->j', ${g})`) },
  };
  if (act) {
    e.y = { code: [`Y = ${FORWARD[torch ? 'torch' : 'np'][a]}`], einsum: null };
    e.dZ = { code: [`dZ = dY * ${SLOPE[a]}`, ...check('dZ', 'Z.grad')], einsum: null };
  }
  if (L[loss]) e.L = { code: [...L[loss], ...(torch ? [`loss = ${framework[loss]}`] : []), ...check('L', 'loss')], einsum: null };
  if (dY[loss]) e.dY = { code: [...dY[loss], ...check('dY', 'Y.grad')], einsum: null };
  if (update) {
    e.Wn = { code: ['W_new = W - lr * dW'], einsum: null };
    e.bn = { code: ['b_new = b - lr * db'], einsum: null };
  }
  return e;
}

/** The texts of the tokens that belong to a part. */
const textsOf = (tokens: readonly Token[] | null, part: string) => (tokens ?? []).filter((t) => t.parts.includes(part)).map((t) => t.text);

/** A tiny einsum: 'ab,bc->ac' over row-major matrices (vectors as one row), summing every letter not in the output. */
function einsum(spec: string, operands: { rows: number; cols: number; data: ArrayLike<number> }[], sizeOf: Record<string, number>): number[] {
  const [ins, out] = spec.split('->');
  const subs = ins.split(',');
  const letters = [...new Set(ins.replace(/,/g, ''))];
  const res = new Map<string, number>();
  const walk = (k: number, at: Record<string, number>) => {
    if (k === letters.length) {
      const v = subs.reduce((p, s, q) => {
        const m = operands[q];
        const idx = [...s].map((l) => at[l]);
        return p * Number(m.data[idx.length === 1 ? idx[0] : idx[0] * m.cols + idx[1]]);
      }, 1);
      const key = [...out].map((l) => at[l]).join(',');
      res.set(key, (res.get(key) ?? 0) + v);
      return;
    }
    for (let v = 0; v < sizeOf[letters[k]]; v++) walk(k + 1, { ...at, [letters[k]]: v });
  };
  walk(0, {});
  return [...res.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
}

const NAME_OF: Record<string, MatrixName> = { X: 'x', W: 'W', dY: 'dY', dZ: 'dZ', b: 'b' };

describe.each(CONVS)('the linked notation in the %s convention', (conv) => {
  for (const a of ACTIVATIONS)
    for (const loss of LOSS_KINDS)
    for (const lr of [undefined, 0.1]) {
      const ctx = lesson(conv, loss, a, lr);
      const graph = lessonGraph(ctx);
      const flavour = conv === 'torch' ? 'pytorch' : 'numpy';
      // The program's statements as the panel shows them: without the indent of PyTorch's `with torch.no_grad():`.
      const program = pythonProgram(ctx, flavour).split('\n').map((l) => l.trim());
      const want = expected(conv, loss, a, lr !== undefined);
      const lesson_ = `${a}, ${loss}${lr === undefined ? '' : ', update'}`;
      const computed = graph.nodes.filter((r) => r.role === 'computed').map((r) => r.node);

      it(`(${lesson_}): every computed node has its code lines (in ${flavour}) and einsum, as stated`, () => {
        const got = Object.fromEntries(
          computed.map((m) => {
            const n = linkedNotation(ctx, m, graph);
            expect(n?.flavour).toBe(flavour);
            return [m, { code: n?.code.map(plainText), einsum: n?.einsum ? plainText(n.einsum) : null }];
          }),
        );
        expect(got).toEqual(Object.fromEntries(computed.map((m) => [m, want[m]])));
      });

      it(`(${lesson_}): the code lines are the exported ${flavour} program's, and the einsum gives the lesson's values`, () => {
        for (const m of computed) {
          const n = linkedNotation(ctx, m, graph);
          for (const line of n?.code ?? []) expect(program).toContain(plainText(line));
          if (!n?.einsum) continue;
          const text = plainText(n.einsum);
          const [, lib, spec, args] = /(np|torch)\.einsum\('([^']+)', ([^)]+)\)/.exec(text) ?? [];
          expect(lib).toBe(flavour === 'pytorch' ? 'torch' : 'np');
          const ops = args.split(', ').map((v) => {
            const node = NAME_OF[v];
            const [rows, cols] = nodeShape(node, conv, SIZES, loss);
            return { rows, cols, data: matrixValues(ctx, node) };
          });
          let values = einsum(spec, ops, { s: SIZES.B, i: SIZES.N, j: SIZES.T });
          // The bias, added along the outputs of every sample.
          if (text.includes(' + b')) {
            const b = matrixValues(ctx, 'b');
            const [, cols] = nodeShape(m, conv, SIZES, loss);
            values = values.map((v, k) => v + b[conv === 'column' ? Math.floor(k / cols) : k % cols]);
          }
          expect(values.map((v) => v.toFixed(9))).toEqual(Array.from(matrixValues(ctx, m)).map((v) => v.toFixed(9)));
        }
      });

      it(`(${lesson_}): the index notation and matrix form spell the derivation's own`, () => {
        for (const m of computed) {
          const n = linkedNotation(ctx, m, graph);
          const d = derive(ctx, { m, r: 0, c: 0 });
          // Every computed rule is written in linked tokens; a loss has no matrix form.
          expect(plainText(n?.index ?? [])).toBe(d.general);
          const op = graph.rule(m)?.op ?? '';
          if (op === 'loss' || op === 'loss-grad') expect([n?.matrix, d.matrixForm]).toEqual([null, null]);
          else expect(plainText(n?.matrix ?? [])).toBe(d.matrixForm?.tex);
        }
      });

      it(`(${lesson_}): KaTeX typesets the linked forms, each part a data-part span, with \\htmlData alone trusted (as the page does)`, () => {
        for (const m of computed) {
          const n = linkedNotation(ctx, m, graph);
          for (const tokens of [n?.index, n?.matrix]) {
            if (!tokens) continue;
            const html = katex.renderToString(linkedTex(tokens), { throwOnError: true, strict: 'ignore', trust: (c) => c.command === '\\htmlData' });
            const spans = new Set([...html.matchAll(/data-part="([^"]+)"/g)].map((x) => x[1]));
            expect([...spans].sort(), `${m}: ${linkedTex(tokens)}`).toEqual([...new Set(tokens.flatMap((t) => t.parts))].sort());
          }
        }
      });
    }
});

describe('the parts the tokens carry', () => {
  it('row dW: s is the summed index in all three, x and dL/dy the factors, the result on the left', () => {
    const ctx = lesson('row', 'mse', 'identity');
    const n = linkedNotation(ctx, 'dW');
    expect(textsOf(n?.index ?? null, 'i-s')).toEqual(['\\sum_{s=0}^{B-1}', 's', 's']);
    expect(textsOf(n?.einsum ?? null, 'i-s')).toEqual(['s', 's']);
    expect(textsOf(n?.matrix ?? null, 'i-s')).toEqual(['B', 'B']);
    expect(textsOf(n?.einsum ?? null, 'f-x')).toEqual(['s', 'i', 'X']);
    expect(textsOf(n?.code[0] ?? null, 'f-x')).toEqual(['X']);
    expect(textsOf(n?.code[0] ?? null, 'f-dY')).toEqual(['dY']);
    expect(textsOf(n?.code[0] ?? null, 'r')).toEqual(['dW']);
    expect(plainText(n?.index?.filter((t) => t.parts[0] === 'f-x') ?? [])).toBe('x_{si}');
    expect(plainText(n?.matrix?.filter((t) => t.parts[0] === 'f-x') ?? [])).toBe('\\underset{[N\\times B]}{X^{\\top}}');
    expect(n?.parts.find((p) => p.id === 'i-s')).toMatchObject({ kind: 'summed', nodes: ['x', 'dY'] });
    expect(n?.parts.find((p) => p.id === 'i-i')).toMatchObject({ kind: 'index', nodes: ['x'], here: ['dW'] });
  });

  it('torch dW: the transposed factor is dL/dz, W laid out ji', () => {
    const ctx = lesson('torch', 'mse', 'relu');
    const n = linkedNotation(ctx, 'dW');
    expect(plainText(n?.matrix?.filter((t) => t.parts[0] === 'f-dZ') ?? [])).toBe('\\underset{[T\\times B]}{\\left(\\frac{\\partial L}{\\partial Z}\\right)^{\\top}}');
    expect(textsOf(n?.einsum ?? null, 'r')).toEqual(['dW', 'j', 'i']);
  });

  it('column dZ with sigmoid: the slope is a part, read from y', () => {
    const ctx = lesson('column', 'sum', 'sigmoid');
    const n = linkedNotation(ctx, 'dZ');
    expect(plainText(n?.index?.filter((t) => t.parts[0] === 'slope') ?? [])).toBe('\\sigma(z_{js})\\left(1 - \\sigma(z_{js})\\right)');
    expect(n?.parts.find((p) => p.id === 'slope')).toMatchObject({ kind: 'slope', nodes: ['y'] });
  });

  it('a part stands for its factor cells among the derivation’s, and the result for the cell itself', () => {
    const ctx = lesson('row', 'mse', 'identity');
    const n = linkedNotation(ctx, 'dW');
    if (!n) throw new Error('no notation');
    const d = derive(ctx, { m: 'dW', r: 1, c: 0 });
    expect(partCells(n, d, 'f-x')).toEqual([{ m: 'x', r: 0, c: 1 }, { m: 'x', r: 1, c: 1 }]);
    expect(partCells(n, d, 'r')).toEqual([{ m: 'dW', r: 1, c: 0 }]);
    expect(partCells(n, d, 'i-j')).toEqual([{ m: 'dW', r: 1, c: 0 }, { m: 'dY', r: 0, c: 0 }, { m: 'dY', r: 1, c: 0 }]);
    expect(partCells(n, d, 'nothing')).toEqual([]);
  });

  it('mse L: s and j run over y and the target, both factors, L the result', () => {
    const ctx = lesson('column', 'mse', 'identity');
    const n = linkedNotation(ctx, 'L');
    expect(textsOf(n?.index ?? null, 'r')).toEqual(['L']);
    expect(textsOf(n?.index ?? null, 'i-s')).toEqual(['s', 's', 's']);
    expect(plainText(n?.index?.filter((t) => t.parts[0] === 'f-y') ?? [])).toBe('y_{js}');
    expect(plainText(n?.index?.filter((t) => t.parts[0] === 'f-target') ?? [])).toBe('t_{js}');
    expect(n?.parts.find((p) => p.id === 'i-j')).toMatchObject({ kind: 'index', nodes: ['y', 'target'], here: [] });
    expect(textsOf(n?.code[0] ?? null, 'f-target')).toEqual(['target']);
  });

  it('softmax-ce: the true class c_s is the target’s part, its s the sample’s; the class targets do not run over j', () => {
    const ctx = lesson('row', 'softmax-ce', 'identity');
    const L = linkedNotation(ctx, 'L');
    expect(plainText(L?.index?.filter((t) => t.parts[0] === 'f-target') ?? [])).toBe('c_{s}');
    expect(textsOf(L?.index ?? null, 'i-s')).toEqual(['s', 's', 's', 's', 's', 's']);
    const dY = linkedNotation(ctx, 'dY');
    expect(textsOf(dY?.index ?? null, 'i-j')).toEqual(['j', 'j', 'j']);
    expect(dY?.parts.find((p) => p.id === 'i-j')).toMatchObject({ nodes: ['y'], here: ['dY'] });
    expect(dY?.parts.find((p) => p.id === 'i-s')).toMatchObject({ nodes: ['y', 'target'], here: ['dY'] });
  });

  it('the update: W and dL/dW are factors in both forms, read in the cell’s own place', () => {
    const ctx = lesson('torch', 'mse', 'identity', 0.1);
    const n = linkedNotation(ctx, 'Wn');
    if (!n) throw new Error('no notation');
    expect(plainText(n.index?.filter((t) => t.parts[0] === 'f-dW') ?? [])).toBe('\\tfrac{\\partial L}{\\partial W_{ji}}');
    expect(plainText(n.matrix?.filter((t) => t.parts[0] === 'f-dW') ?? [])).toBe('\\underset{[T\\times N]}{\\eta\\, \\frac{\\partial L}{\\partial W}}');
    expect(textsOf(n.code[0], 'f-dW')).toEqual(['dW']);
    const d = derive(ctx, { m: 'Wn', r: 1, c: 2 });
    expect(partCells(n, d, 'f-W')).toEqual([{ m: 'W', r: 1, c: 2 }]);
    expect(partCells(n, d, 'i-j')).toEqual([{ m: 'Wn', r: 1, c: 2 }, { m: 'W', r: 1, c: 2 }, { m: 'dW', r: 1, c: 2 }]);
  });

  it('given values have no linked notation', () => {
    const ctx = lesson('row', 'upstream', 'identity');
    expect(linkedNotation(ctx, 'x')).toBeNull();
    expect(linkedNotation(ctx, 'dY')).toBeNull();
  });
});
