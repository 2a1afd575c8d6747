// A message shown as rich text: its words, with its formula parameters typeset.
import { Fragment } from 'react';
import type { Msg } from '../../core/index.ts';
import { Tex } from '../derivation/Tex.tsx';
import { useI18n } from '../storeContext.tsx';
import type { MessageKey } from './en.ts';

/** A message whose formulas are typeset in the flow of its text, and its identifiers set as code. */
export function Rich({ m }: { m: Msg<MessageKey> }) {
  const { rich } = useI18n();
  return (
    <>
      {rich(m).map((seg, k) => (
        <Fragment key={k}>{seg.kind === 'text' ? seg.text : seg.kind === 'code' ? <code>{seg.code}</code> : <Tex tex={seg.tex} />}</Fragment>
      ))}
    </>
  );
}
