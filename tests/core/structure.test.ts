// The rules of the house, checked on the source: no module-level mutable
// state (two apps on one page must never share any), core free of the app,
// and numbers formatted by the one formatter.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

const sources = files(SRC).map((p) => ({ path: p.slice(SRC.length + 1), text: readFileSync(p, 'utf8') }));

describe('the source tree', () => {
  it('has no module-level mutable state: no top-level let or var, no shared collections or buffers', () => {
    const bad: string[] = [];
    for (const { path, text } of sources) {
      text.split('\n').forEach((line, k) => {
        if (/^(export\s+)?(let|var)\s/.test(line)) bad.push(`${path}:${k + 1}: ${line.trim()}`);
        const shared = /^(export\s+)?const\s+\w+(\s*:\s*([^=]+))?=\s*new\s+(Map|Set|WeakMap|WeakSet|Float64Array|Float32Array|Uint32Array|Uint8Array|Int32Array|Array)\b/.exec(line);
        if (shared && !/^\s*Readonly/.test(shared[3] ?? '')) bad.push(`${path}:${k + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('writes numbers with the one formatter: no hard-coded toLocaleString', () => {
    const bad = sources.filter((s) => s.text.includes('toLocaleString(')).map((s) => s.path);
    expect(bad).toEqual([]);
  });

  it('keeps views from cutting formulas or messages apart', () => {
    const bad: string[] = [];
    for (const { path, text } of sources.filter((s) => s.path.startsWith('ui/'))) {
      text.split('\n').forEach((line, k) => {
        if (/\.(indexOf|split|replace)\(\s*['"`/][^)]*\\\\/.test(line) || /\.split\(' = '\)/.test(line)) bad.push(`${path}:${k + 1}: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });

  it('keeps core pure and free of words for the learner: every sentence comes from a message key', () => {
    for (const { path, text } of sources.filter((s) => s.path.startsWith('core/'))) {
      expect(text, path).not.toMatch(/from ['"](react|react-dom|d3|zustand|katex)/);
      // LaTeX in core carries no English words: \text{...} would put them on screen untranslated.
      expect(text, path).not.toMatch(/\\\\text\{[A-Za-z]{2,}/);
    }
  });

  it('has no import cycles, type imports included, and imports point one way: ui → store → tour → core', () => {
    const norm = (from: string, spec: string) => {
      const parts = [...from.split('/').slice(0, -1), ...spec.split('/')];
      const out: string[] = [];
      for (const p of parts) {
        if (p === '..') out.pop();
        else if (p !== '.') out.push(p);
      }
      return out.join('/');
    };
    const edges = new Map<string, string[]>();
    for (const { path, text } of sources) {
      const deps = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => norm(path, m[1]));
      edges.set(path, deps);
      const layer = path.split('/')[0];
      for (const d of deps) {
        const to = d.split('/')[0];
        if (layer === 'core') expect(to, `${path} imports ${d}`).toBe('core');
        if (layer === 'store') expect(['core', 'store', 'tour'], `${path} imports ${d}`).toContain(to);
        // The tour file and link formats are pure like core: only core and themselves.
        if (layer === 'tour') expect(['core', 'tour'], `${path} imports ${d}`).toContain(to);
      }
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const d of edges.get(f) ?? []) visit(d, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of edges.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('keeps files short: none over 300 lines', () => {
    const long = sources.filter((s) => s.text.split('\n').length > 300).map((s) => `${s.path} (${s.text.split('\n').length})`);
    expect(long).toEqual([]);
  });
});
