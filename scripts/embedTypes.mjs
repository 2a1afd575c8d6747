// Writes the client's type declarations next to dist/embed.js (embed.d.ts and
// embed-protocol.d.ts), from the same source the app is built from, so a
// host written in TypeScript gets the protocol's types.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = process.env.EMBED_OUT_DIR ?? 'dist';
const tmp = mkdtempSync(join(tmpdir(), 'embed-types-'));
const r = spawnSync(
  'npx',
  ['tsc', 'src/embed/client.ts', '--ignoreConfig', '--declaration', '--emitDeclarationOnly', '--allowImportingTsExtensions', '--target', 'es2022', '--module', 'esnext',
    '--moduleResolution', 'bundler', '--lib', 'es2023,dom', '--strict', '--skipLibCheck', '--types', 'node', '--outDir', tmp],
  { stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
const fix = (text) => text.replaceAll("'./protocol.ts'", "'./embed-protocol.js'");
writeFileSync(join(out, 'embed.d.ts'), fix(readFileSync(join(tmp, 'client.d.ts'), 'utf8')));
writeFileSync(join(out, 'embed-protocol.d.ts'), fix(readFileSync(join(tmp, 'protocol.d.ts'), 'utf8')));
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${out}/embed.d.ts and ${out}/embed-protocol.d.ts`);
