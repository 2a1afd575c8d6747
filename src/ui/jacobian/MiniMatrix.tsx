// A small read-only matrix of numbers for the shortcut walkthrough, with
// heat colours, cell names for screen readers, and an optional pointer hook.
import { heatScale } from '../matrix/colour.ts';
import { useI18n } from '../storeContext.tsx';

export interface MiniMatrixProps {
  rows: number;
  cols: number;
  /** Row-major values. */
  values: ArrayLike<number>;
  /** The accessible name of cell (r, c), e.g. 'dL/dW[1,0]'. */
  name: (r: number, c: number) => string;
  caption: string;
  /** A small tag drawn in the corner of each cell, e.g. its flat index. */
  tag?: (r: number, c: number) => string;
  testId?: string;
  onPoint?: (cell: { r: number; c: number } | null) => void;
}

/** A compact matrix of values. */
export function MiniMatrix({ rows, cols, values, name, caption, tag, testId, onPoint }: MiniMatrixProps) {
  const { fmt } = useI18n();
  const colour = heatScale(values);
  return (
    <figure className="jac-mini-fig">
      <figcaption>{caption}</figcaption>
      <table className="jac-mini" data-testid={testId} onMouseLeave={() => onPoint?.(null)}>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              {Array.from({ length: cols }, (_, c) => {
                const v = values[r * cols + c];
                const { bg, fg } = colour(v);
                return (
                  <td
                    key={c}
                    data-r={r}
                    data-c={c}
                    data-value={String(v)}
                    className={v < 0 ? 'neg' : undefined}
                    style={{ background: bg, color: fg }}
                    onMouseEnter={() => onPoint?.({ r, c })}
                  >
                    <span className="sr-only">{name(r, c)} = </span>
                    {tag && (
                      <span className="jac-tag heat-text" aria-hidden="true">
                        {tag(r, c)}
                      </span>
                    )}
                    <span className="heat-text">{fmt.text(v, 3)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
