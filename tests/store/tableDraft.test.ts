// A pasted table kept across a reload: every change kept in the app's own storage, restored (and, when it was
// submitted, trained on) by the next store; too large or refused, the table stays in the store and the reason is said.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { TABLE_DRAFT_MAX, readTableDraft, writeTableDraft } from '../../src/store/tableDraft.ts';
import type { DraftStorage } from '../../src/store/tourState.ts';

/** A storage in memory: what a reload would find. */
function memory(): DraftStorage & { value: string | null } {
  const m = {
    value: null as string | null,
    load: () => m.value,
    save: (text: string) => void (m.value = text === '' ? null : text),
  };
  return m;
}

const TABLE = '1,2,0\n3,4,1\n5,6,0\n7,8,1';

describe('the pasted table across a reload', () => {
  it('keeps every change, and the next store restores the text as typed, problems and all', () => {
    const tables = memory();
    const a = createAppStore('?train=csv', { tables: tables });
    expect(a.getState().csvKept).toBe('empty');
    a.getState().setCsvText('1,2,0\n3,x');
    expect(a.getState().csvKept).toBe('kept');
    expect(readTableDraft(tables.value)).toEqual({ text: '1,2,0\n3,x', used: false });
    const b = createAppStore('?train=csv', { tables: tables });
    expect(b.getState().csvText).toBe('1,2,0\n3,x');
    expect(b.getState().csvUsed).toBeNull();
    expect(b.getState().csvKept).toBe('kept');
  });

  it('restores a submitted table as submitted, so the run it trained is there again', () => {
    const tables = memory();
    const a = createAppStore('?train=csv', { tables: tables });
    a.getState().setCsvText(TABLE);
    a.getState().useCsv();
    expect(readTableDraft(tables.value)).toEqual({ text: TABLE, used: true });
    const b = createAppStore('?train=csv', { tables: tables });
    expect(b.getState().csvUsed).toBe(TABLE);
    expect(b.select.train.dataset(b.getState())?.n).toBe(4);
    // Typing after submitting keeps the new text as not yet submitted.
    b.getState().setCsvText(`${TABLE}\n9,9,0`);
    expect(readTableDraft(tables.value)?.used).toBe(false);
    expect(createAppStore('?train=csv', { tables: tables }).getState().csvUsed).toBeNull();
  });

  it('keeps a table too large to store only in the store, says so, and leaves no older one to come back', () => {
    const tables = memory();
    const s = createAppStore('?train=csv', { tables: tables });
    s.getState().setCsvText(TABLE);
    const big = `${TABLE}\n${'1,2,0\n'.repeat(Math.ceil(TABLE_DRAFT_MAX / 6))}`;
    s.getState().setCsvText(big);
    expect(s.getState().csvKept).toBe('tooLarge');
    expect(s.getState().csvText).toBe(big);
    expect(tables.value).toBeNull();
    expect(createAppStore('?train=csv', { tables: tables }).getState().csvText).toBe('');
  });

  it('keeps the table in the store when the storage refuses (full, or turned off), saying why', () => {
    const refusing: DraftStorage = {
      load: () => {
        throw new Error('SecurityError');
      },
      save: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const s = createAppStore('?train=csv', { tables: refusing });
    expect(s.getState().csvText).toBe('');
    s.getState().setCsvText(TABLE);
    expect(s.getState().csvKept).toBe('refused');
    expect(s.getState().csvText).toBe(TABLE);
    s.getState().useCsv();
    expect(s.select.train.dataset(s.getState())?.n).toBe(4);
  });

  it('ignores a kept record that is not one, and two apps keep two tables', () => {
    for (const raw of ['', 'x', 'null', '[]', '{"text":"1,2"}', JSON.stringify({ format: 'backprop-dense-table', version: 2, text: '1', used: false }), JSON.stringify({ format: 'backprop-dense-table', version: 1, text: 3, used: false })]) {
      expect(readTableDraft(raw)).toBeNull();
      const tables = memory();
      tables.value = raw;
      expect(createAppStore('?train=csv', { tables: tables }).getState().csvText).toBe('');
    }
    expect(readTableDraft(writeTableDraft({ text: 'a', used: true }))).toEqual({ text: 'a', used: true });
    const one = memory(), two = memory();
    createAppStore('?train=csv', { tables: one }).getState().setCsvText('1,2,0');
    createAppStore('?train=csv', { tables: two }).getState().setCsvText('9,9,1');
    expect(createAppStore('', { tables: one }).getState().csvText).toBe('1,2,0');
    expect(createAppStore('', { tables: two }).getState().csvText).toBe('9,9,1');
  });
});
