// A pasted table kept across a reload: the text as typed, and whether it was the one submitted, as one versioned
// record in a storage given to the store (this app's own key in the tab's sessionStorage, or nothing in tests).
import type { DraftStorage } from './tourState.ts';

/** The most characters a table may have to be kept across a reload; a larger one lives only while the page is open. */
export const TABLE_DRAFT_MAX = 1_000_000;

/** A table as kept: its text, and whether that text was submitted ("Use this table"). */
export interface TableDraft {
  text: string;
  used: boolean;
}

/** How keeping the table went: nothing to keep, kept, too large to keep, or refused by the storage (full, or turned off). */
export type TableKept = 'empty' | 'kept' | 'tooLarge' | 'refused';

/** Reads a kept record, field by field; null for nothing, or for anything that is not one. */
export function readTableDraft(raw: string | null): TableDraft | null {
  if (raw === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if (r.format !== 'backprop-dense-table' || r.version !== 1 || typeof r.text !== 'string' || typeof r.used !== 'boolean') return null;
  return { text: r.text, used: r.used };
}

/** The record a table is kept as. */
export const writeTableDraft = (d: TableDraft): string => JSON.stringify({ format: 'backprop-dense-table', version: 1, text: d.text, used: d.used });

/** Loads the kept table, if any (a storage that throws keeps none). */
export function loadTableDraft(storage: DraftStorage): TableDraft | null {
  try {
    return readTableDraft(storage.load());
  } catch {
    return null;
  }
}

/** Keeps the table (or, when too large, keeps none, so a reload never brings back an older one); says how it went. */
export function keepTableDraft(storage: DraftStorage, d: TableDraft): TableKept {
  const tooLarge = d.text.length > TABLE_DRAFT_MAX;
  try {
    storage.save(tooLarge || d.text === '' ? '' : writeTableDraft(d));
  } catch {
    return 'refused';
  }
  return tooLarge ? 'tooLarge' : d.text === '' ? 'empty' : 'kept';
}
