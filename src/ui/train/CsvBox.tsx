// Your own data: a table typed or pasted, kept whatever is wrong with it (across a reload too, or the box says why
// not), and its problems named by row and column.
import { useId } from 'react';
import { TABLE_DRAFT_MAX } from '../../store/tableDraft.ts';
import { Rich } from '../strings/Rich.tsx';
import { useApp, useAppStore, useI18n, useSelectors } from '../storeContext.tsx';

/** The table box, its button and what was read from it. */
export function CsvBox() {
  const store = useAppStore();
  const select = useSelectors();
  const { t } = useI18n();
  const text = useApp((s) => s.csvText);
  const table = useApp(select.train.csvTable);
  const used = useApp((s) => s.csvUsed);
  const kept = useApp((s) => s.csvKept);
  const id = useId();
  const problems = table?.problems ?? [];
  return (
    <div className="csv-box">
      <label htmlFor={id}>{t('train.csv.label')}</label>
      <textarea
        id={id}
        rows={6}
        spellCheck={false}
        value={text}
        placeholder={'x1,x2,class\n5.1,3.5,0\n6.2,2.9,1'}
        aria-invalid={problems.length > 0}
        aria-describedby={kept === 'tooLarge' || kept === 'refused' ? `${id}-state ${id}-kept` : `${id}-state`}
        onChange={(e) => store.getState().setCsvText(e.target.value)}
      />
      {(kept === 'tooLarge' || kept === 'refused') && (
        // Said once, politely, when keeping fails; the table itself stays in the box.
        <p id={`${id}-kept`} className="muted-text csv-kept" role="status">
          {kept === 'tooLarge' ? t('train.csv.notKept.tooLarge', { size: text.length, max: TABLE_DRAFT_MAX }) : t('train.csv.notKept.refused')}
        </p>
      )}
      <button type="button" onClick={() => store.getState().useCsv()}>
        {t('train.csv.use')}
      </button>
      <div id={`${id}-state`} className="csv-state">
        {used === null ? (
          <p className="muted-text">{t('train.csv.waiting')}</p>
        ) : problems.length > 0 ? (
          <div role="alert" className="field-error">
            <ul>
              {problems.map((p, k) => (
                <li key={k} data-problem={p.key}>
                  <Rich m={p} />
                </li>
              ))}
            </ul>
            <p>{t('train.csv.fix')}</p>
          </div>
        ) : (
          table && (
            <p role="status">
              {t('train.csv.ready', {
                rows: table.rows.length,
                features: table.rows[0]?.length ?? 0,
                kind: table.loss === 'softmax-ce' ? t('train.csv.kind.classes', { count: new Set(table.targets).size }) : t('train.csv.kind.values'),
              })}
            </p>
          )
        )}
      </div>
    </div>
  );
}
