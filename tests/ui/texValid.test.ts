// Every formula the app can show typesets in KaTeX without an error (KaTeX would
// otherwise show red source text), and has a plain-text form free of LaTeX: every derivation, narration and Jacobian
// entry, for every convention × loss × activation, with everyday values and
// with values so small or large that numbers are written with exponents.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CONVENTIONS,
  LOSS_KINDS,
  buildScript,
  computeLesson,
  derive,
  explainEntry,
  jacobian,
  jacobianKindsFor,
  layerTex,
  lessonGraph,
  makeLesson,
  LOSSES,
  type CellRef,
  type DerivationContext,
  nodeShape,
} from '../../src/core/index.ts';
import { formulasOf } from '../../src/ui/derivation/assemble.ts';
import { texText } from '../../src/ui/texText.ts';
import { numberFormat } from '../../src/core/index.ts';
import { scaledInputs } from '../core/reference.ts';

const SIZES = { B: 2, N: 2, T: 3 };
const broken = (tex: string): string | null => {
  try {
    katex.renderToString(tex, { throwOnError: true, strict: 'ignore' });
  } catch (e) {
    return `${(e as Error).message.slice(0, 80)} in ${tex.slice(0, 120)}`;
  }
  // Its plain-text form, shown until KaTeX arrives, keeps no LaTeX markup.
  const plain = texText(tex);
  return /[\\{}]/.test(plain) || !plain ? `plain text “${plain}” for ${tex.slice(0, 120)}` : null;
};

describe('every formula typesets', () => {
  for (const conv of CONVENTIONS)
    for (const activation of ACTIVATIONS)
      it(`${conv}, ${activation}: derivations, narrations and Jacobian entries, at ordinary and extreme scales`, () => {
        const bad: string[] = [];
        for (const loss of LOSS_KINDS)
          for (const f of [1, 1e-5, 1e7]) {
            const inputs = scaledInputs(makeLesson({ convention: conv, loss, ...SIZES }, 3), f);
            let outputs;
            try {
              outputs = computeLesson(conv, loss, inputs, activation);
            } catch {
              continue; // a lesson that overflows is refused before anything is shown
            }
            const ctx: DerivationContext = { convention: conv, loss, activation, sizes: SIZES, inputs, outputs };
            const fmt = numberFormat('en');
            const graph = lessonGraph(ctx);
            for (const rule of graph.nodes) {
              const [rows, cols] = nodeShape(rule.node, conv, SIZES, loss);
              for (let r = 0; r < rows; r++)
                for (let c = 0; c < cols; c++) {
                  const cell: CellRef = { m: rule.node, r, c };
                  for (const [tex] of formulasOf(derive(ctx, cell, fmt, graph), fmt)) {
                    const b = broken(tex);
                    if (b) bad.push(`${loss} ×${f} ${cell.m}[${cell.r},${cell.c}]: ${b}`);
                  }
                }
            }
            for (const grain of ['fine', 'coarse'] as const)
              for (const st of buildScript(ctx, grain, fmt, graph).steps) {
                const b = broken(st.narration.tex);
                if (b) bad.push(`${loss} ×${f} step ${st.id}: ${b}`);
              }
            for (const t of [layerTex(conv, activation), LOSSES[loss].tex(conv), LOSSES[loss].dtex(conv)]) {
              const b = t ? broken(t) : null;
              if (b) bad.push(b);
            }
            if (loss !== 'mse' || f === 1e7) continue;
            for (const kind of jacobianKindsFor(activation)) {
              const values = { x: inputs.x, W: inputs.W, z: outputs.z };
              const J = jacobian(kind, conv, SIZES, 'row-major', values, activation);
              for (let r = 0; r < J.rows; r++)
                for (let c = 0; c < J.cols; c++) {
                  const e = explainEntry(J, r, c, values, fmt);
                  for (const tex of [e.forward, e.general, e.indexed, e.numeric]) {
                    const b = broken(tex);
                    if (b) bad.push(`${kind} ×${f} (${r},${c}): ${b}`);
                  }
                }
            }
          }
        expect(bad).toEqual([]);
        // Every derivation of a convention × activation through KaTeX: 10 s at a load average of 12 on 2 cores.
      }, 180_000);
});
