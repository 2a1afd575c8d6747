// What the LaTeX export tests share: lessons of every kind, the math of a
// LaTeX source picked out of it, and KaTeX's verdict on each formula.
import type { LatexWords } from '../../src/core/export/latexText.ts';
import { EN } from '../../src/ui/strings/en.ts';
import katex from 'katex';
import { ACTIVATIONS, LOSS_KINDS, type Activation, type Convention, type DerivationContext, type LossKind, type Sizes, computeLesson, makeLesson } from '../../src/core/index.ts';
import { scaledInputs } from './reference.ts';

/** Two small lessons, one with a single sample; non-square, so a transposed shape shows. */
export const LATEX_SIZES: readonly Sizes[] = [
  { B: 2, N: 3, T: 2 },
  { B: 1, N: 2, T: 3 },
];

/** A lesson from its seed, its inputs scaled by `scale` (to reach numbers written with exponents). */
export function latexLesson(convention: Convention, loss: LossKind, activation: Activation, sizes: Sizes, lr?: number, scale = 1): DerivationContext {
  const inputs = scaledInputs(makeLesson({ convention, loss, activation, ...sizes }, 3), scale);
  return { convention, loss, activation, lr, sizes, inputs, outputs: computeLesson(convention, loss, inputs, activation, lr) };
}

/** Every lesson of a convention: each loss × activation × LATEX_SIZES, without and with an update, the first at each of `scales`; named for messages. Lessons that overflow are left out, as the app refuses them. */
export function lessonsOf(conv: Convention, scales: readonly number[]): { ctx: DerivationContext; name: string }[] {
  const out: { ctx: DerivationContext; name: string }[] = [];
  for (const loss of LOSS_KINDS)
    for (const act of ACTIVATIONS)
      for (const s of LATEX_SIZES)
        for (const lr of [undefined, 0.1])
          for (const f of lr === undefined ? scales : [1]) {
            try {
              out.push({ ctx: latexLesson(conv, loss, act, s, lr, f), name: `${loss} ${act} ${s.B}×${s.N}×${s.T} lr ${lr} ×${f}` });
            } catch {
              // a lesson that overflows is refused before anything is shown
            }
          }
  return out;
}

/** Every formula of a LaTeX source: displays \[ … \], align* blocks whole, and inline $ … $ in the text. */
export function mathOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\\\[\n?([\s\S]*?)\n?\\\]|(\\begin\{align\*\}[\s\S]*?\\end\{align\*\})|\$([^$]+)\$/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** KaTeX's error for a formula it will not typeset (throwOnError, display mode), or null. */
export function katexError(tex: string): string | null {
  try {
    katex.renderToString(tex, { throwOnError: true, displayMode: true });
    return null;
  } catch (e) {
    return `${(e as Error).message.slice(0, 100)} in ${tex.slice(0, 160)}`;
  }
}

/** A number as the document writes it, read back: '1.5 \times 10^{-7}' is 1.5e-7. */
export function readLatexNumber(s: string): number {
  const t = s.trim();
  const e = t.match(/^(-?[\d.]+) \\times 10\^\{(-?\d+)\}$/);
  if (e) return Number(`${e[1]}e${e[2]}`);
  if (t === '\\infty') return Infinity;
  if (t === '-\\infty') return -Infinity;
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Error(`not a number as the document writes one: ${t}`);
  return Number(t);
}

/** The rows of a bmatrix's body, each split at &. */
export function bmatrixRows(body: string): string[][] {
  return body
    .trim()
    .split(/\\\\/)
    .map((row) => row.split('&').map((x) => x.trim()));
}

/** The document's words as the app's English catalogue gives them. */
export const LATEX_WORDS: LatexWords = (key) => EN[`latex.doc.${key}`];
