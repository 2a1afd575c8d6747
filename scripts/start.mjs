// `npm start`: serves the app at http://127.0.0.1:5173/, or at the --port and --host given after `--`. When that
// port is taken it says so and stops, rather than moving to another port the README and shared links do not name.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Where `npm start` serves the app unless told otherwise. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5173;

/** The host and port asked for (`--port 5180`, `--port=5180`, `--host …`), and the other arguments for Vite. */
export function parseArgs(args) {
  let host = DEFAULT_HOST;
  let port = DEFAULT_PORT;
  const rest = [];
  for (let k = 0; k < args.length; k++) {
    const [flag, inline] = args[k].split(/=(.*)/s);
    if (flag !== '--port' && flag !== '--host') {
      rest.push(args[k]);
      continue;
    }
    const value = inline ?? args[++k];
    if (flag === '--host') host = value ?? host;
    else port = Number(value);
  }
  return { host, port, rest };
}

/** Resolves to null when host:port can be listened on, else to why not (an error code such as EADDRINUSE). */
export function portProblem(port, host = DEFAULT_HOST) {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return Promise.resolve('EINVAL');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (e) => resolve(e.code ?? String(e)));
    probe.once('listening', () => probe.close(() => resolve(null)));
    probe.listen(port, host);
  });
}

/** What `npm start` says when it cannot serve on host:port, with a way out. */
export function problemMessage(port, host, problem) {
  const other = port === 5180 ? 5181 : 5180;
  const instead = `run \`npm start -- --port ${other}\` to serve at http://${host}:${other}/ instead.`;
  if (problem === 'EADDRINUSE') return `npm start: port ${port} is in use on ${host}, so the app was not started. Stop the other server, or ${instead}`;
  if (problem === 'EINVAL') return `npm start: “${port}” is not a port (a whole number from 1 to 65535); ${instead}`;
  return `npm start: cannot serve on ${host}:${port} (${problem}); ${instead}`;
}

async function main() {
  const { host, port, rest } = parseArgs(process.argv.slice(2));
  const problem = await portProblem(port, host);
  if (problem) {
    console.error(problemMessage(port, host, problem));
    process.exit(1);
  }
  // --strictPort: should the port be taken between the check and Vite's start, Vite fails rather than moving.
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const child = spawn(process.execPath, [vite, '--host', host, '--port', String(port), '--strictPort', '--open=false', ...rest], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
