// The tour slice, without React: authoring and undo, the draft kept in a (fake) storage, a tour read from the
// link (its stop, its notices), the link written back, and lessons replaced keeping the tour.
import { describe, expect, it } from 'vitest';
import { applyLessonState, lessonStateOf, replaceLessonState } from '../../src/embed/lessonState.ts';
import { createAppStore, urlStateOf } from '../../src/store/store.ts';
import type { DraftStorage } from '../../src/store/tourState.ts';
import { encodeUrl } from '../../src/store/url.ts';
import { encodeTour } from '../../src/tour/codec.ts';
import { type Tour, tourText } from '../../src/tour/format.ts';

/** A storage in memory, counting its writes. */
function fakeStorage(initial: string | null = null): DraftStorage & { text: string | null; writes: number } {
  const s = {
    text: initial,
    writes: 0,
    load: () => s.text,
    save: (t: string) => {
      s.text = t;
      s.writes++;
    },
  };
  return s;
}

const TOUR: Tour = {
  title: 'Two',
  stops: [
    { state: { conv: 'torch', B: '3' }, caption: 'first $x$' },
    { state: { conv: 'column', focus: 'dW:1,0' }, caption: 'second', question: 'which?' },
  ],
};
const captions = (t: Tour) => t.stops.map((s) => s.caption);
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('authoring a tour', () => {
  it('adds the view as a stop (without how the page is viewed), edits, moves, duplicates and deletes, each undone in turn', () => {
    const store = createAppStore('B=1&lang=en-XA');
    const a = () => store.getState();
    a().addStop(lessonStateOf(store));
    expect(plain(a().draft.stops)).toEqual([{ state: { B: '1' }, caption: '' }]);
    a().setStopText(0, 'caption', 'one');
    a().addStop({ conv: 'torch' });
    a().setStopText(1, 'caption', 'two');
    a().duplicateStop(1);
    a().setStopText(2, 'caption', 'three');
    a().moveStop(2, -1);
    expect(captions(a().draft)).toEqual(['one', 'three', 'two']);
    a().deleteStop(0);
    expect(captions(a().draft)).toEqual(['three', 'two']);
    a().undoDraft();
    expect(captions(a().draft)).toEqual(['one', 'three', 'two']);
    a().undoDraft();
    expect(captions(a().draft)).toEqual(['one', 'two', 'three']);
    a().undoDraft();
    expect(captions(a().draft)).toEqual(['one', 'two', 'two']);
    a().undoDraft();
    expect(captions(a().draft)).toEqual(['one', 'two']);
  });

  it('typing into one field is one step to undo, not one per key', () => {
    const store = createAppStore();
    const a = () => store.getState();
    a().addStop({});
    for (const text of ['W', 'Wh', 'Why', 'Why?']) a().setStopText(0, 'caption', text);
    a().setStopText(0, 'question', 'Q');
    a().setStopText(0, 'question', 'Q?');
    expect(a().draft.stops[0]).toMatchObject({ caption: 'Why?', question: 'Q?' });
    a().undoDraft();
    expect(plain(a().draft.stops[0])).toEqual({ state: {}, caption: 'Why?' });
    a().undoDraft();
    expect(a().draft.stops[0].caption).toBe('');
    a().undoDraft();
    expect(a().draft.stops).toEqual([]);
    expect(a().draftPast).toEqual([]);
  });

  it('ignores moves out of range and edits that change nothing (nothing to undo)', () => {
    const store = createAppStore();
    const a = () => store.getState();
    a().addStop({});
    const past = a().draftPast.length;
    a().moveStop(0, -1);
    a().moveStop(0, 1);
    a().deleteStop(3);
    a().duplicateStop(-1);
    a().setStopText(0, 'caption', '');
    a().setStopText(5, 'caption', 'x');
    expect(a().draftPast.length).toBe(past);
  });

  it('keeps the draft in its storage after every change and undo, and a new store reads it back', () => {
    const storage = fakeStorage();
    const store = createAppStore('', { drafts: storage });
    store.getState().setDraftTitle('Mine');
    store.getState().addStop({ B: '4' });
    store.getState().setStopText(0, 'caption', 'hello');
    expect(storage.writes).toBe(3);
    const again = createAppStore('', { drafts: storage }).getState().draft;
    expect(plain(again)).toEqual({ title: 'Mine', stops: [{ state: { B: '4' }, caption: 'hello' }] });
    store.getState().undoDraft();
    expect(createAppStore('', { drafts: storage }).getState().draft.stops[0].caption).toBe('');
    // A title with no stop yet is kept too.
    store.getState().deleteStop(0);
    expect(plain(createAppStore('', { drafts: storage }).getState().draft)).toEqual({ title: 'Mine', stops: [] });
  });

  it('starts empty when the storage holds nothing usable or refuses, and keeps working in memory', () => {
    for (const text of ['not json', '{"format":"backprop-dense-tour","version":9,"title":"x","stops":[]}', null]) {
      expect(createAppStore('', { drafts: fakeStorage(text) }).getState().draft).toEqual({ title: '', stops: [] });
    }
    const refusing: DraftStorage = {
      load: () => {
        throw new Error('SecurityError');
      },
      save: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = createAppStore('', { drafts: refusing });
    store.getState().addStop({});
    expect(store.getState().draft.stops.length).toBe(1);
  });

  it('two stores on one page keep their own running tour and draft', () => {
    const storage = fakeStorage();
    const one = createAppStore('', { drafts: storage });
    const two = createAppStore('', { drafts: storage });
    one.getState().addStop({ B: '2' });
    one.getState().setTourAt(TOUR, 1, true);
    expect(two.getState().draft.stops).toEqual([]);
    expect(two.getState().tour).toBeNull();
  });
});

describe('a tour in the link', () => {
  const code = encodeTour(TOUR);

  it('without stop=, opens the first stop with its lesson; with stop=, that stop over the link’s own lesson', () => {
    const first = createAppStore(`tour=${code}`);
    expect([first.getState().tourIndex, first.getState().config.convention, first.getState().config.B, first.getState().notices]).toEqual([0, 'torch', 3, []]);
    const second = createAppStore(`conv=column&focus=dW:1,0&tour=${code}&stop=2`);
    expect([second.getState().tourIndex, second.getState().config.convention, second.getState().focus]).toEqual([1, 'column', { m: 'dW', r: 1, c: 0 }]);
    expect(second.getState().notices).toEqual([]);
  });

  it('writes the tour and the stop back, and lessonStateOf leaves them out', () => {
    const store = createAppStore(`tour=${code}`);
    store.getState().setTourAt(store.getState().tour, 1, true);
    const q = encodeUrl(urlStateOf(store.getState(), store.select));
    expect(q).toContain(`tour=${code}&stop=2`);
    expect(Object.keys(lessonStateOf(store))).not.toContain('tour');
    expect(Object.keys(lessonStateOf(store))).not.toContain('stop');
  });

  it('a stop past the end opens the last, a bad stop the first, each with a notice', () => {
    const past = createAppStore(`tour=${code}&stop=9`).getState();
    expect([past.tourIndex, past.notices.map((n) => [n.param, n.message.key])]).toEqual([1, [['stop', 'notice.tour.stopPast']]]);
    const bad = createAppStore(`tour=${code}&stop=two`).getState();
    expect([bad.tourIndex, bad.notices.map((n) => [n.param, n.message.key])]).toEqual([0, [['stop', 'notice.tour.stopBad']]]);
  });

  it('a tour that cannot be read is refused with a notice and the link’s lesson opens as it is', () => {
    const s = createAppStore('B=4&tour=zZZZZ').getState();
    expect([s.tour, s.config.B, s.notices.map((n) => [n.param, n.message.key])]).toEqual([null, 4, [['tour', 'notice.tour.refused']]]);
    expect(encodeUrl(urlStateOf(s, createAppStore().select))).toBe('B=4');
  });
});

describe('lessons replaced while a tour runs', () => {
  it('replaceLessonState opens the stop on a default lesson, keeping the tour, the draft and the page’s language', () => {
    const store = createAppStore('B=4&N=5&seed=3&lang=en-XA', { drafts: fakeStorage(tourText(TOUR)) });
    store.getState().setTourAt(TOUR, 0, true);
    const notices = replaceLessonState(store, { conv: 'torch', B: '99' });
    const s = store.getState();
    expect([s.config.convention, s.config.B, s.config.N, s.seed, s.locale]).toEqual(['torch', 12, 3, 7, 'en-XA']);
    expect(notices.map((n) => n.param)).toEqual(['B']);
    expect([s.tour, s.tourIndex, s.draft.title]).toEqual([TOUR, 0, 'Two']);
  });

  it('an embedding host’s setState keeps the tour too', () => {
    const store = createAppStore();
    store.getState().setTourAt(TOUR, 1, false);
    applyLessonState(store, { B: '3' });
    expect([store.getState().tour, store.getState().tourIndex, store.getState().revealed, store.getState().config.B]).toEqual([TOUR, 1, false, 3]);
  });
});
