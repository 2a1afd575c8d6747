// The export slice: which flavour of the lesson's program the Export dialog shows (export=numpy or pytorch), if any.
import type { StateCreator } from 'zustand';
import type { ExportFlavour } from '../core/index.ts';
import type { AppState, ExportSlice } from './state.ts';

/** Creates the export slice, open on the flavour the link names. */
export function createExportSlice(start: ExportFlavour | null): StateCreator<AppState, [], [], ExportSlice> {
  return (set) => ({
    exportShown: start,
    openExport: (flavour) => set({ exportShown: flavour }),
    closeExport: () => set({ exportShown: null }),
  });
}
