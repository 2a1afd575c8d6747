// `npm start` serves at the port the README promises, or says plainly that it cannot.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseArgs, portProblem, problemMessage } from '../../scripts/start.mjs';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Occupies a free port on 127.0.0.1 and resolves to it. */
function occupy(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    servers.push(s);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
}

/** Runs `node scripts/start.mjs args…` and resolves to its exit code and error output. */
function start(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/start.mjs', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm start', () => {
  it('serves on 5173 unless told otherwise, and reads --port in both spellings', () => {
    expect(DEFAULT_PORT).toBe(5173);
    expect(parseArgs([])).toEqual({ host: '127.0.0.1', port: 5173, rest: [] });
    expect(parseArgs(['--port', '5180'])).toEqual({ host: '127.0.0.1', port: 5180, rest: [] });
    expect(parseArgs(['--port=5180', '--open', '--host', '0.0.0.0'])).toEqual({ host: '0.0.0.0', port: 5180, rest: ['--open'] });
    expect(parseArgs(['--port', 'abc']).port).toBeNaN();
  });

  it('finds a taken port taken, and a free one free', async () => {
    const port = await occupy();
    expect(await portProblem(port)).toBe('EADDRINUSE');
    await new Promise((r) => servers.pop()!.close(r));
    expect(await portProblem(port)).toBeNull();
    expect(await portProblem(Number.NaN)).toBe('EINVAL');
  });

  it('says the port is in use and how to use another, and starts nothing', async () => {
    const port = await occupy();
    const { code, stderr } = await start(['--port', String(port)]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(problemMessage(port, '127.0.0.1', 'EADDRINUSE'));
    expect(stderr).toContain(`port ${port} is in use on 127.0.0.1, so the app was not started. Stop the other server, or run \`npm start -- --port 5180\``);
    expect(problemMessage(5180, '127.0.0.1', 'EADDRINUSE')).toContain('npm start -- --port 5181');
    expect(problemMessage(Number.NaN, '127.0.0.1', 'EINVAL')).toContain('is not a port');
  });
});
