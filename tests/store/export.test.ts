// The Export dialog's state: export=numpy or pytorch opens it, the link follows it, and a tour's stop leaves it out.
import { describe, expect, it } from 'vitest';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';
import { stopState } from '../../src/store/tourSlice.ts';

describe('export=', () => {
  it('opens the dialog on the flavour the link names, and the link says so while it is open', () => {
    const store = createAppStore('?export=pytorch&conv=torch');
    expect(store.getState().exportShown).toBe('pytorch');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toContain('export=pytorch');
    store.getState().openExport('numpy');
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).toContain('export=numpy');
    store.getState().closeExport();
    expect(store.getState().exportShown).toBeNull();
    expect(encodeUrl(urlStateOf(store.getState(), store.select))).not.toContain('export=');
  });

  it('names a flavour it does not know, and opens nothing', () => {
    const { state, notices } = decodeUrl('?export=matlab');
    expect(state.exportShown).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notices[0].param).toBe('export');
    expect(JSON.stringify(notices[0].message)).toContain('matlab');
    expect(JSON.stringify(notices[0].message)).toContain('numpy, pytorch');
    expect(createAppStore('?export=matlab').getState().exportShown).toBeNull();
  });

  it('is a way of viewing, not part of a lesson: a tour stop made from the view leaves it out', () => {
    expect(stopState({ B: '3', export: 'numpy', present: '1' })).toEqual({ B: '3' });
  });
});
