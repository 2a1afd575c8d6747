// Builds the host's client (src/embed/client.ts) as one self-contained ES
// module, dist/embed.js, next to the app: `import { connect } from './embed.js'`.
// Run after the app's build (npm run build does both); it adds to dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: process.env.EMBED_OUT_DIR ?? 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    minify: true,
    lib: { entry: 'src/embed/client.ts', formats: ['es'], fileName: () => 'embed.js' },
  },
});
