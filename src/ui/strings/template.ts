// The message syntax of the string catalogue: text with {name} placeholders,
// and {name, plural, one {…} other {…}} where # stands for the number.

/** A parsed message: text, a placeholder, or a plural choice between branches. */
export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'param'; name: string }
  | { kind: 'plural'; name: string; branches: Record<string, Part[]> }
  | { kind: 'hash' };

/** Parses a message; unbalanced braces are kept as text, never thrown on. */
export function parseTemplate(src: string): Part[] {
  let i = 0;
  const parse = (inPlural: boolean): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', text });
      text = '';
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === '}' && inPlural) break;
      if (ch === '#' && inPlural) {
        flush();
        out.push({ kind: 'hash' });
        i++;
        continue;
      }
      if (ch !== '{') {
        text += ch;
        i++;
        continue;
      }
      const close = src.indexOf('}', i);
      const head = src.slice(i + 1, close < 0 ? src.length : close);
      const m = /^\s*([A-Za-z][\w]*)\s*,\s*plural\s*,/.exec(head);
      if (m) {
        flush();
        i += 1 + m[0].length;
        const branches: Record<string, Part[]> = {};
        for (;;) {
          const b = /^\s*(=?\w+)\s*\{/.exec(src.slice(i));
          if (!b) break;
          i += b[0].length;
          branches[b[1]] = parse(true);
          i++; // the branch's '}'
        }
        const end = src.indexOf('}', i);
        i = end < 0 ? src.length : end + 1;
        out.push({ kind: 'plural', name: m[1], branches });
        continue;
      }
      const name = /^([A-Za-z][\w]*)$/.exec(head.trim());
      if (close >= 0 && name) {
        flush();
        out.push({ kind: 'param', name: name[1] });
        i = close + 1;
        continue;
      }
      text += ch;
      i++;
    }
    flush();
    return out;
  };
  return parse(false);
}

/** Applies f to every piece of literal text in a message, keeping its placeholders and plural syntax. */
export function mapText(src: string, f: (text: string) => string): string {
  const write = (parts: Part[]): string =>
    parts
      .map((p) => {
        switch (p.kind) {
          case 'text':
            return f(p.text);
          case 'param':
            return `{${p.name}}`;
          case 'hash':
            return '#';
          case 'plural':
            return `{${p.name}, plural, ${Object.entries(p.branches)
              .map(([k, b]) => `${k} {${write(b)}}`)
              .join(' ')}}`;
        }
      })
      .join('');
  return write(parseTemplate(src));
}
