// Reads the numbers lines of derivations back from what the panel typesets, as
// a learner with a calculator would: a small evaluator for the LaTeX the
// derivations write (numbers in a locale's decimal mark and exponent form,
// + − ·, brackets, powers, fractions, log, σ, tanh, relu and [a > 0]), and the
// precision a written number shows. Independent of src/core: it sees strings.

/** A number as written: its value, its significant figures, and the unit of its last written digit. */
export interface WrittenNumber {
  value: number;
  figures: number;
  unit: number;
}

type Tok = { k: 'num'; n: WrittenNumber } | { k: 'op'; v: string };

const OPS: [string, string][] = [
  ['\\left(', '('],
  ['\\right)', ')'],
  ['\\Big(', '('],
  ['\\Big)', ')'],
  ['\\cdot', '*'],
  ['\\log', 'log'],
  ['\\sigma', 'sigma'],
  ['\\tanh', 'tanh'],
  ['\\operatorname{relu}', 'relu'],
  ['\\frac', 'frac'],
];

/** A written number (ASCII digits with '.' as the decimal mark, no sign) times 10^exponent, with its precision. */
export function readNumber(digits: string, exponent = 0): WrittenNumber {
  const [int, frac = ''] = digits.split('.');
  const all = (int + frac).replace(/^0+/, '');
  // Trailing zeros of a whole number may or may not be figures: take the coarser reading.
  const figures = frac ? all.length : all.replace(/0+$/, '').length;
  const unit = frac ? 10 ** -frac.length : 10 ** (int.length - int.replace(/0+$/, '').length || 0);
  return { value: Number(`${digits}e${exponent}`), figures: Math.max(figures, 1), unit: unit * 10 ** exponent };
}

function tokens(tex: string, mark: string): Tok[] {
  // A number at a given place: digits, a decimal part, and an exponent written as × 10^{e}.
  const NUMBER = /(\d+(?:\.\d+)?)(?:\s*\\times\s*10\^\{(-?\d+)\})?/y;
  // LaTeX writes a decimal comma as {,} so that it takes no space after it.
  const src = (mark === '.' ? tex : tex.split(`{${mark}}`).join('.')).replace(/−/g, '-');
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      out.push({ k: 'num', n: readNumber(num[1], num[2] ? Number(num[2]) : 0) });
      i += num[0].length;
      continue;
    }
    const op = OPS.find(([t]) => src.startsWith(t, i));
    if (op) {
      out.push({ k: 'op', v: op[1] });
      i += op[0].length;
      continue;
    }
    if ('+-*()[]>^{}='.includes(ch)) {
      out.push({ k: 'op', v: ch });
      i++;
      continue;
    }
    throw new Error(`texArithmetic: cannot read '${src.slice(i, i + 20)}' in ${tex}`);
  }
  return out;
}

/** Evaluates a numbers line as written (a leading '=' is skipped); also returns every number written in it. */
export function evaluateTex(tex: string, mark = '.'): { value: number; numbers: WrittenNumber[] } {
  const ts = tokens(tex, mark);
  const numbers = ts.flatMap((t) => (t.k === 'num' ? [t.n] : []));
  let i = ts[0]?.k === 'op' && ts[0].v === '=' ? 1 : 0;
  const peek = (): Tok | undefined => ts[i];
  const isOp = (v: string) => {
    const t = peek();
    return t?.k === 'op' && t.v === v;
  };
  const eat = (v: string) => {
    if (!isOp(v)) throw new Error(`texArithmetic: expected '${v}' at token ${i} of ${tex}`);
    i++;
  };
  const startsPrimary = () => {
    const t = peek();
    return t !== undefined && (t.k === 'num' || ['(', '[', 'frac', 'log', 'sigma', 'tanh', 'relu'].includes(t.v));
  };
  const expr = (): number => {
    let v = term();
    while (isOp('+') || isOp('-')) {
      const plus = isOp('+');
      i++;
      v = plus ? v + term() : v - term();
    }
    return v;
  };
  const term = (): number => {
    let v = unary();
    for (;;) {
      if (isOp('*')) {
        i++;
        v *= unary();
      } else if (startsPrimary()) v *= unary(); // written side by side: y(1 − y), or a scale before a bracket
      else return v;
    }
  };
  const unary = (): number => {
    if (isOp('-')) {
      i++;
      return -unary();
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    if (!isOp('^')) return base;
    i++;
    if (isOp('{')) {
      i++;
      const e = expr();
      eat('}');
      return base ** e;
    }
    const t = ts[i++];
    if (t?.k !== 'num') throw new Error(`texArithmetic: bad exponent in ${tex}`);
    return base ** t.n.value;
  };
  const group = (): number => {
    eat('{');
    const v = expr();
    eat('}');
    return v;
  };
  const primary = (): number => {
    const t = ts[i++];
    if (!t) throw new Error(`texArithmetic: unexpected end of ${tex}`);
    if (t.k === 'num') return t.n.value;
    switch (t.v) {
      case '(': {
        const v = expr();
        eat(')');
        return v;
      }
      case '[': {
        const a = expr();
        eat('>');
        const b = expr();
        eat(']');
        return a > b ? 1 : 0;
      }
      case 'frac': {
        const a = group();
        return a / group();
      }
      case 'log':
        return Math.log(unary());
      case 'sigma': {
        const z = primary();
        return 1 / (1 + Math.exp(-z));
      }
      case 'tanh':
        return Math.tanh(primary());
      case 'relu':
        return Math.max(0, primary());
      default:
        throw new Error(`texArithmetic: unexpected '${t.v}' in ${tex}`);
    }
  };
  const value = expr();
  if (i !== ts.length) throw new Error(`texArithmetic: left over from token ${i} in ${tex}`);
  return { value, numbers };
}

/** A number written as plain text ('−2.55', '1.2e-7', '0,5'), with its precision. */
export function readText(text: string, mark = '.'): WrittenNumber {
  const m = /^(-)?(\d+(?:[.,]\d+)?)(?:e([+-]?\d+))?$/.exec(text.trim().replace(/−/g, '-'));
  if (!m) throw new Error(`texArithmetic: '${text}' is not a number`);
  const n = readNumber(m[2].replace(mark, '.'), m[3] ? Number(m[3]) : 0);
  return m[1] ? { ...n, value: -n.value } : n;
}
