// A tour's caption or question: its words, with the maths between $…$ typeset by KaTeX.
import { Fragment, useMemo } from 'react';
import { captionPieces } from '../../tour/caption.ts';
import { Tex } from '../derivation/Tex.tsx';

/** A caption as words and inline formulas. */
export function Caption({ text }: { text: string }) {
  const pieces = useMemo(() => captionPieces(text), [text]);
  return (
    <>
      {pieces.map((p, k) => (
        <Fragment key={k}>{p.kind === 'text' ? p.text : <Tex tex={p.tex} />}</Fragment>
      ))}
    </>
  );
}
