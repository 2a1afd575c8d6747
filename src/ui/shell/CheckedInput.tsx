// A numeric field's input and its message, for a field whose text is kept as typed and checked (useCheckedText).
import type { KeyboardEvent } from 'react';
import type { useCheckedText } from './useCheckedText.ts';

type Checked = ReturnType<typeof useCheckedText>;

/** The input: it shows what was typed, says whether it is invalid, and applies it on Enter or on leaving it. */
export function CheckedInput({ id, name, inputMode, size, field, onKeyDown }: { id: string; name?: string; inputMode: 'numeric' | 'decimal'; size: number; field: Checked; onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void }) {
  return (
    <input
      id={id}
      name={name}
      type="text"
      inputMode={inputMode}
      size={size}
      value={field.text}
      aria-invalid={field.error !== null}
      aria-describedby={field.error ? `${id}-err` : undefined}
      onChange={(e) => field.onText(e.target.value)}
      onBlur={() => field.commit()}
      onKeyDown={onKeyDown ?? field.onKeyDown}
    />
  );
}

/** What is wrong with the field's text, announced; nothing when it is fine. */
export function FieldError({ id, field }: { id: string; field: Checked }) {
  return field.error ? (
    <span id={`${id}-err`} className="field-error" role="alert">
      {field.error}
    </span>
  ) : null;
}
