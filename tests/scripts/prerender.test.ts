// The build's prerender: where the markup and the boot script go in index.html, and the policy that allows the
// boot script by its hash and nothing else inline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../build/csp.ts';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH, PAINT_MARK, PAINT_WHOLE, withPrerender } from '../../build/prerender.ts';

const PAGE = '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>';

describe('withPrerender', () => {
  it('puts the markup inside the root element and the boot script at the end of the head', () => {
    const html = withPrerender(PAGE, '<div class="app">lesson</div>');
    expect(html).toContain(`<div id="root"><div class="app">lesson</div></div>${PAINT_MARK}`);
    expect(html.indexOf(`<script>${BOOT_SCRIPT}</script>`)).toBeLessThan(html.indexOf('</head>'));
    expect(html.indexOf(`<script>${BOOT_SCRIPT}</script>`)).toBeGreaterThan(html.indexOf('<title>'));
  });

  it('holds the first paint until the marker after the lesson is parsed, from the head (a link in the body would not block)', () => {
    const html = withPrerender(PAGE, '<div class="app">lesson</div>');
    expect(PAINT_WHOLE).toBe('<link rel="expect" href="#prerendered" blocking="render">');
    expect(PAINT_MARK).toBe('<div id="prerendered" hidden></div>');
    expect(html.indexOf(PAINT_MARK)).toBeGreaterThan(html.indexOf('lesson</div></div>'));
    expect(html.indexOf(PAINT_WHOLE)).toBeGreaterThan(-1);
    expect(html.indexOf(PAINT_WHOLE)).toBeLessThan(html.indexOf('</head>'));
  });

  it('says what is missing from a page it cannot prerender into', () => {
    expect(() => withPrerender(PAGE.replace('<div id="root"></div>', ''), 'x')).toThrow(/no <div id="root"><\/div>/);
    expect(() => withPrerender(PAGE.replace('</head>', ''), 'x')).toThrow(/no <\/head>/);
  });
});

describe('the boot script and the policy', () => {
  it('marks only a visit with a query string', () => {
    const seen: string[] = [];
    const run = (search: string) => new Function('location', 'document', BOOT_SCRIPT)({ search }, { documentElement: { setAttribute: (n: string) => seen.push(`${search}:${n}`) } });
    run('');
    run('?B=3');
    expect(seen).toEqual(['?B=3:data-linked']);
  });

  it('is allowed by its sha-256 and nothing else inline: the policy has no unsafe-inline for scripts', () => {
    const digest = createHash('sha256').update(BOOT_SCRIPT, 'utf8').digest('base64');
    expect(BOOT_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
    const scripts = CSP.split('; ').find((d) => d.startsWith('script-src '));
    expect(scripts).toBe(`script-src 'self' 'sha256-${digest}'`);
  });

  it('is the policy the README documents (its public contract)', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(CSP.replace(/\s+/g, ' '));
  });
});
