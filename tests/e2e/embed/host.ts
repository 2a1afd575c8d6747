// A host page on another origin (a second 127.0.0.1 port) for the embedding
// tests: serves pages registered by the test, and the client module copied
// from the build, as an author who self-hosts it would.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Host {
  origin: string;
  /** Registers a page at `path`. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../../dist');

/** Starts a host server on a free port. */
export async function startHost(): Promise<Host> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/embed.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(join(DIST, 'embed.js')));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return `${origin}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A host page with one iframe per src, each connected with the client:
 * window.lessons[k] is the connection (or window.failures[k] the error),
 * window.events[k] every event it heard, window.raw[k] every message.
 */
export function hostPage(srcs: string[], opts: { timeout?: number; autoSize?: boolean; extra?: string } = {}): string {
  const frames = srcs.map((src, k) => `<iframe id="f${k}" title="Lesson ${k + 1}" src="${src}" width="760" height="520" allow="fullscreen" style="border:0"></iframe>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body style="margin:0">
<main><h1>Host page</h1>${frames}</main>
<script type="module">
import { connect } from './embed.js';
window.events = ${JSON.stringify(srcs.map(() => []))};
window.raw = ${JSON.stringify(srcs.map(() => []))};
window.lessons = [];
window.failures = [];
const frames = [...document.querySelectorAll('iframe')];
window.addEventListener('message', (e) => {
  const k = frames.findIndex((f) => f.contentWindow === e.source);
  if (k >= 0) window.raw[k].push(e.data);
});
${opts.extra ?? ''}
window.connected = Promise.all(frames.map(async (f, k) => {
  try {
    const lesson = await connect(f, { timeout: ${opts.timeout ?? 15000}, autoSize: ${opts.autoSize ?? true} });
    for (const type of ['ready', 'stateChanged', 'stepChanged', 'focusChanged', 'resize']) lesson.on(type, (e) => window.events[k].push({ type, ...e }));
    window.lessons[k] = lesson;
  } catch (err) {
    window.failures[k] = String(err && err.message);
  }
}));
</script></body></html>`;
}
