// The default lesson prerendered into the built index.html: a visit with no query string paints the lesson's
// numbers, labels and plain-text formulas as soon as the HTML and the stylesheet arrive, before the app's script has
// been fetched or run; the app then hydrates that markup (src/main.tsx), keeping its elements and making them live.
//
// A visit with a query string (a shared lesson, a tour, an embed) must never flash the default lesson first: the
// one-line boot script in the head marks such a visit before the body is parsed, styles.css hides the prerendered
// markup there, and src/main.tsx drops it before it mounts the lesson the link names. The boot script is allowed by its hash in the policy (build/csp.ts), so scripts stay
// strict.
//
// The markup is painted whole or not at all: on a slow machine the parser yields mid-page, and a paint of half the
// lesson moves the header and the grids as the rest arrives (a layout shift of 0.01 on a loaded CI machine). A
// render-blocking `<link rel=expect>` holds the first paint until an empty marker just after the root element is
// parsed (Chromium 124+; other browsers ignore it and paint as they parse). The marker, not the root itself:
// Chromium lets the paint go once the target's start tag is in, before its children.
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';

/** Marks a visit that names its lesson (any query string), before the prerendered default lesson can paint. */
export const BOOT_SCRIPT = "if(location.search)document.documentElement.setAttribute('data-linked','')";

/** The boot script's hash as a CSP source expression. */
export const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

/** The empty element after the root that ends the prerendered lesson. */
export const PAINT_MARK = '<div id="prerendered" hidden></div>';
/** Holds the first paint until that marker, and so the whole prerendered lesson, has been parsed. */
export const PAINT_WHOLE = '<link rel="expect" href="#prerendered" blocking="render">';

/** The element the app mounts into, as index.html has it. */
const ROOT = '<div id="root"></div>';
const HEAD_END = '</head>';

/** Puts the boot script and the paint-whole link at the end of the head, the prerendered markup inside the root element and its end marker after it. */
export function withPrerender(html: string, markup: string): string {
  if (!html.includes(ROOT)) throw new Error(`build/prerender.ts: index.html has no ${ROOT} to prerender into`);
  if (!html.includes(HEAD_END)) throw new Error('build/prerender.ts: index.html has no </head> for the boot script');
  return html
    .replace(HEAD_END, `  <script>${BOOT_SCRIPT}</script>\n  ${PAINT_WHOLE}\n  ${HEAD_END}`)
    .replace(ROOT, `<div id="root">${markup}</div>${PAINT_MARK}`);
}

/** Renders src/ui/prerender.tsx in Node through a throwaway Vite server (the app's own transforms, no HMR). */
async function renderDefaultLesson(root: string): Promise<string> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const mod = (await server.ssrLoadModule('/src/ui/prerender.tsx')) as { prerender(): string };
    return mod.prerender();
  } finally {
    await server.close();
  }
}

/** The build's plugin: index.html gets the boot script and the default lesson's markup. */
export function prerenderPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'backprop-dense:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        return withPrerender(html, await renderDefaultLesson(root));
      },
    },
  };
}
