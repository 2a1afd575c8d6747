// The words of the exported LaTeX document, as keys: their wording lives in the app's string catalogue (the
// `latex.doc.*` keys), plain text with {name} places, and whoever exports the document passes it in. Here the text
// is escaped for LaTeX and each place is filled with the LaTeX its caller gives (a name in \texttt, a formula).
/** The parts of the LaTeX document that are words: its title, headings and the lines about the lesson. */
export const LATEX_TEXT_KEYS = ['title', 'source', 'lesson', 'layer', 'update', 'numbers', 'section.inputs', 'section.forward', 'section.loss', 'section.backward', 'section.update', 'upstream'] as const;

/** One of them. */
export type LatexTextKey = (typeof LATEX_TEXT_KEYS)[number];

/** The wording of each, as plain text with {name} places (the app gives its catalogue's). */
export type LatexWords = (key: LatexTextKey) => string;

/** Text set in LaTeX as it reads: its special characters escaped. */
export function escapeLatex(s: string): string {
  const special: Readonly<Record<string, string>> = {
    '\\': '\\textbackslash{}',
    '{': '\\{',
    '}': '\\}',
    $: '\\$',
    '&': '\\&',
    '#': '\\#',
    '%': '\\%',
    _: '\\_',
    '^': '\\textasciicircum{}',
    '~': '\\textasciitilde{}',
  };
  return s.replace(/[\\{}$&#%_^~]/g, (ch) => special[ch]);
}

/** A wording set in LaTeX: its text escaped, its places filled with the LaTeX given; a place without one is an error. */
export function latexText(words: LatexWords, key: LatexTextKey, params: Readonly<Record<string, string>> = {}): string {
  return words(key)
    .split(/(\{\w+\})/)
    .map((piece) => {
      const place = /^\{(\w+)\}$/.exec(piece);
      if (!place) return escapeLatex(piece);
      if (!Object.hasOwn(params, place[1])) throw new RangeError(`latexText '${key}': no value for {${place[1]}}`);
      return params[place[1]];
    })
    .join('');
}
