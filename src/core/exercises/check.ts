// Checking a learner's answer against an exercise's stated one, and the hints
// a wrong answer gets: first the factor cells involved, then the rule with
// this cell's indices, then the numbers.
import type { CellRef } from '../cells.ts';
import { derive } from '../derivation.ts';
import { indexedTex, numbersTex } from '../derivationTex.ts';
import { texNumber } from '../format.ts';
import type { LessonGraph } from '../graph.ts';
import { lessonGraph } from '../graph.ts';
import { cellParam, msg } from '../messages.ts';
import { NODE_TEX, matrixShape } from '../nodes.ts';
import { linearRule } from '../ops/linear.ts';
import { sumMatrixForm } from '../ops/sums.ts';
import type { DerivationContext } from '../ops/types.ts';
import { parseNumber } from '../parseNumber.ts';
import type { Answer, Exercise, Hint, Verdict } from './types.ts';

const key = (c: CellRef) => `${c.m}:${c.r},${c.c}`;
const invalid = (k: Parameters<typeof msg>[0]): Verdict => ({ status: 'invalid', problem: msg(k) });
const judged = (right: boolean): Verdict => ({ status: right ? 'correct' : 'wrong' });

/** A whole number as typed, or the problem with it. */
function whole(text: string): number | Verdict {
  if (text.trim() === '') return invalid('quiz.problem.empty');
  const v = parseNumber(text);
  if (v === null) return invalid('quiz.problem.notNumber');
  return Number.isInteger(v) && v >= 0 ? v : invalid('quiz.problem.notWhole');
}

/** Whether an answer is right, wrong, or not an answer yet (empty, not a number, nothing chosen). Never throws. */
export function checkAnswer(ex: Exercise, a: Answer): Verdict {
  if (ex.kind === 'predict' && a.kind === 'predict') {
    if (a.text.trim() === '') return invalid('quiz.problem.empty');
    const v = parseNumber(a.text);
    if (v === null) return invalid('quiz.problem.notNumber');
    return judged(Math.abs(v - ex.answer) <= ex.tolerance);
  }
  if (ex.kind === 'deps' && a.kind === 'deps') {
    if (a.cells.length === 0) return invalid('quiz.problem.noCells');
    const want = new Set(ex.answer.map(key));
    const got = new Set(a.cells.map(key));
    return judged(got.size === want.size && [...got].every((k) => want.has(k)));
  }
  if (ex.kind === 'shape' && a.kind === 'shape') {
    const r = whole(a.rows);
    if (typeof r !== 'number') return r;
    const c = whole(a.cols);
    if (typeof c !== 'number') return c;
    return judged(r === ex.answer[0] && c === ex.answer[1]);
  }
  if (ex.kind === 'formula' && a.kind === 'formula') return a.choice === null ? invalid('quiz.problem.noChoice') : judged(a.choice === ex.answer);
  if (ex.kind === 'bug' && a.kind === 'bug') return a.node === null ? invalid('quiz.problem.noChoice') : judged(a.node === ex.answer);
  return invalid('quiz.problem.noChoice');
}

/** Hint `level` (1 to HINT_LEVELS) of an exercise: it narrows the way to the answer without stating it. */
export function hintAt(ctx: DerivationContext, ex: Exercise, level: number, graph: LessonGraph = lessonGraph(ctx)): Hint {
  const at = (text: Hint['text'], tex = '', cells: CellRef[] = []): Hint => ({ level, text, tex, cells });
  const { B, N, T } = ctx.sizes;
  switch (ex.kind) {
    case 'predict':
    case 'deps': {
      const d = derive(ctx, ex.cell, undefined, graph);
      if (level <= 1) {
        return ex.kind === 'predict'
          ? at(msg('quiz.hint.factors', { n: d.deps.length, cell: cellParam(ex.cell) }), '', d.deps)
          : at(msg('quiz.hint.deps.nodes', { cell: cellParam(ex.cell) }), [...new Set(d.deps.map((c) => NODE_TEX[c.m]))].join(',\\ '));
      }
      if (level === 2) return at(msg('quiz.hint.rule'), indexedTex(d, false));
      return ex.kind === 'predict' ? at(msg('quiz.hint.numbers'), `${d.lhs} ${numbersTex(d)}`, d.deps) : at(msg('quiz.hint.deps.count', { n: d.deps.length }));
    }
    case 'shape': {
      const grad = 'gradient' in ex.of ? ex.of.gradient : null;
      if (level <= 1) return grad ? at(msg('quiz.hint.shape.gradient'), NODE_TEX[grad]) : at(msg('quiz.hint.shape.jacobian'));
      if (level === 2) return at(msg('quiz.hint.shape.letters'), `[${ex.dims[0]} \\times ${ex.dims[1]}]`);
      return at(msg('quiz.hint.sizes', { B, N, T }));
    }
    case 'formula': {
      const rule = linearRule(ex.node as 'dW' | 'dX', ctx.convention, ctx.activation ?? 'identity');
      const form = sumMatrixForm(rule, ctx.convention, ctx.sizes);
      if (level <= 1) return at(msg('quiz.hint.formula.shapes'), form.factors.map((f) => `${f.label}: [${f.dims[0]} \\times ${f.dims[1]}]`).join(',\\ '));
      if (level === 2) return at(msg('quiz.hint.formula.result'), `${form.result.label}: [${form.result.dims[0]} \\times ${form.result.dims[1]}]`);
      return at(msg('quiz.hint.formula.index'), derive(ctx, { m: ex.node, r: 0, c: 0 }, undefined, graph).general);
    }
    case 'bug': {
      if (level <= 1) return at(msg('quiz.hint.bug.nudge'));
      if (level === 2) {
        const forms = ex.gradients.flatMap((g) => {
          const r = graph.rule(g.node);
          return r && r.role === 'computed' ? [r.matrixForm(ctx)?.rule ?? ''] : [];
        });
        return at(msg('quiz.hint.bug.rules'), forms.filter((f) => f !== '').join(',\\quad '));
      }
      // One cell of each gradient (one that disagrees, where there is one): as shown, and as the nudge gives it.
      const rows = ex.gradients.map((g) => {
        const k = Math.max(0, g.ok.indexOf(false));
        const cols = matrixShape(ctx.convention, ctx.sizes, g.node)[1];
        return `${NODE_TEX[g.node]}_{${Math.floor(k / cols)},${k % cols}}\\!: ${texNumber(g.shown[k], 4)} \\;\\big|\\; ${texNumber(g.numeric[k], 4)}`;
      });
      return at(msg('quiz.hint.bug.cell'), rows.join(',\\quad '));
    }
  }
}

