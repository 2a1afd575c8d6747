// A notation as a list of tokens, each carrying the parts it belongs to (the
// factor x, the summed index s, the result), so that a view can link the same
// part across the index notation, the matrix form and the code without
// cutting any string apart. Tokens are made by filling the app's own writers
// (entryTex, an activation's apply, the exporter's statements) with one
// marker character per slot, then reading the markers back: the formulas stay
// those of one construction.

/** A part of a rule: 'r' the result, 'f-x' the factor x, 'i-s' the index s, 'slope' an activation's slope. */
export type PartId = string;

/** One piece of a notation's text (LaTeX or Python) and the parts it belongs to, outermost first. */
export interface Token {
  text: string;
  parts: readonly PartId[];
}

/** The first of the characters that stand for slots (Unicode's private use area: never in a formula). */
const MARK = 0xe000;
const isMark = (code: number, n: number) => code >= MARK && code < MARK + n;

/** A token of some parts. */
export const tok = (text: string, ...parts: PartId[]): Token => ({ text, parts });

/** The tokens with a part put round them (an outer part: a factor round its indices). */
export const group = (part: PartId, tokens: readonly Token[]): Token[] => tokens.map((t) => ({ text: t.text, parts: [part, ...t.parts] }));

/**
 * A writer's output as tokens: `write` is called with one marker per slot, the text around the markers becomes
 * tokens of no part, and each marker the slot's tokens. Neighbouring texts of the same parts are merged.
 */
export function fill(write: (...slots: string[]) => string, slots: readonly (readonly Token[])[]): Token[] {
  const marks = slots.map((_, k) => String.fromCharCode(MARK + k));
  const s = write(...marks);
  const out: Token[] = [];
  let text = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (!isMark(code, slots.length)) {
      text += ch;
      continue;
    }
    if (text) out.push(tok(text));
    text = '';
    out.push(...slots[code - MARK]);
  }
  if (text) out.push(tok(text));
  return merge(out);
}

const sameParts = (a: readonly PartId[], b: readonly PartId[]) => a.length === b.length && a.every((p, k) => p === b[k]);

/** Neighbouring tokens of the same parts as one. */
export function merge(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.text === '') continue;
    if (last && sameParts(last.parts, t.parts)) out[out.length - 1] = { text: last.text + t.text, parts: last.parts };
    else out.push(t);
  }
  return out;
}

/** Tokens one after the other. */
export const seq = (...lists: (readonly Token[] | Token | string)[]): Token[] =>
  merge(lists.flatMap((l) => (typeof l === 'string' ? [tok(l)] : Array.isArray(l) ? (l as Token[]) : [l as Token])));

/** The text the tokens spell, parts forgotten. */
export const plainText = (tokens: readonly Token[]): string => tokens.map((t) => t.text).join('');

/** The parts in the order the tokens first name them, outer before inner. */
export const partsOf = (tokens: readonly Token[]): PartId[] => [...new Set(tokens.flatMap((t) => t.parts))];

/**
 * LaTeX of the tokens with each part wrapped in \htmlData{part=…}{…}, nested as the parts are: KaTeX writes it as a
 * data-part attribute on the part's span. A part's run of tokens is balanced LaTeX by construction (a whole entry, a
 * whole index letter), so the wrapping never splits a group.
 */
export function linkedTex(tokens: readonly Token[], depth = 0): string {
  let out = '';
  for (let k = 0; k < tokens.length; ) {
    const part = tokens[k].parts[depth];
    if (part === undefined) {
      out += tokens[k].text;
      k++;
      continue;
    }
    let end = k;
    while (end < tokens.length && tokens[end].parts[depth] === part) end++;
    out += `\\htmlData{part=${part}}{${linkedTex(tokens.slice(k, end), depth + 1)}}`;
    k = end;
  }
  return out;
}
