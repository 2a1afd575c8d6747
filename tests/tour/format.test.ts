// The tour file and link formats: every tour round-trips through its link code and its file text; the checks
// refuse what is not a tour, a newer version, or one over the limits, and leave out exactly the bad stops.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTour, encodeTour, fromBase64Url, toBase64Url } from '../../src/tour/codec.ts';
import { captionPieces } from '../../src/tour/caption.ts';
import { MAX_BYTES, MAX_STOPS, type Tour, checkTour, readTourText, tourText } from '../../src/tour/format.ts';
import { LESSON_PARAMS } from '../../src/store/url.ts';

const param = fc.constantFrom(...LESSON_PARAMS);
const state = fc.dictionary(param, fc.string({ maxLength: 30 }), { maxKeys: 6 });
const stop = fc.record({ state, caption: fc.string({ maxLength: 80 }), question: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }) }).map((s) => (s.question === undefined ? { state: s.state, caption: s.caption } : s));
const tour: fc.Arbitrary<Tour> = fc.record({ title: fc.string({ maxLength: 40 }), stops: fc.array(stop, { minLength: 1, maxLength: 12 }) });
/** A tour as plain objects, to compare with what the checks return (null-prototype records). */
const plain = (t: Tour | null) => (t ? JSON.parse(JSON.stringify(t)) : t);

describe('the tour= link code', () => {
  it('round-trips every tour, with no problem, in URL-safe characters', () => {
    fc.assert(
      fc.property(tour, (t) => {
        const code = encodeTour(t);
        expect(code).toMatch(/^[jz][A-Za-z0-9_-]*$/);
        const back = decodeTour(code, LESSON_PARAMS);
        expect([plain(back.tour), back.problems]).toEqual([plain(t), []]);
      }),
      { numRuns: 150 },
    );
  });

  it('deflates when that is shorter, and only then', () => {
    const long: Tour = { title: 'Long', stops: Array.from({ length: 30 }, () => ({ state: { conv: 'torch', B: '4' }, caption: 'the same words again and again' })) };
    expect(encodeTour(long)[0]).toBe('z');
    expect(encodeTour({ title: '', stops: [{ state: {}, caption: '' }] })[0]).toBe('j');
    const plainLength = toBase64Url(new TextEncoder().encode(JSON.stringify([1, long.title, long.stops.map((s) => ['conv=torch&B=4', s.caption])]))).length;
    expect(encodeTour(long).length).toBeLessThan(plainLength / 4);
  });

  it('base64url round-trips every byte string and refuses other characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(Array.from(fromBase64Url(toBase64Url(b)) ?? [])).toEqual(Array.from(b));
      }),
    );
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });

  it('never throws on any text, and refuses what it cannot read', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = decodeTour(s, LESSON_PARAMS);
        expect(r.tour === null || r.tour.stops.length > 0).toBe(true);
      }),
    );
    expect(decodeTour('zAAAA', LESSON_PARAMS).problems[0].message.key).toBe('tour.problem.code');
    expect(decodeTour('q' + encodeTour({ title: '', stops: [{ state: {}, caption: '' }] }).slice(1), LESSON_PARAMS).problems[0].message.key).toBe('tour.problem.code');
  });

  it('refuses a code that inflates past 1 MB (a deflate bomb), without parsing it', async () => {
    const { deflateSync } = await import('fflate');
    const bomb = `z${toBase64Url(deflateSync(new Uint8Array(5 * MAX_BYTES).fill(32)))}`;
    expect(bomb.length).toBeLessThan(20_000);
    const r = decodeTour(bomb, LESSON_PARAMS);
    expect([r.tour, r.problems[0].message.key, r.problems[0].fatal]).toEqual([null, 'tour.problem.tooBig', true]);
  });

  it('refuses a newer version in a link as in a file', () => {
    const code = `j${toBase64Url(new TextEncoder().encode(JSON.stringify([2, 't', [['B=2', 'c']]])))}`;
    expect(decodeTour(code, LESSON_PARAMS).problems.map((p) => p.message.key)).toEqual(['tour.problem.version']);
  });
});

describe('the tour file', () => {
  it('round-trips every tour through its text', () => {
    fc.assert(
      fc.property(tour, (t) => {
        const back = readTourText(tourText(t), LESSON_PARAMS);
        expect([plain(back.tour), back.problems]).toEqual([plain(t), []]);
      }),
      { numRuns: 100 },
    );
  });

  const file = (extra: object) => ({ format: 'backprop-dense-tour', version: 1, title: 'T', stops: [{ state: { B: '3' }, caption: 'c' }], ...extra });
  const keys = (raw: unknown) => checkTour(raw, LESSON_PARAMS).problems.map((p) => p.message.key);

  it('refuses what is not a tour of this format and version, naming why', () => {
    expect(keys(null)).toEqual(['tour.problem.notObject']);
    expect(keys([file({})])).toEqual(['tour.problem.notObject']);
    expect(keys(file({ format: 'other' }))).toEqual(['tour.problem.format']);
    expect(keys(file({ version: 2 }))).toEqual(['tour.problem.version']);
    expect(keys(file({ version: 1.5 }))).toEqual(['tour.problem.versionBad']);
    expect(keys(file({ version: '1' }))).toEqual(['tour.problem.versionBad']);
    expect(keys(file({ stops: [] }))).toEqual(['tour.problem.noStops']);
    expect(keys(file({ stops: {} }))).toEqual(['tour.problem.noStops']);
    expect(readTourText('{', LESSON_PARAMS).problems.map((p) => p.message.key)).toEqual(['tour.problem.json']);
    expect(readTourText(' '.repeat(MAX_BYTES + 1), LESSON_PARAMS).problems.map((p) => p.message.key)).toEqual(['tour.problem.tooBig']);
    // 1 MB counts bytes, not characters: 400,000 three-byte characters are 1.2 MB.
    expect(readTourText(JSON.stringify(file({ title: '€'.repeat(400_000) })), LESSON_PARAMS).problems.map((p) => p.message.key)).toEqual(['tour.problem.tooBig']);
  });

  it('every newer version is refused, whatever else the file holds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e9 }), fc.anything(), (v, stops) => {
        expect(keys({ format: 'backprop-dense-tour', version: v, title: 'x', stops })).toEqual(['tour.problem.version']);
      }),
    );
  });

  it('leaves out exactly the bad stops, each named by its number, and never lets a prototype key through', () => {
    const text = `{"format":"backprop-dense-tour","version":1,"title":"T","stops":[
      {"state":{"B":"3"},"caption":"good"},
      {"state":{"__proto__":{"polluted":"yes"}},"caption":"a"},
      {"state":{"constructor":"x"},"caption":"b"},
      {"state":{"B":3},"caption":"c"},
      {"state":[],"caption":"d"},
      {"state":{},"caption":1},
      {"state":{},"caption":"e","question":false},
      "stop",
      {"state":{"conv":"torch"},"caption":"good too","question":"why?"}]}`;
    const r = readTourText(text, LESSON_PARAMS);
    expect(r.problems.map((p) => [p.stop, p.message.key])).toEqual([
      [2, 'tour.problem.stop.param'],
      [3, 'tour.problem.stop.param'],
      [4, 'tour.problem.stop.value'],
      [5, 'tour.problem.stop.state'],
      [6, 'tour.problem.stop.caption'],
      [7, 'tour.problem.stop.question'],
      [8, 'tour.problem.stop.notObject'],
    ]);
    expect(plain(r.tour)).toEqual({ title: 'T', stops: [{ state: { B: '3' }, caption: 'good' }, { state: { conv: 'torch' }, caption: 'good too', question: 'why?' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.tour?.stops[0].state)).toBeNull();
  });

  it('keeps the first 200 stops of a longer tour, and says so', () => {
    const stops = Array.from({ length: MAX_STOPS + 7 }, (_, k) => ({ state: { seed: String(k) }, caption: '' }));
    const r = checkTour({ format: 'backprop-dense-tour', version: 1, title: 'L', stops }, LESSON_PARAMS);
    expect(r.tour?.stops.length).toBe(MAX_STOPS);
    expect(r.tour?.stops[MAX_STOPS - 1].state.seed).toBe(String(MAX_STOPS - 1));
    expect(r.problems.map((p) => [p.message.key, p.fatal])).toEqual([['tour.problem.tooMany', false]]);
  });

  it('a title that is not text leaves the tour untitled, with a problem that is not fatal', () => {
    const r = checkTour(file({ title: 5 }), LESSON_PARAMS);
    expect([r.tour?.title, r.problems.map((p) => [p.message.key, p.fatal])]).toEqual(['', [['tour.problem.title', false]]]);
  });

  it('never throws on anything, and a tour it returns has only allowed parameters and text', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), fc.array(fc.anything(), { maxLength: 5 }), (title, stops) => {
        const r = checkTour({ format: 'backprop-dense-tour', version: 1, title, stops }, LESSON_PARAMS);
        for (const s of r.tour?.stops ?? []) {
          for (const [k, v] of Object.entries(s.state)) expect([LESSON_PARAMS.includes(k), typeof v]).toEqual([true, 'string']);
          expect(typeof s.caption).toBe('string');
        }
      }),
    );
  });
});

describe('captions', () => {
  it('cut into words and inline maths between $…$', () => {
    expect(captionPieces('Take $x_0 W$ and $b$.')).toEqual([
      { kind: 'text', text: 'Take ' },
      { kind: 'tex', tex: 'x_0 W' },
      { kind: 'text', text: ' and ' },
      { kind: 'tex', tex: 'b' },
      { kind: 'text', text: '.' },
    ]);
    expect(captionPieces('costs \\$5, or $ alone')).toEqual([{ kind: 'text', text: 'costs $5, or $ alone' }]);
    expect(captionPieces('$$')).toEqual([{ kind: 'text', text: '$$' }]);
  });

  it('lose nothing: the pieces put back give the caption (without its escapes)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const back = captionPieces(s).map((p) => (p.kind === 'text' ? p.text : `$${p.tex}$`)).join('');
        expect(back).toBe(s.replace(/\\\$/g, '$'));
      }),
    );
  });
});
