// The embed link and the iframe snippet an author copies.
import { describe, expect, it } from 'vitest';
import { embedUrl, iframeSnippet } from '../../src/embed/snippet.ts';
import { decodeUrl } from '../../src/store/url.ts';

const base = 'https://example.org/app/';

describe('the embed snippet', () => {
  it('links the lesson in embed mode, with show and lock only when chosen', () => {
    expect(embedUrl({ base, lesson: '', show: ['controls', 'player', 'forward', 'backward', 'derivation', 'jacobian'], lock: false })).toBe(`${base}?embed=1`);
    const url = embedUrl({ base, lesson: 'conv=torch&B=3', show: ['derivation', 'forward'], lock: true });
    expect(url).toBe(`${base}?conv=torch&B=3&embed=1&show=forward,derivation&lock=1`);
    const { state, notices } = decodeUrl(new URL(url).search);
    expect(notices).toEqual([]);
    expect(state.frame).toEqual({ embed: true, show: ['forward', 'derivation'], lock: true, origins: null });
    expect(state.convention).toBe('torch');
  });

  it('writes an iframe with title, size, lazy loading and fullscreen allowed, escaping what it quotes', () => {
    const s = iframeSnippet({ base, lesson: 'x=1,2;3,4', show: ['forward'], lock: false, width: 760.4, height: 520, title: 'Backprop "dense" <layer>' });
    expect(s).toBe(
      `<iframe src="${base}?x=1,2;3,4&amp;embed=1&amp;show=forward" title="Backprop &quot;dense&quot; &lt;layer&gt;" width="760" height="520" loading="lazy" allow="fullscreen" style="border: 0; max-width: 100%"></iframe>`,
    );
  });
});
