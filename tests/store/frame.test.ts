// The frame's URL parameters (embed, show, lock, origin): read with a notice
// for each bad value, written back into the frame's own link, and never part
// of the lesson.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAME, SECTIONS, normalOrigin, readFrame, writeFrame } from '../../src/store/frame.ts';
import { decodeUrl, encodeUrl } from '../../src/store/url.ts';
import { EN } from '../../src/ui/strings/en.ts';
import { createI18n } from '../../src/ui/strings/i18n.ts';

const i18n = createI18n('en', EN);
const read = (q: string) => {
  const p = new URLSearchParams(q);
  const said: { param: string; text: string }[] = [];
  const frame = readFrame((n) => p.get(n), (param, m) => said.push({ param, text: i18n.msg(m) }));
  return { frame, said };
};

describe('the frame parameters', () => {
  it('default to the full app', () => {
    expect(read('').frame).toEqual(DEFAULT_FRAME);
    expect(writeFrame(DEFAULT_FRAME)).toEqual([]);
  });

  it('read embed, lock, show and origin', () => {
    const { frame, said } = read('embed=1&lock=true&show=derivation,forward&origin=https://lms.example.org,http://127.0.0.1:8080/');
    expect(said).toEqual([]);
    expect(frame).toEqual({ embed: true, lock: true, show: ['forward', 'derivation'], origins: ['https://lms.example.org', 'http://127.0.0.1:8080'] });
    expect(writeFrame(frame)).toEqual([
      ['embed', '1'],
      ['show', 'forward,derivation'],
      ['lock', '1'],
      ['origin', 'https://lms.example.org,http://127.0.0.1:8080'],
    ]);
  });

  it('name each bad value and fall back safely', () => {
    const { frame, said } = read('embed=maybe&show=forward,sideways&origin=javascript:alert(1),https://ok.example/path');
    expect(frame.embed).toBe(false);
    expect(frame.show).toEqual(['forward']);
    // An origin list with nothing usable allows no one, rather than everyone.
    expect(frame.origins).toEqual([]);
    expect(said.map((s) => s.param)).toEqual(['embed', 'show', 'origin', 'origin']);
    expect(said[0].text).toContain('maybe');
    expect(said[1].text).toContain('sideways');
    expect(said[1].text).toContain(SECTIONS.join(', '));
    expect(said[2].text).toContain('javascript:alert(1)');
    expect(read('show=').said[0].text).toContain('no section');
    expect(read('show=').frame.show).toEqual(SECTIONS);
  });

  it('accept only web origins written as origins', () => {
    expect(normalOrigin('https://a.example')).toBe('https://a.example');
    expect(normalOrigin('https://a.example:443')).toBe(null);
    expect(normalOrigin('ftp://a.example')).toBe(null);
    expect(normalOrigin('*')).toBe(null);
    expect(normalOrigin('null')).toBe(null);
  });

  it('round-trip through the link with the lesson', () => {
    const q = 'conv=torch&B=3&embed=1&show=forward,backward&lock=1';
    const { state, notices } = decodeUrl(q);
    expect(notices).toEqual([]);
    expect(state.frame).toMatchObject({ embed: true, lock: true, show: ['forward', 'backward'] });
    expect(encodeUrl(state)).toBe(q);
  });
});
