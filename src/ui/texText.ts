// A formula's LaTeX written as plain text, for the moment before KaTeX arrives:
// ∂L/∂x₁,ᵢ = Σⱼ ∂L/∂y₁,ⱼ Wᵢⱼ for \frac{\partial L}{\partial x_{1,i}} = \sum_j ….
// It covers the LaTeX the app writes; an unknown command is shown by its name.
// It breaks across lines where KaTeX does, after a relation or operator at the
// top level, and nowhere else, so the two take the same lines.

/** A narrow space that never breaks (\, and the gaps after fractions, functions and sums). */
const THIN = '\u202f';
/** Marks a place the line may break: after a relation or binary operator at the top level. */
const BREAK = '\uE000';
/** Symbols, and the binary operators and relations (spaced on both sides, as KaTeX spaces them). */
const SYMBOLS: Record<string, string> = {
  partial: '∂',
  sum: 'Σ',
  delta: 'δ',
  sigma: 'σ',
  lambda: 'λ',
  eta: 'η',
  mu: 'μ',
  alpha: 'α',
  beta: 'β',
  top: 'ᵀ',
  infty: '∞',
  dots: '…',
  cdots: '⋯',
  ldots: '…',
  quad: '\u2003\u2060',
  qquad: '\u2003\u2003\u2060',
  // Where a long formula may wrap (between the two equations of softmax cross-entropy's rule).
  allowbreak: '\u200b',
  ',': THIN,
  ';': ' ',
  ':': ' ',
  ' ': ' ',
  '!': '',
  '{': '{',
  '}': '}',
  '%': '%',
  cdot: ' · ',
  times: ' × ',
  odot: ' ⊙ ',
  to: ' → ',
  le: ' ≤ ',
  ge: ' ≥ ',
  ne: ' ≠ ',
  approx: ' ≈ ',
  in: ' ∈ ',
};
const BINARY: Record<string, string> = { '=': ' = ', '+': ' + ', '>': ' > ', '<': ' < ' };
/** Named functions, written upright as their names. */
const FUNCTIONS = new Set(['tanh', 'log', 'exp', 'max', 'min', 'sin', 'cos']);
/** Commands that only size or space what follows, and are dropped. */
const DROPPED = new Set(['left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'textstyle', 'displaystyle', 'scriptstyle', 'limits', 'nolimits']);
/** Commands whose one argument is shown as it is. */
const PLAIN_ARG = new Set(['mathrel', 'mathbf', 'mathrm', 'mathit', 'operatorname', 'text', 'textrm', 'boldsymbol', 'mathop', 'mathbin']);
const table = (from: string, to: string): Record<string, string> => Object.fromEntries([...from].map((c, k) => [c, [...to][k]]));
const SUB = table('0123456789+-=()aehijklmnoprstuvx', '₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ');
const SUP = table('0123456789+-=()inTBNabcdefghjklmoprstuvwxyz', '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿᵀᴮᴺᵃᵇᶜᵈᵉᶠᵍʰʲᵏˡᵐᵒᵖʳˢᵗᵘᵛʷˣʸᶻ');
// Commas, colons and the ᵀ of a transpose read well at the baseline or as they are.
const KEEP = new Set([',', ':', 'ᵀ', '′', THIN]);
/** A sum with its limits, and what follows it: a thin space goes between them, as between an operator and its operand. */
const SUM_SCRIPTS = new RegExp(`(Σ[${[...new Set([...Object.values(SUB), ...Object.values(SUP), ',', ':'])].join('')}]*)(?=[^\\s\\uE000)])`, 'gu');
/** The binary operators and relations among the symbols: the line may break after one at the top level. */
const SPACED = new Set(Object.values(SYMBOLS).filter((v) => v.startsWith(' ')).concat(Object.values(BINARY), [' − ']));
/** What a binary minus follows: something that ends an operand. */
const ENDS_OPERAND = /[\p{L}\p{N}\p{Mn})\]′ᵀ∞]$/u;

/** Writes a sub- or superscript with Unicode's small letters, or as _x / ^(xy) when it has no such letter. */
function script(text: string, to: Record<string, string>, mark: string): string {
  const t = text.replace(/\s+/g, '').replace(/−/g, '-');
  if (t && [...t].every((ch) => to[ch] !== undefined || KEEP.has(ch))) return [...t].map((ch) => to[ch] ?? ch).join('');
  const shown = t.replace(/-/g, '−');
  return mark + ([...shown].length > 1 ? `(${shown})` : shown);
}

/** Brackets a fraction's numerator or denominator when it is more than one symbol. */
const operand = (s: string) => {
  const t = s.trim();
  return /^(∂?\p{L}[\p{L}\p{N},:₀-ₜᵢ-ᵥ]*|\p{N}+(\.\p{N}+)?)$/u.test(t) && !/^\p{L}{2,}$/u.test(t) ? t : `(${t})`;
};

/** The plain-text form of a LaTeX formula. */
export function texText(tex: string): string {
  let i = 0;
  // How deep in braces, and in \left…\right pairs: KaTeX breaks a line only outside both.
  let depth = 0;
  let pairs = 0;
  const spaced = (op: string): string => (depth === 0 && pairs === 0 ? `${op.trimEnd()}${BREAK}` : op);
  const name = (): string => {
    // After a backslash: a run of letters (and the spaces that end it), or one other character.
    const m = /^[A-Za-z]+ */.exec(tex.slice(i));
    const n = m ? m[0] : (tex[i] ?? '');
    i += n.length;
    return n.trim() || n;
  };
  /** One argument: a braced group, or a single unit. */
  const arg = (): string => {
    while (tex[i] === ' ') i++;
    if (tex[i] !== '{') {
      depth++;
      const a = atom('') ?? '';
      depth--;
      return a;
    }
    i++;
    depth++;
    const s = seq(true);
    depth--;
    i++;
    return s;
  };
  /** One unit of the formula after what is written so far, or null at the end of a group. */
  const atom = (before: string): string | null => {
    const ch = tex[i];
    if (ch === undefined || ch === '}') return null;
    if (ch === '{') return arg();
    i++;
    if (ch === '\\') {
      const n = name();
      if (n === 'frac' || n === 'tfrac' || n === 'dfrac') {
        const num = operand(arg());
        return `${num}/${operand(arg())}${THIN}`;
      }
      if (n === 'hat') return `${arg()}\u0302`;
      // \htmlData{part=…}{…} marks a part of a linked notation: its body is what is read.
      if (n === 'underset' || n === 'overset' || n === 'htmlData') {
        arg();
        return arg();
      }
      // \mathrel{+}= reads +=, the relation after it spaced and breaking like every other.
      if (n === 'mathrel') return ` ${arg().trim()}`;
      if (PLAIN_ARG.has(n)) return arg();
      if (n === 'left') pairs++;
      if (n === 'right') pairs--;
      if (DROPPED.has(n)) return '';
      if (FUNCTIONS.has(n)) return `${n}${THIN}`;
      const sym = SYMBOLS[n];
      return sym === undefined ? n : SPACED.has(sym) ? spaced(sym) : sym;
    }
    if (ch === '_') return script(arg(), SUB, '_');
    if (ch === '^') return script(arg(), SUP, '^');
    if (ch === '-') return ENDS_OPERAND.test(before.replace(/[\s\uE000]+$/, '')) ? spaced(' − ') : '−';
    if (ch === ' ') return '';
    if (ch === '~') return ' ';
    return BINARY[ch] ? spaced(BINARY[ch]) : ch;
  };
  const seq = (inGroup: boolean): string => {
    let out = '';
    while (i < tex.length && !(inGroup && tex[i] === '}')) {
      // A script sits right against what it is attached to.
      if (tex[i] === '_' || tex[i] === '^') out = out.replace(/\u202f$/, '');
      const a = atom(out);
      if (a === null) {
        // A stray closing brace outside every group: skip it.
        i++;
        continue;
      }
      out += a;
    }
    return out;
  };
  return (
    seq(false)
      .replace(SUM_SCRIPTS, `$1${THIN}`)
      .replace(/\u202f{2,}/g, THIN)
      .replace(/[ \u202f]*( +)[ \u202f]*/g, ' ')
      .replace(/ \+ =/g, ' +=')
      .replace(/([([])[ \u202f]+/g, '$1')
      .replace(/[ \u202f]+([)\],])/g, '$1')
      .trim()
      // Every space is a no-break space but those after a top-level relation or operator.
      .replace(/ /g, '\u00a0')
      .replace(/\uE000[\u00a0\u202f]*/g, ' ')
      .trim()
      .normalize('NFC')
  );
}
