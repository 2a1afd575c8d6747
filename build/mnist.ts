// The handwritten digits as one binary asset, assets/mnist-digits.bin (format: src/core/train/digitsFormat.ts),
// made from the `mnist` package's ten JSON files (about 21 MB of text, 10,000 digits) into 7.85 MB of bytes. The build
// emits it into dist/ (so `vite preview` serves it as a file); the dev server answers the same path from memory.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { digitsFromClasses, encodeDigits } from '../src/core/train/digitsFormat.ts';

/** Where the asset is, relative to the app's base. */
export const MNIST_ASSET = 'assets/mnist-digits.bin';

/** The package's digits, class by class (0 to 9), as the file's bytes. */
export function mnistAssetBytes(root: string): Uint8Array {
  const pkg = createRequire(join(root, 'package.json')).resolve('mnist/package.json');
  const byClass = Array.from({ length: 10 }, (_, d) => {
    const file = join(dirname(pkg), 'src', 'digits', `${d}.json`);
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const data = (json as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new Error(`build/mnist.ts: ${file} has no "data" array`);
    return data as number[];
  });
  return encodeDigits(digitsFromClasses(byClass));
}

/** Emits the asset at build time and serves it from the dev server. */
export function mnistDigits(): Plugin {
  let root = process.cwd();
  let bytes: Uint8Array | null = null;
  const asset = (): Uint8Array => (bytes ??= mnistAssetBytes(root));
  return {
    name: 'backprop-dense:mnist-digits',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      const path = `${server.config.base}${MNIST_ASSET}`;
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== path) return next();
        const body = asset();
        res.statusCode = 200;
        res.setHeader('Content-Type', 'application/octet-stream');
        res.setHeader('Content-Length', String(body.byteLength));
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_ASSET, source: asset() });
    },
  };
}
