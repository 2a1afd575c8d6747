// One gradient of a find-the-bug exercise as a table: its values as shown and,
// once the exercise is answered, the finite-difference check of each cell.
import type { CheckedGradient } from '../../core/index.ts';
import { useI18n } from '../storeContext.tsx';

/** The gradient's cells; with `checked`, each beside what nudging gives and whether they agree. */
export function GradientCheck({ g, checked }: { g: CheckedGradient; checked: boolean }) {
  const { t, fmt, label, cellName } = useI18n();
  const cells = Array.from(g.shown, (v, k) => ({ v, k, cell: { m: g.node, r: Math.floor(k / g.cols), c: k % g.cols } }));
  return (
    <table className="quiz-check" data-check={g.node}>
      {checked && <caption>{t('quiz.fd.caption', { name: label(g.node) })}</caption>}
      <tbody>
        {cells.map(({ v, k, cell }) => (
          <tr key={k} className={checked && !g.ok[k] ? 'differs' : undefined} data-ok={checked ? String(g.ok[k]) : undefined}>
            <th scope="row">{cellName(cell)}</th>
            <td>{fmt.text(v, 4)}</td>
            {checked && (
              <>
                <td>
                  <span className="sr-only">{t('quiz.fd.numeric')} </span>
                  {fmt.text(g.numeric[k], 4)}
                </td>
                <td>{t(g.ok[k] ? 'quiz.fd.agrees' : 'quiz.fd.differs')}</td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
