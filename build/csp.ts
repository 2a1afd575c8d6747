// The Content-Security-Policy of the production build: a <meta> tag in index.html, and the same policy as a
// response header from `vite preview` (the e2e suite serves the build that way). Only the build gets it: the dev
// server's React refresh runs inline scripts, which `script-src 'self'` forbids.
import type { Plugin } from 'vite';
import { BOOT_SCRIPT_HASH } from './prerender.ts';

/**
 * The policy, one directive a line. Everything comes from the app's own origin. `style-src` also allows
 * 'unsafe-inline' for one reason: KaTeX's HTML output positions every glyph with inline `style` attributes
 * (thousands on a page), which no hash or nonce can cover. Scripts stay strict: the one inline script is the boot
 * line that hides the prerendered lesson on a linked visit (build/prerender.ts), allowed by its hash alone.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  `script-src 'self' ${BOOT_SCRIPT_HASH}`,
  "object-src 'none'",
  "base-uri 'none'",
  "connect-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "form-action 'none'",
];

/** The policy as one header or meta value. */
export const CSP = CSP_DIRECTIVES.join('; ');

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i;

/** Adds the policy to the built index.html right after its charset, before anything it governs. */
export function cspPlugin(): Plugin {
  return {
    name: 'backprop-dense:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!CHARSET.test(html)) throw new Error('build/csp.ts: index.html has no <meta charset> to put the policy after');
        return html.replace(CHARSET, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
      },
    },
  };
}
