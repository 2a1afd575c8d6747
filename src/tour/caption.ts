// A caption's pieces: words, and inline maths between $…$ for KaTeX. A
// dollar sign written \$ is a dollar sign; an unclosed $ is kept as text.
// Pure: the view only renders the pieces.

/** A piece of a caption. */
export type CaptionPiece = { kind: 'text'; text: string } | { kind: 'tex'; tex: string };

/** Cuts a caption into words and formulas. */
export function captionPieces(caption: string): CaptionPiece[] {
  const out: CaptionPiece[] = [];
  let textBuf = '';
  let i = 0;
  while (i < caption.length) {
    const ch = caption[i];
    if (ch === '\\' && caption[i + 1] === '$') {
      textBuf += '$';
      i += 2;
      continue;
    }
    if (ch === '$') {
      let j = i + 1;
      while (j < caption.length && !(caption[j] === '$' && caption[j - 1] !== '\\')) j++;
      if (j < caption.length && j > i + 1) {
        if (textBuf) out.push({ kind: 'text', text: textBuf });
        textBuf = '';
        out.push({ kind: 'tex', tex: caption.slice(i + 1, j) });
        i = j + 1;
        continue;
      }
    }
    textBuf += ch;
    i++;
  }
  if (textBuf) out.push({ kind: 'text', text: textBuf });
  return out;
}
