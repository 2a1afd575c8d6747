// A lesson as a self-contained Python program, in two flavours: 'numpy' works
// every step by hand with the formulas the lesson shows; 'pytorch' lets
// autograd work them and checks the same formulas against it. Either embeds
// every input to full precision and prints one JSON object of the results,
// laid out as the app shows them (docs/export.md). The statements come from
// the lesson's graph and the operations' tables (lessonCode.ts).
import { lessonGraph } from '../graph.ts';
import { GRADIENT_OF, type MatrixName } from '../nodes.ts';
import type { DerivationContext, NodeRule, Phase } from '../ops/types.ts';
import { DIALECTS, PY_VARS } from './dialect.ts';
import { lessonFileStem } from './fileName.ts';
import { type ExportFlavour, isExportFlavour } from './flavours.ts';
import { type CodeContext, handLines } from './lessonCode.ts';
import { header, heading, inPhase, inputs, render } from './programLines.ts';
import { pytorchBody } from './pytorchBody.ts';

const v = PY_VARS;
const PHASE_ORDER: readonly Phase[] = ['forward', 'loss', 'backward', 'update'];

/** NumPy: every phase by hand, in the graph's order. */
function numpyBody(c: CodeContext): string[][] {
  return PHASE_ORDER.map((phase) => render(inPhase(c.graph, phase).flatMap((r) => handLines(r, c))));
}

/** The key of a node in the printed JSON: its name, and 'loss' for L. */
const jsonKey = (m: MatrixName): string => (m === 'L' ? 'loss' : m);

/** How each flavour imports, works the lesson, and reads each printed value. */
const FLAVOURS: Record<ExportFlavour, { imports: string[]; body(c: CodeContext): string[][]; value(rule: NodeRule): string }> = {
  numpy: {
    imports: ['import json', '', 'import numpy as np'],
    body: numpyBody,
    value: (r) => (r.node === 'L' ? (r.role === 'computed' ? `float(${v.L})` : 'None') : `${v[r.node]}.tolist()`),
  },
  pytorch: {
    imports: ['import json', '', 'import torch', 'import torch.nn.functional as F'],
    body: pytorchBody,
    // autograd's gradients, the optimiser's W and b (updated in place), and the forward's own values.
    value: (r) => {
      if (r.node === 'L') return r.role === 'computed' ? 'loss.item()' : 'None';
      const of = GRADIENT_OF[r.node];
      if (of) return `${v[of]}.grad.tolist()`;
      return `${v[r.role === 'computed' && r.op === 'update' ? r.from[0] : r.node]}.tolist()`;
    },
  },
};

/** The print of every result: each node the lesson works out (and L, null without a loss), laid out as the app shows it. */
function printBlock(c: CodeContext): string[] {
  const value = FLAVOURS[c.d.flavour].value;
  const entries = c.graph.nodes.filter((r) => r.op !== 'input').map((r) => `    ${JSON.stringify(jsonKey(r.node))}: ${value(r)},`);
  return [...render([heading(`print.${c.d.flavour}`)]), 'print(json.dumps({', ...entries, '}, allow_nan=False))'];
}

/** The lesson as a self-contained Python program of the given flavour (docs/export.md). */
export function pythonProgram(ctx: DerivationContext, flavour: ExportFlavour): string {
  if (!isExportFlavour(flavour)) throw new RangeError(`pythonProgram: unknown flavour '${String(flavour)}'; use numpy or pytorch`);
  const c: CodeContext = { ctx, graph: lessonGraph(ctx), d: DIALECTS[flavour] };
  const blocks = [header(c), FLAVOURS[flavour].imports, render(inputs(c)), ...FLAVOURS[flavour].body(c), printBlock(c)];
  return `${blocks.filter((b) => b.length > 0).map((b) => b.join('\n')).join('\n\n')}\n`;
}

/** A file name for the program: backprop-row-mse-sigmoid-numpy.py. */
export function pythonFileName(ctx: Pick<DerivationContext, 'convention' | 'loss' | 'activation'>, flavour: ExportFlavour): string {
  return `${lessonFileStem(ctx)}-${flavour}.py`;
}
