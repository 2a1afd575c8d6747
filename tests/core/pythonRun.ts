// Running exported Python programs for the tests: all of them in one Python process (importing torch takes
// seconds), each in a fresh namespace with its stdout captured and any warning recorded. Python, NumPy and
// PyTorch must be there: without them the tests fail and say how to install them (never skip).
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
export const INSTALL = 'apt-get install -y python3-numpy python3-torch';

/** Runs each program given in a fresh namespace, its stdout captured and any warning recorded, and prints one JSON line per program. */
const DRIVER = `
import contextlib, io, json, sys, traceback, warnings
import numpy, torch
for path in sys.argv[1:]:
    out, error = io.StringIO(), None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            with open(path, encoding='utf-8') as f:
                code = compile(f.read(), path, 'exec')
            with contextlib.redirect_stdout(out):
                exec(code, {'__name__': '__main__'})
        except BaseException:
            error = traceback.format_exc()
    sys.stdout.write(json.dumps({'path': path, 'stdout': out.getvalue(), 'error': error, 'warnings': [str(w.message) for w in caught]}) + '\\n')
`;

/** Fails, naming the command that installs them, unless Python can import NumPy and PyTorch. */
export function assertPython(): void {
  const r = spawnSync(PYTHON, ['-c', 'import numpy, torch'], { encoding: 'utf8', timeout: 60_000 });
  const why = r.error ? r.error.message : r.status !== 0 ? r.stderr.trim().split('\n').pop() : null;
  if (why) {
    throw new Error(
      `The exported programs need Python 3 with NumPy and PyTorch, and ${PYTHON} cannot import them (${why}). ` +
        `Install them with: ${INSTALL} (or set PYTHON to an interpreter that has both).`,
    );
  }
}

/** What one program did: what it printed, the traceback if it failed, and its warnings. */
export interface PythonRun {
  stdout: string;
  error: string | null;
  warnings: string[];
}

/** Writes the programs (by id) to a temporary folder, runs them all in one Python process, and returns each one's run and the seconds they took. */
export async function runPrograms(programs: ReadonlyMap<string, string>, prefix: string, timeout: number): Promise<{ runs: Map<string, PythonRun>; seconds: number }> {
  assertPython();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const paths = new Map<string, string>();
    for (const [id, program] of programs) {
      const path = join(dir, `p${paths.size}.py`);
      writeFileSync(path, program);
      paths.set(path, id);
    }
    const driver = join(dir, 'driver.py');
    writeFileSync(driver, DRIVER);
    const start = performance.now();
    const { stdout } = await promisify(execFile)(PYTHON, [driver, ...paths.keys()], { maxBuffer: 1 << 28, timeout });
    const seconds = (performance.now() - start) / 1000;
    const runs = new Map<string, PythonRun>();
    for (const line of stdout.trim().split('\n')) {
      const r = JSON.parse(line) as PythonRun & { path: string };
      runs.set(paths.get(r.path) ?? r.path, r);
    }
    return { runs, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a program prints, as JSON. */
export type Json = number | null | Json[] | { [key: string]: Json };

/** Where a printed value differs from core's: shapes, keys, or a number that `near` refuses (given the printed number, core's and where). */
export function differences(got: unknown, want: Json, path: string, out: string[], near: (got: number, want: number, path: string) => boolean): void {
  if (typeof want === 'number') {
    if (typeof got !== 'number' || !near(got, want, path)) out.push(`${path}: ${String(got)}, core ${want}`);
  } else if (want === null) {
    if (got !== null) out.push(`${path}: ${JSON.stringify(got)}, core null`);
  } else if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) out.push(`${path}: ${JSON.stringify(got)?.slice(0, 200)} is not a list of ${want.length}`);
    else want.forEach((w, k) => differences(got[k], w, `${path}[${k}]`, out, near));
  } else {
    const keys = Object.keys(want);
    if (typeof got !== 'object' || got === null || Array.isArray(got)) out.push(`${path}: not an object`);
    else {
      const have = Object.keys(got);
      if (have.join() !== keys.join()) out.push(`${path}: keys ${have.join(', ')}, wanted ${keys.join(', ')}`);
      for (const key of keys) differences((got as Record<string, unknown>)[key], want[key], `${path}.${key}`, out, near);
    }
  }
}
